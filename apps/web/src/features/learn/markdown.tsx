import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Content headings sit one level below the page's own heading: a lesson's "# Title" becomes an h2, so the page
 * keeps a single h1 and a heading outline that screen readers can follow.
 */
const SHIFTED_HEADINGS: Components = {
  h1: ({ node: _node, ...props }) => <h2 {...props} />,
  h2: ({ node: _node, ...props }) => <h3 {...props} />,
  h3: ({ node: _node, ...props }) => <h4 {...props} />,
  h4: ({ node: _node, ...props }) => <h5 {...props} />,
  h5: ({ node: _node, ...props }) => <h6 {...props} />,
};

/** A first line "# <title>" that only repeats the page's heading. */
function withoutRepeatedTitle(source: string, title: string | undefined): string {
  if (!title) return source;
  const match = /^\s*#\s+(.+?)\s*#*\s*(?:\r?\n|$)/.exec(source);
  if (!match || match[1]?.trim().toLowerCase() !== title.trim().toLowerCase()) return source;
  return source.slice(match[0].length);
}

/**
 * Lesson text. Raw HTML in the markdown is not rendered (react-markdown's default), so content can't inject
 * markup. With `title`, a leading heading that repeats it is left out (the page already shows it).
 */
export function Markdown({ source, title }: { source: string; title?: string }) {
  return (
    <div className="lesson-prose">
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={SHIFTED_HEADINGS}>
        {withoutRepeatedTitle(source, title)}
      </ReactMarkdown>
    </div>
  );
}
