import type { Note } from "@lumen/contracts";
import { describe, expect, it } from "vitest";
import { clockLabel, exportFileName, notesMarkdown } from "./note.export.js";

const note = (overrides: Partial<Note>): Note => ({
  id: "n",
  course_id: "c",
  lesson_id: "l",
  lesson_title: "Lesson",
  kind: "note",
  body: "Body",
  position_seconds: 0,
  paragraph: null,
  created_at: "2026-12-04T00:00:00.000Z",
  updated_at: "2026-12-04T00:00:00.000Z",
  ...overrides,
});

describe("the notes export", () => {
  it("writes the player's clock: mm:ss, and h:mm:ss past the hour", () => {
    expect([clockLabel(0), clockLabel(59.9), clockLabel(754), clockLabel(3723)]).toEqual([
      "00:00",
      "00:59",
      "12:34",
      "1:02:03",
    ]);
  });

  it("keeps headings on one line and says when there are no notes", () => {
    expect(notesMarkdown({ courseTitle: "Rivers\n# and more", appUrl: "https://x", notes: [] })).toBe(
      "# Rivers # and more\n\nNo notes yet.\n",
    );
    const md = notesMarkdown({
      courseTitle: "C",
      appUrl: "https://x",
      notes: [note({ lesson_title: "A\nB", body: "Labelled", kind: "bookmark", position_seconds: 61 })],
    });
    expect(md).toBe("# C\n\n## A B\n\n- [01:01](https://x/learn/c/l?t=61) Bookmark: Labelled\n");
  });

  it("names the file after the course, never empty", () => {
    expect(exportFileName("Café: Déjà vu!  ")).toBe("cafe-deja-vu-notes.md");
    expect(exportFileName("???")).toBe("course-notes.md");
  });
});
