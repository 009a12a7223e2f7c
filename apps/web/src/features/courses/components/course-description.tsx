import type { Components } from "react-markdown";
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";

// The description sits under the page's own h2, so its headings start at h3. Raw HTML is never rendered.
const components: Components = {
  h1: ({ children }) => <h3 className="mt-6 text-lg font-semibold">{children}</h3>,
  h2: ({ children }) => <h3 className="mt-6 text-lg font-semibold">{children}</h3>,
  h3: ({ children }) => <h4 className="mt-5 font-semibold">{children}</h4>,
  h4: ({ children }) => <h4 className="mt-5 font-semibold">{children}</h4>,
  p: ({ children }) => <p className="mt-4 first:mt-0">{children}</p>,
  ul: ({ children }) => <ul className="mt-4 list-disc space-y-1.5 pl-6">{children}</ul>,
  ol: ({ children }) => <ol className="mt-4 list-decimal space-y-1.5 pl-6">{children}</ol>,
  strong: ({ children }) => <strong className="font-semibold text-foreground">{children}</strong>,
  a: ({ children, href }) => (
    <a href={href} className="font-medium text-primary underline underline-offset-2" rel="noopener noreferrer">
      {children}
    </a>
  ),
  code: ({ children }) => (
    <code className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-[0.9em] text-foreground">{children}</code>
  ),
  blockquote: ({ children }) => (
    <blockquote className="mt-4 border-l-2 border-border-strong pl-4">{children}</blockquote>
  ),
  img: () => null,
};

/** The creator's description, written in Markdown. */
export function CourseDescription({ markdown }: { markdown: string }) {
  return (
    <div className="text-[1.0625rem] leading-relaxed text-pretty text-muted">
      <Markdown remarkPlugins={[remarkGfm]} components={components}>
        {markdown}
      </Markdown>
    </div>
  );
}
