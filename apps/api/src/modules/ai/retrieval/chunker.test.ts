import { readFileSync } from "node:fs";
import path from "node:path";
import { parseWebVtt } from "@lumen/contracts";
import { DEMO_TRANSCRIPTS_DIR } from "@lumen/db";
import { demoCourses } from "@lumen/db/seed";
import { describe, expect, it } from "vitest";
import { chunkCourse, chunkLesson, chunkMarkdown, groupCues, HEADING_SEPARATOR } from "./chunker.js";
import { stripInline } from "./markdown.js";

const vtt = (name: string) => readFileSync(path.join(DEMO_TRANSCRIPTS_DIR, name), "utf8");
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const photosynthesis = demoCourses.find((c) => c.slug === "photosynthesis-essentials");
const leafLesson = photosynthesis?.modules.flatMap((m) => m.lessons).find((l) => l.title.startsWith("Inside the leaf"));

describe("chunkLesson on a demo transcript", () => {
  const source = vtt("photosynthesis-light-reactions.vtt");
  const cues = parseWebVtt(source);
  const chunks = chunkLesson({ title: "The light-dependent reactions", contentMd: "", transcriptVtt: source });

  it("groups 2 to 4 consecutive cues per chunk, of roughly 40 to 110 words", () => {
    expect(chunks.length).toBeGreaterThan(8);
    for (const c of chunks) {
      expect(c.source).toBe("transcript");
      expect(c.cues.length).toBeGreaterThanOrEqual(2);
      expect(c.cues.length).toBeLessThanOrEqual(4);
      expect(words(c.text)).toBeLessThanOrEqual(110);
    }
    const average = chunks.reduce((s, c) => s + words(c.text), 0) / chunks.length;
    expect(average).toBeGreaterThanOrEqual(40);
  });

  it("keeps every cue, in order, with its own start and end, and the chunk spans first start to last end", () => {
    const kept = chunks.flatMap((c) => c.cues);
    expect(kept.map((c) => c.text)).toEqual(cues.map((c) => c.text));
    for (const [i, cue] of kept.entries()) {
      expect(cue.start).toBeCloseTo(cues[i]?.start ?? -1, 3);
      expect(cue.end).toBeCloseTo(cues[i]?.end ?? -1, 3);
    }
    for (const c of chunks) {
      expect(c.startSeconds).toBe(c.cues[0]?.start);
      expect(c.endSeconds).toBe(c.cues[c.cues.length - 1]?.end);
      expect(c.text).toBe(c.cues.map((q) => q.text).join(" "));
      expect(c.heading).toBe("The light-dependent reactions");
    }
    expect(chunks.map((c) => c.position)).toEqual(chunks.map((_, i) => i));
  });

  it("closes a chunk early rather than cut the next sentence in two", () => {
    const p680 = chunks.find((c) => c.text.includes("called P six eighty,"));
    expect(p680?.text).toContain("because it absorbs best at six hundred and eighty nanometres");
  });

  it("stores times to the millisecond, as WebVTT writes them", () => {
    for (const cue of chunks.flatMap((c) => c.cues)) expect(Math.round(cue.start * 1000)).toBe(cue.start * 1000);
  });
});

describe("groupCues", () => {
  const cue = (i: number, text = "A short sentence of six words.") => ({ start: i, end: i + 1, text });

  it("never leaves a lone cue at the end", () => {
    for (let n = 2; n <= 11; n++) {
      const groups = groupCues(Array.from({ length: n }, (_, i) => cue(i)));
      expect(groups.flat()).toHaveLength(n);
      for (const g of groups) expect(g.length).toBeGreaterThanOrEqual(2);
      for (const g of groups) expect(g.length).toBeLessThanOrEqual(4);
    }
  });

  it("skips cues with no words", () => {
    expect(groupCues([cue(0), cue(1, " "), cue(2)]).flat()).toHaveLength(2);
  });
});

