/**
 * Lesson markdown → plain-text blocks grouped by heading path, for indexing. Deliberately small: lessons use
 * headings, paragraphs, lists, tables, block quotes and code, and the index only needs their words in order.
 */

export interface MarkdownSection {
  /** Headings from the outermost to the nearest one (empty before the first heading). */
  path: string[];
  /** Paragraph-like blocks as plain text; a list or table is one block with one sentence per line. */
  blocks: string[];
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;

/** Inline markdown → text: emphasis, links, images and HTML go; code keeps its text (it is the content). */
export function stripInline(text: string): string {
  const code: string[] = [];
  // Code spans first, so `a_b * c` inside them is never read as emphasis.
  let out = text.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_m, _ticks, body: string) => {
    code.push(body.trim());
    return `\uE000${code.length - 1}\uE000`;
  });
  out = out
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<[^>\n]+>/g, "")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\*)/g, "$1$2")
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1$2")
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1");
  return out.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => code[Number(i)] ?? "").replace(/[ \t]+/g, " ");
}

/** A line that ends a sentence, so that list items and table rows don't run into each other. */
function asSentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  return /[.!?:;)"'”’]$/.test(t) ? t : `${t}.`;
}

function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => stripInline(c.trim()));
}

/** One sentence per row: "Thylakoids — what it is: flattened membrane sacs; what happens there: …". */
function tableBlock(rows: string[]): string {
  const [head, ...body] = rows.filter((r) => !TABLE_RULE.test(r)).map(tableCells);
  if (!head) return "";
  if (body.length === 0) return asSentence(head.join("; "));
  return body
    .map((cells) => {
      const [first = "", ...rest] = cells;
      const parts = rest
        .map((c, i) => {
          const label = head[i + 1]?.trim();
          return c ? (label ? `${label.toLowerCase()}: ${c}` : c) : "";
        })
        .filter(Boolean);
      return asSentence(parts.length ? `${first} — ${parts.join("; ")}` : first);
    })
    .join("\n");
}

export function markdownSections(md: string): MarkdownSection[] {
  const lines = md.replace(/\r\n?/g, "\n").split("\n");
  const sections: MarkdownSection[] = [];
  let current: MarkdownSection = { path: [], blocks: [] };
  const stack: string[] = [];
  let paragraph: string[] = [];
  let items: string[] = [];
  let table: string[] = [];

  const flush = () => {
    if (paragraph.length) current.blocks.push(stripInline(paragraph.join(" ")).trim());
    if (items.length) current.blocks.push(items.map((i) => asSentence(stripInline(i))).join("\n"));
    if (table.length) current.blocks.push(tableBlock(table));
    paragraph = [];
    items = [];
    table = [];
    current.blocks = current.blocks.filter((b) => b.trim() !== "");
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (FENCE.test(line)) {
      flush();
      const fence = (FENCE.exec(line)?.[1] ?? "```") as string;
      const body: string[] = [];
      while (i + 1 < lines.length && !(lines[i + 1] as string).trim().startsWith(fence))
        body.push(lines[++i] as string);
      i++;
      // Code is lesson content: kept verbatim as its own block.
      if (body.join("").trim()) current.blocks.push(body.join("\n").trim());
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      if (current.blocks.length) sections.push(current);
      const level = (heading[1] as string).length;
      stack.length = Math.min(stack.length, level - 1);
      while (stack.length < level - 1) stack.push("");
      stack.push(stripInline(heading[2] ?? "").trim());
      current = { path: stack.filter(Boolean), blocks: [] };
      continue;
    }
    if (!line.trim() || RULE.test(line)) {
      flush();
      continue;
    }
    const text = line.replace(/^\s*>\s?/, "");
    if (TABLE_ROW.test(text)) {
      if (paragraph.length || items.length) flush();
      table.push(text);
      continue;
    }
    const item = LIST_ITEM.exec(text);
    if (item) {
      if (paragraph.length || table.length) flush();
      items.push(item[1] ?? "");
      continue;
    }
    if (items.length && /^\s{2,}\S/.test(line)) {
      // A continuation line of the previous list item.
      items[items.length - 1] = `${items[items.length - 1]} ${text.trim()}`;
      continue;
    }
    if (items.length || table.length) flush();
    paragraph.push(text.trim());
  }
  flush();
  if (current.blocks.length) sections.push(current);
  return sections;
}
