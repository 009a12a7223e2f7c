import type { Note } from "@lumen/contracts";

/** "mm:ss", or "h:mm:ss" past the hour: the clock a learner sees on the player. */
export function clockLabel(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** One line of text: headings and link labels must not break the document's structure. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** Where a note was pinned, as a link back into the learning room. */
function anchorLink(note: Note, appUrl: string): string {
  const room = `${appUrl}/learn/${note.course_id}/${note.lesson_id}`;
  if (note.position_seconds !== null) {
    return `[${clockLabel(note.position_seconds)}](${room}?t=${Math.floor(note.position_seconds)})`;
  }
  return `[¶ ${(note.paragraph ?? 0) + 1}](${room}?p=${note.paragraph ?? 0})`;
}

/** A note's text as a list item's content: later lines indented so they stay inside the item. */
function itemText(note: Note): string {
  const body = note.body.trim().replace(/\r\n?/g, "\n");
  const text = note.kind === "bookmark" ? (body ? `Bookmark: ${body}` : "Bookmark") : body;
  return text.split("\n").join("\n  ");
}

/**
 * The learner's notes of one course as Markdown: the course title, a heading per lesson (in course order, as the
 * notes come), and a `- [mm:ss](link) text` line per note, the link opening the lesson at that moment.
 */
export function notesMarkdown(input: { courseTitle: string; appUrl: string; notes: Note[] }): string {
  const lines = [`# ${oneLine(input.courseTitle)}`, ""];
  if (input.notes.length === 0) lines.push("No notes yet.", "");
  let lessonId: string | null = null;
  for (const note of input.notes) {
    if (note.lesson_id !== lessonId) {
      if (lessonId !== null) lines.push("");
      lessonId = note.lesson_id;
      lines.push(`## ${oneLine(note.lesson_title)}`, "");
    }
    lines.push(`- ${anchorLink(note, input.appUrl)} ${itemText(note)}`);
  }
  if (lessonId !== null) lines.push("");
  return lines.join("\n");
}

/** A file name from the course title: lowercase words joined by dashes, never empty. */
export function exportFileName(courseTitle: string): string {
  const slug = courseTitle
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || "course"}-notes.md`;
}
