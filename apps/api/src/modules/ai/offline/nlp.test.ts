import { describe, expect, it } from "vitest";
import { analyse, contentLemmas, getNlp, textLemmas } from "./nlp.js";
import { correctWord, editDistance, typoBudget, wordCounts } from "./spelling.js";

describe("analyse", () => {
  it("loads wink-nlp once and reuses it", () => {
    expect(getNlp()).toBe(getNlp());
  });

  it("splits sentences and maps each one back to its exact place in the text", () => {
    const text = "Rubisco attaches it to a sugar.  It is slow, handling only a few molecules per second.";
    const sentences = analyse(text);
    expect(sentences.map((s) => s.text)).toEqual([
      "Rubisco attaches it to a sugar.",
      "It is slow, handling only a few molecules per second.",
    ]);
    for (const s of sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      for (const t of s.tokens) expect(text.slice(t.offset, t.offset + t.value.length)).toBe(t.value);
    }
  });

  it("ends a sentence after a lone capital initial followed by a capitalised word", () => {
    expect(analyse("It is shortened to G three P. Phase three is regeneration.").map((s) => s.text)).toEqual([
      "It is shortened to G three P.",
      "Phase three is regeneration.",
    ]);
  });

  it("gives content lemmas without stop words or punctuation", () => {
    const [s] = analyse("The molecules were attached, and the cycles ran!");
    expect(s && contentLemmas(s)).toEqual(["molecule", "attach", "cycle", "run"]);
    expect(textLemmas("What does the Calvin cycle spend?")).toEqual(["calvin", "cycle", "spend"]);
  });
});

describe("spelling", () => {
  it("counts a swap of neighbouring letters as one edit", () => {
    expect(editDistance("cheimosmosis", "chemiosmosis")).toBe(1);
    expect(editDistance("infinte", "infinite")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
  });

  it("repairs longer words towards known words, and never touches short ones", () => {
    const known = wordCounts(["That is an infinite loop. Use a for loop, not a form."]);
    expect(correctWord("infinte", known)).toBe("infinite");
    expect(correctWord("infinite", known)).toBeUndefined();
    expect(typoBudget("form")).toBe(0);
    expect(correctWord("fro", known)).toBeUndefined();
    expect(correctWord("photosynthesis", known)).toBeUndefined();
  });

  it("breaks ties by frequency, then alphabetically", () => {
    const known = new Map([
      ["cycles", 1],
      ["cycled", 3],
    ]);
    expect(correctWord("cyclez", known)).toBe("cycled");
  });
});
