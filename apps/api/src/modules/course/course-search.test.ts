import { describe, expect, it } from "vitest";
import { transpositionSpellings } from "./course.repo.js";

describe("transposition spellings of a search", () => {
  it("include the intended word for a swap of two neighbouring letters", () => {
    expect(transpositionSpellings("pyhton")).toContain("python");
    expect(transpositionSpellings("Pytohn basics")).toContain("python basics");
  });

  it("start with the query itself, lower-cased, and never repeat", () => {
    const spellings = transpositionSpellings("Balloon");
    expect(spellings[0]).toBe("balloon");
    expect(new Set(spellings).size).toBe(spellings.length);
  });

  it("leave short words and non-letters alone, and stay bounded for long queries", () => {
    expect(transpositionSpellings("form 1-2")).toEqual(["form 1-2"]);
    expect(transpositionSpellings("abcdefghij".repeat(10)).length).toBeLessThanOrEqual(24);
  });
});
