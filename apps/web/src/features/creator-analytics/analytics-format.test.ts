import { describe, expect, it } from "vitest";
import { formatSeconds, heatLevel, questionMarkers, questionsIn, timelineSummary } from "./analytics-format";
import type { TimelineBucket } from "./creator-analytics.api";

const bucket = (i: number, learners: number, questions: number, size = 10): TimelineBucket => ({
  start_seconds: i * size,
  end_seconds: i * size + size,
  rewatch_learners: learners,
  rewatched_seconds: learners * 5,
  rewatches: learners / 2,
  questions,
});

describe("timeline figures", () => {
  it("grades heat against the lesson's own peak, so a quiet lesson still shows its hard spot", () => {
    expect([0, 1, 2, 3, 4, 8].map((n) => heatLevel(n, 8))).toEqual([0, 1, 1, 2, 2, 4]);
    expect(heatLevel(1, 1)).toBe(4);
    expect(heatLevel(0, 0)).toBe(0);
  });

  it("puts one marker per stretch with questions, with the listed questions that fall in it", () => {
    const timeline = [bucket(0, 0, 0), bucket(1, 0, 3), bucket(2, 0, 1)];
    const asked = (position_seconds: number | null) => ({
      question: `At ${position_seconds}`,
      position_seconds,
      asked_at: "2026-03-01T00:00:00Z",
    });
    const markers = questionMarkers(timeline, [asked(10), asked(19.9), asked(20), asked(30), asked(null)], 30);
    expect(markers.map((m) => [m.bucket, m.left, m.count, m.questions.map((q) => q.position_seconds)])).toEqual([
      [1, 50, 3, [10, 19.9]],
      // The last stretch includes the video's very end.
      [2, (25 / 30) * 100, 1, [20, 30]],
    ]);
    expect(questionMarkers(timeline, [], 0)).toEqual([]);
  });

  it("puts a question on a boundary in the later stretch only, and one at the very end in the last", () => {
    const timeline = [bucket(0, 0, 1), bucket(1, 0, 2)];
    const at = (position_seconds: number) => ({ question: `At ${position_seconds}`, position_seconds, asked_at: "" });
    const questions = [at(5), at(10), at(20)];
    expect(questionsIn(timeline, 0, questions).map((q) => q.position_seconds)).toEqual([5]);
    expect(questionsIn(timeline, 1, questions).map((q) => q.position_seconds)).toEqual([10, 20]);
    expect(questionsIn(timeline, 2, questions)).toEqual([]);
  });

  it("names the hardest stretches in one sentence", () => {
    expect(timelineSummary([bucket(0, 0, 0)])).toBe(
      "No one rewatched any part of this video or asked the tutor at a moment of it.",
    );
    expect(timelineSummary([bucket(0, 1, 0), bucket(1, 2, 0)])).toBe(
      "Most rewatched: 0:10–0:20, by 2 learners. No tutor questions were placed on the video.",
    );
  });

  it("says durations the way people do", () => {
    expect([12, 60, 200, 3600, 3900].map(formatSeconds)).toEqual(["12 s", "1 min", "3 min 20 s", "1 h", "1 h 5 min"]);
  });
});
