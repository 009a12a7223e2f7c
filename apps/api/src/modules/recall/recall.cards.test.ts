import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildRecallCards, lessonPassages, MAX_CARDS_PER_LESSON } from "./recall.cards.js";

const transcript = (file: string) =>
  readFileSync(
    fileURLToPath(new URL(`../../../../../packages/db/assets/transcripts/${file}`, import.meta.url)),
    "utf8",
  );
const calvin = {
  id: "l1",
  title: "The Calvin cycle",
  courseTitle: "Photosynthesis Essentials",
  contentMd: "",
  transcriptVtt: transcript("photosynthesis-calvin-cycle.vtt"),
};
const vtt = `WEBVTT

00:00:00.000 --> 00:00:04.000
Welcome back to the coffee course.

00:00:04.000 --> 00:00:09.000
Extraction is the process of dissolving flavour compounds from the ground coffee into the water.

00:00:09.000 --> 00:00:15.000
A finer grind exposes more surface to the water, so extraction runs faster.

00:00:15.000 --> 00:00:21.000
Bloom is the burst of carbon dioxide that escapes when hot water first meets fresh coffee.
`;
const coffee = { id: "l2", title: "Extraction", courseTitle: "Coffee", contentMd: "", transcriptVtt: vtt };

describe("recall cards from a lesson", () => {
  it("turns the lesson's definitions into term → meaning cards cued at the second they are said", () => {
    const cards = buildRecallCards(lessonPassages(coffee));
    const extraction = cards.find((c) => c.key === "extraction");
    expect(extraction).toMatchObject({
      kind: "definition",
      term: "Extraction",
      meaning: "The process of dissolving flavour compounds from the ground coffee into the water",
      cueSeconds: 4,
    });
    expect(cards.find((c) => c.key === "bloom")).toMatchObject({ kind: "definition", cueSeconds: 15 });
  });

  it("builds the same cards from the same lesson every time, never two on one term", () => {
    const first = buildRecallCards(lessonPassages(calvin));
    expect(buildRecallCards(lessonPassages(calvin))).toEqual(first);
    expect(first.length).toBeGreaterThan(1);
    expect(first.length).toBeLessThanOrEqual(MAX_CARDS_PER_LESSON);
    expect(new Set(first.map((c) => c.key)).size).toBe(first.length);
    for (const card of first) {
      expect(card.cueSeconds).not.toBeNull();
      expect(calvin.transcriptVtt).toContain(card.meaning.split(" ").slice(-3).join(" ").replace(/[.…]$/, ""));
    }
  });

  it("adds the lesson's key sentences as cards when it defines little, with no second for a text lesson", () => {
    const text = {
      id: "l3",
      title: "Chain care",
      courseTitle: "Bikes",
      contentMd:
        "# Chain care\n\nA dirty chain wears the cassette and the chainrings much faster than a clean chain.\n\nWipe the chain after every wet ride and oil each roller sparingly.\n\nA worn chain skips under load because the rollers no longer sit deep in the teeth.",
      transcriptVtt: null,
    };
    const cards = buildRecallCards(lessonPassages(text));
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.cueSeconds).toBeNull();
    expect(cards.some((c) => c.kind === "key_idea")).toBe(true);
  });

  it("makes no card from a lesson with nothing to say", () => {
    expect(buildRecallCards(lessonPassages({ ...coffee, transcriptVtt: null }))).toEqual([]);
  });
});
