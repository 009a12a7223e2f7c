import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

/** Lesson text. Raw HTML in the markdown is not rendered (react-markdown's default), so content can't inject markup. */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="lesson-prose">
      <ReactMarkdown remarkPlugins={[remarkGfm]}>{source}</ReactMarkdown>
    </div>
  );
}
