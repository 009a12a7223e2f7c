import { readFileSync } from "node:fs";
import path from "node:path";
import { DEMO_TRANSCRIPTS_DIR } from "@lumen/db";
import { describe, expect, it } from "vitest";
import { chunkLesson } from "../retrieval/chunker.js";
import type { Passage } from "./passages.js";
import { composeSummary } from "./summary.js";

const transcriptVtt = readFileSync(path.join(DEMO_TRANSCRIPTS_DIR, "photosynthesis-calvin-cycle.vtt"), "utf8");
const calvin: Passage[] = chunkLesson({ title: "The Calvin cycle", contentMd: "", transcriptVtt }).map((c) => ({
  ...c,
  lessonId: "cc",
  lessonTitle: "The Calvin cycle",
  courseTitle: "Photosynthesis Essentials",
}));

describe("composeSummary", () => {
  it("gives the lesson's key points in order, as many as asked, each cited to its second", () => {
    const r = composeSummary({ question: "Summarise this lesson in three points", passages: calvin, keyIdea: false });
    expect(r.grounded).toBe(true);
    expect(r.citations).toHaveLength(3);
    const seconds = r.citations.map((c) => c.start_seconds ?? -1);
    expect([...seconds].sort((a, b) => a - b)).toEqual(seconds);
    for (const [i, c] of r.citations.entries()) {
      expect(r.answer).toContain(`${c.excerpt} [${i + 1}]`);
      expect(c.lesson_id).toBe("cc");
    }
    // Greetings and agendas are not key points.
    expect(r.answer).not.toMatch(/\bwelcome\b|in this lesson/i);
    expect(
      composeSummary({ question: "Summarise this lesson", passages: calvin, keyIdea: false }).citations,
    ).toHaveLength(4);
  });

  it("gives one cited sentence for the most important idea, and blanks an open quiz's answers", () => {
    const r = composeSummary({ question: "What is the most important idea here?", passages: calvin, keyIdea: true });
    expect(r.citations).toHaveLength(1);
    const word = (r.citations[0]?.excerpt.match(/[A-Za-z]{6,}/) ?? [""])[0];
    const hidden = composeSummary({ question: "Summarise", passages: calvin, keyIdea: true, withhold: [word] });
    expect(hidden.answer).not.toContain(word);
    expect(hidden.answer).toContain("____");
  });

  it("says so when the lesson has nothing to summarise", () => {
    expect(composeSummary({ question: "Summarise this lesson", passages: [], keyIdea: false }).grounded).toBe(false);
  });
});
