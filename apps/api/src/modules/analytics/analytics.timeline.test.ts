import { describe, expect, it } from "vitest";
import { bucketCount, bucketSecondsFor, MAX_TIMELINE_BUCKETS, presentTimeline } from "./analytics.timeline.js";

describe("timeline stretches", () => {
  it("uses the shortest round length that keeps a video within the stretch limit", () => {
    expect(bucketSecondsFor(100)).toBe(5);
    expect(bucketSecondsFor(600)).toBe(5);
    expect(bucketSecondsFor(601)).toBe(10);
    expect(bucketSecondsFor(1200)).toBe(10);
    expect(bucketSecondsFor(3600)).toBe(30);
    expect(bucketSecondsFor(86_400)).toBe(720);
    for (const duration of [1, 59, 601, 1799, 7201, 40_000, 86_400]) {
      expect(bucketCount(duration, bucketSecondsFor(duration))).toBeLessThanOrEqual(MAX_TIMELINE_BUCKETS);
    }
  });

  it("has no stretches for an unknown length, and a short last stretch otherwise", () => {
    expect(bucketCount(0, bucketSecondsFor(0))).toBe(0);
    expect(bucketCount(12, 5)).toBe(3);
    const timeline = presentTimeline(
      [
        { bucket: 0, rewatch_learners: 1, rewatched_seconds: 10, questions: 0 },
        { bucket: 1, rewatch_learners: 0, rewatched_seconds: 0, questions: 2 },
        { bucket: 2, rewatch_learners: 1, rewatched_seconds: 2, questions: 1 },
      ],
      5,
      12,
    );
    expect(timeline.map((b) => [b.start_seconds, b.end_seconds])).toEqual([
      [0, 5],
      [5, 10],
      [10, 12],
    ]);
    // Rewatches in whole-stretch equivalents: 10 s over a 5 s stretch is two viewings again; 2 s of a 2 s one, one.
    expect(timeline.map((b) => b.rewatches)).toEqual([2, 0, 1]);
    expect(timeline[1]?.questions).toBe(2);
  });
});
