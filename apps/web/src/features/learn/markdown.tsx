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

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/**
 * Numbers the text's paragraphs in document order (`id="p-0"`, `data-paragraph="0"`): the stable anchor a reading's
 * notes are pinned to, and what `?p=` scrolls to.
 */
function numberParagraphs() {
  return (tree: HastNode) => {
    let n = 0;
    const visit = (node: HastNode) => {
      if (node.type === "element" && node.tagName === "p") {
        node.properties = { ...node.properties, id: `p-${n}`, dataParagraph: n, tabIndex: -1 };
        n += 1;
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}

/** A first line "# <title>" that only repeats the page's heading. */
function withoutRepeatedTitle(source: string, title: string | undefined): string {
  if (!title) return source;
  const match = /^\s*#\s+(.+?)\s*#*\s*(?:\r?\n|$)/.exec(source);
  if (!match || match[1]?.trim().toLowerCase() !== title.trim().toLowerCase()) return source;
  return source.slice(match[0].length);
}

/**
 * Lesson text. Raw HTML in the markdown is not rendered (react-markdown's default), so content can't inject
 * markup. With `title`, a leading heading that repeats it is left out (the page already shows it); with `anchors`,
 * paragraphs are numbered for notes (one lesson's text per page, so the ids are unique).
 */
export function Markdown({ source, title, anchors }: { source: string; title?: string; anchors?: boolean }) {
  return (
    <div className="lesson-prose">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={anchors ? [numberParagraphs] : []}
        components={SHIFTED_HEADINGS}
      >
        {withoutRepeatedTitle(source, title)}
      </ReactMarkdown>
    </div>
  );
}
