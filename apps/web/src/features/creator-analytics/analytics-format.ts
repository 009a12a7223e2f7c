import { formatClock } from "@/features/learn/format-time";
import { plural, wholeSeconds } from "@/lib/format";
import type { TimelineBucket, TutorQuestion } from "./creator-analytics.api";

// Words and numbers for the analytics page. Days are UTC days, as the figures are counted.

import { formatShare as share } from "@/lib/format";

export { formatCount, formatDate, formatDay, plural } from "@/lib/format";

/** A 0–1 share as a whole percentage; on this page a phrase, not a dash, when there is nothing to divide by. */
export const formatShare = (value: number | null, none = "No data yet") => share(value, none);

/** A 0–100 percentage as a whole percentage. */
export const formatPercent = (percent: number | null, none = "No data yet") =>
  percent === null ? none : `${Math.round(percent)}%`;

/** "0:20–0:25": a stretch of the video. */
export const formatStretch = (bucket: Pick<TimelineBucket, "start_seconds" | "end_seconds">) =>
  `${formatClock(bucket.start_seconds)}–${formatClock(bucket.end_seconds)}`;

/** Seconds as "12 s", "3 min 20 s", "1 h 5 min": totals of watching again. */
export function formatSeconds(seconds: number): string {
  const s = wholeSeconds(seconds);
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  const rest = s % 60;
  return rest > 0 ? `${m} min ${rest} s` : `${m} min`;
}

/** A stretch of the timeline in words, for screen readers and the readout. */
export function describeStretch(bucket: TimelineBucket): string {
  const parts = [
    bucket.rewatch_learners > 0
      ? `${plural(bucket.rewatch_learners, "learner")} rewatched (${bucket.rewatches}× in all)`
      : "no rewatches",
  ];
  if (bucket.questions > 0) parts.push(plural(bucket.questions, "question"));
  return `${formatStretch(bucket)}: ${parts.join(", ")}`;
}

/** The one-sentence reading of a timeline: its hardest stretch for rewatching and for questions. */
export function timelineSummary(timeline: readonly TimelineBucket[]): string {
  const top = (key: "rewatch_learners" | "questions") =>
    timeline.reduce<TimelineBucket | null>((best, b) => (b[key] > (best?.[key] ?? 0) ? b : best), null);
  const rewatched = top("rewatch_learners");
  const asked = top("questions");
  if (!rewatched && !asked) return "No one rewatched any part of this video or asked the tutor at a moment of it.";
  const sentences = [];
  sentences.push(
    rewatched
      ? `Most rewatched: ${formatStretch(rewatched)}, by ${plural(rewatched.rewatch_learners, "learner")}.`
      : "No one rewatched any part of this video.",
  );
  sentences.push(
    asked
      ? `Most questions: ${formatStretch(asked)}, with ${plural(asked.questions, "question")}.`
      : "No tutor questions were placed on the video.",
  );
  return sentences.join(" ");
}

/**
 * A heat level from 0 (nothing) to 4 (the most in this lesson), relative to the lesson's own peak, so a quiet
 * course still shows where its hard spot is.
 */
export function heatLevel(value: number, peak: number): 0 | 1 | 2 | 3 | 4 {
  if (value <= 0 || peak <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((value / peak) * 4))) as 1 | 2 | 3 | 4;
}

export interface QuestionMarker {
  /** Index of the stretch the questions fall in. */
  bucket: number;
  /** Where the marker sits along the video, 0–100. */
  left: number;
  /** Questions asked there, in the period (all of them, not only those listed). */
  count: number;
  /** The listed questions in this stretch, newest first. */
  questions: TutorQuestion[];
}

/**
 * The listed questions asked during the timeline's stretch `index`. A stretch ends where the next begins, so a
 * question on the boundary belongs to the later one; the last stretch includes the video's very end.
 */
export function questionsIn(
  timeline: readonly TimelineBucket[],
  index: number,
  questions: readonly TutorQuestion[],
): TutorQuestion[] {
  const bucket = timeline[index];
  if (!bucket) return [];
  const last = index === timeline.length - 1;
  return questions.filter(
    (q) =>
      q.position_seconds !== null &&
      q.position_seconds >= bucket.start_seconds &&
      (q.position_seconds < bucket.end_seconds || (last && q.position_seconds <= bucket.end_seconds)),
  );
}

/** One marker per stretch with questions, placed at the stretch's middle, with the questions known for it. */
export function questionMarkers(
  timeline: readonly TimelineBucket[],
  questions: readonly TutorQuestion[],
  durationSeconds: number,
): QuestionMarker[] {
  if (durationSeconds <= 0) return [];
  return timeline.flatMap((bucket, index) => {
    if (bucket.questions === 0) return [];
    const middle = (bucket.start_seconds + bucket.end_seconds) / 2;
    return [
      {
        bucket: index,
        left: Math.min(100, (middle / durationSeconds) * 100),
        count: bucket.questions,
        questions: questionsIn(timeline, index, questions),
      },
    ];
  });
}
