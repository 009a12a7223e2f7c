import { describe, expect, it } from "vitest";
import { mergeSegments, replay, segmentsCoverage, segmentsOverlap } from "./segments.js";

describe("the segment arithmetic (as lumen_merge_segments, lumen_segments_coverage and lumen_segments_overlap)", () => {
  it("merges into a sorted union, joining segments less than half a second apart", () => {
    expect(mergeSegments([[20, 30]], [[0, 10]], [[10.4, 15]], [[25, 40]])).toEqual([
      [0, 15],
      [20, 40],
    ]);
    expect(mergeSegments([[0, 10]], [[10.6, 12]])).toEqual([
      [0, 10],
      [10.6, 12],
    ]);
    expect(mergeSegments([[5, 3]])).toEqual([]);
  });

  it("measures coverage within the video, to two decimals, at most 100", () => {
    expect(segmentsCoverage([[0, 100]], 300)).toBe(33.33);
    expect(
      segmentsCoverage(
        [
          [-5, 50],
          [280, 320],
        ],
        300,
      ),
    ).toBe(23.33);
    expect(segmentsCoverage([[0, 500]], 300)).toBe(100);
    expect(segmentsCoverage([[0, 10]], 0)).toBe(0);
  });

  it("finds what was already watched, ignoring touching boundaries and sub-second slivers", () => {
    expect(segmentsOverlap([[0, 60]], [[50, 70]])).toEqual([[50, 60]]);
    expect(segmentsOverlap([[0, 60]], [[60, 70]])).toEqual([]);
    expect(segmentsOverlap([[0, 60]], [[59.5, 70]])).toEqual([]);
    expect(
      segmentsOverlap(
        [
          [0, 10],
          [20, 30],
        ],
        [[5, 25]],
      ),
    ).toEqual([
      [5, 10],
      [20, 25],
    ]);
  });
});

describe("replaying playback as the player reports it", () => {
  it("reports every ten seconds of play, and a first viewing rewatches nothing", () => {
    const { watched, reports } = replay([{ from: 0, to: 35, at: 1_000 }], 100);
    expect(reports.map((r) => r.segment)).toEqual([
      [0, 10],
      [10, 20],
      [20, 30],
      [30, 35],
    ]);
    expect(reports.map((r) => r.at)).toEqual([11_000, 21_000, 31_000, 36_000]);
    expect(reports.every((r) => r.rewatched.length === 0)).toBe(true);
    expect(watched).toEqual([[0, 35]]);
    expect(reports.at(-1)?.coverage).toBe(35);
  });

  it("finds the rewatched seconds after a jump back, report by report", () => {
    const { watched, reports } = replay(
      [
        { from: 0, to: 50, at: 0 },
        { from: 30, to: 60, at: 55_000 },
      ],
      60,
    );
    expect(reports.slice(5).map((r) => r.rewatched)).toEqual([[[30, 40]], [[40, 50]], []]);
    expect(watched).toEqual([[0, 60]]);
  });

  it("merges on top of what was watched before", () => {
    const { reports } = replay([{ from: 10, to: 20, at: 0 }], 60, [[0, 30]]);
    expect(reports[0]?.rewatched).toEqual([[10, 20]]);
    expect(reports[0]?.coverage).toBe(50);
  });
});
