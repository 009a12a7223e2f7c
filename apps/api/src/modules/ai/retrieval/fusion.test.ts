import { describe, expect, it } from "vitest";
import { RRF_K, ranksOf, reciprocalRankFusion } from "./fusion.js";

describe("ranksOf", () => {
  it("ranks by score and lets equal scores share the best rank", () => {
    const ranks = ranksOf([
      { id: "a", score: 0.2 },
      { id: "b", score: 0.9 },
      { id: "c", score: 0.2 },
      { id: "d", score: 0.1 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ b: 1, a: 2, c: 2, d: 4 });
  });

  it("treats float noise below 1e-6 as a tie, and leaves out zero, negative and NaN scores", () => {
    const ranks = ranksOf([
      { id: "a", score: 0.5 },
      { id: "b", score: 0.5 + 1e-9 },
      { id: "z", score: 0 },
      { id: "n", score: -0.3 },
      { id: "x", score: Number.NaN },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ a: 1, b: 1 });
  });
});

describe("reciprocalRankFusion", () => {
  it("adds 1/(k + rank) over the rankings", () => {
    const fused = reciprocalRankFusion([
      [
        { id: "a", score: 3 },
        { id: "b", score: 2 },
      ],
      [{ id: "b", score: 1 }],
    ]);
    expect(fused.get("a")).toBeCloseTo(1 / (RRF_K + 1), 12);
    expect(fused.get("b")).toBeCloseTo(1 / (RRF_K + 2) + 1 / (RRF_K + 1), 12);
  });

  it("prefers a chunk most rankings agree on over one a single ranking loves", () => {
    const fused = reciprocalRankFusion([
      [
        { id: "solo", score: 9 },
        { id: "agreed", score: 8 },
      ],
      [
        { id: "agreed", score: 5 },
        { id: "other", score: 4 },
      ],
      [{ id: "agreed", score: 1 }],
    ]);
    expect(fused.get("agreed")).toBeGreaterThan(fused.get("solo") ?? 0);
  });
});