describe("chunkLesson on demo markdown", () => {
  const md = leafLesson?.content_md ?? "";
  const chunks = chunkLesson({ title: "Inside the leaf and the chloroplast", contentMd: md, transcriptVtt: null });

  it("splits by headings and names each chunk by its heading path", () => {
    expect(md.length).toBeGreaterThan(500);
    const headings = chunks.map((c) => c.heading);
    expect(headings).toContain(`Inside the leaf and the chloroplast${HEADING_SEPARATOR}The layers of a leaf`);
    expect(headings).toContain(
      `Inside the leaf and the chloroplast${HEADING_SEPARATOR}The layers of a leaf${HEADING_SEPARATOR}Stomata: a constant trade-off`,
    );
  });

  it("keeps chunks at or under ~160 words, with no cues or times", () => {
    for (const c of chunks) {
      expect(c.source).toBe("lesson");
      expect(words(c.text)).toBeLessThanOrEqual(160);
      expect(c.cues).toEqual([]);
      expect(c.startSeconds).toBeNull();
    }
  });

  it("strips markdown syntax and turns table rows into sentences", () => {
    const all = chunks.map((c) => c.text).join("\n");
    expect(all).not.toMatch(/\*\*|^#|\|/m);
    expect(all).toContain(
      "Thylakoids — what it is: Flattened membrane sacs; what happens there: Light-dependent reactions.",
    );
    expect(all).toContain("Waxy cuticle – a thin, waterproof coating that slows water loss.");
  });
});

describe("markdown details", () => {
  it("keeps inline code as text and drops emphasis, links and images", () => {
    expect(
      stripInline("Call `print(total_sum * 2)` in **bold** and _italic_, see [the docs](https://x.y) ![chart](c.png)"),
    ).toBe("Call print(total_sum * 2) in bold and italic, see the docs chart");
  });

  it("keeps fenced code as its own block and splits an overlong section by paragraphs", () => {
    const long = Array.from({ length: 5 }, (_, i) => `Paragraph ${i} ${"word ".repeat(60)}`.trim()).join("\n\n");
    const chunks = chunkMarkdown(
      `# Loops\n\n${long}\n\n\`\`\`python\nfor i in range(3):\n    print(i)\n\`\`\``,
      "Fallback",
    );
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(words(c.text)).toBeLessThanOrEqual(160);
    expect(chunks.some((c) => c.text.includes("for i in range(3):\n    print(i)"))).toBe(true);
    expect(new Set(chunks.map((c) => c.heading))).toEqual(new Set(["Loops"]));
  });

  it("uses the lesson title when the markdown has no heading", () => {
    const [chunk] = chunkMarkdown("**Key points**\n\n- One.\n- Two", "Why photosynthesis matters");
    expect(chunk?.heading).toBe("Why photosynthesis matters");
    expect(chunk?.text).toBe("Key points\n\nOne.\nTwo.");
  });
});

describe("a video lesson with notes", () => {
  it("yields its transcript chunks first, then its notes, numbered in one sequence", () => {
    const chunks = chunkLesson({
      title: "Loops",
      contentMd: "**Key points**\n\n- `range(5)` stops before 5.",
      transcriptVtt: vtt("python-loops.vtt"),
    });
    const notes = chunks.filter((c) => c.source === "lesson");
    expect(notes).toHaveLength(1);
    expect(chunks[chunks.length - 1]).toBe(notes[0]);
    expect(notes[0]?.text).toContain("range(5) stops before 5.");
    expect(chunks.map((c) => c.position)).toEqual(chunks.map((_, i) => i));
  });

  it("indexes nothing from an unreadable transcript instead of failing the save", () => {
    expect(chunkLesson({ title: "Broken", contentMd: "", transcriptVtt: "not a transcript" })).toEqual([]);
  });
});

describe("chunkCourse", () => {
  it("indexes the subtitle and description under the course title", () => {
    const chunks = chunkCourse({
      title: photosynthesis?.title ?? "",
      subtitle: photosynthesis?.subtitle ?? "",
      description: photosynthesis?.description ?? "",
    });
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of chunks) {
      expect(c.source).toBe("course");
      expect(c.heading).toBe("Photosynthesis Essentials");
      expect(c.text).not.toContain("**");
    }
    expect(chunks[0]?.text.startsWith("How plants turn sunlight")).toBe(true);
  });
});
