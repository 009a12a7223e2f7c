import type { TimelineBucket } from "@lumen/contracts";
import type { TimelineRow } from "./analytics.repo.js";

/** Stretch lengths a timeline may use, shortest first: round numbers a creator reads at a glance. */
const BUCKET_STEPS = [5, 10, 15, 30, 60, 120, 300, 600] as const;
/** Enough stretches to point at a moment, few enough to stay legible as a strip on a phone. */
export const MAX_TIMELINE_BUCKETS = 120;

/**
 * The stretch length for a video: the shortest round step that cuts it into at most MAX_TIMELINE_BUCKETS
 * stretches (5 s up to 10 minutes, 10 s up to 20 minutes, …).
 */
export function bucketSecondsFor(durationSeconds: number): number {
  const duration = Math.max(0, durationSeconds);
  for (const step of BUCKET_STEPS) if (Math.ceil(duration / step) <= MAX_TIMELINE_BUCKETS) return step;
  return Math.ceil(duration / MAX_TIMELINE_BUCKETS);
}

/** How many stretches cover the video; none when its length is unknown (0). */
export function bucketCount(durationSeconds: number, bucketSeconds: number): number {
  return durationSeconds > 0 ? Math.ceil(durationSeconds / bucketSeconds) : 0;
}

/**
 * The wire form of the timeline: each stretch's bounds (the last one ends with the video) and its rewatches in
 * whole-stretch equivalents, so one learner watching a stretch twice over counts 2 however the player split
 * its reports.
 */
export function presentTimeline(
  rows: readonly TimelineRow[],
  bucketSeconds: number,
  durationSeconds: number,
): TimelineBucket[] {
  return rows.map((row) => {
    const start = row.bucket * bucketSeconds;
    const end = Math.min(start + bucketSeconds, durationSeconds);
    const length = Math.max(end - start, 0);
    return {
      start_seconds: start,
      end_seconds: end,
      rewatch_learners: row.rewatch_learners,
      rewatched_seconds: row.rewatched_seconds,
      rewatches: length > 0 ? Math.round((row.rewatched_seconds / length) * 10) / 10 : 0,
      questions: row.questions,
    };
  });
}
