import type { Executor } from "@lumen/db";
import { createAnalyticsRepo } from "./analytics.repo.js";
import { type AnalyticsEventType, learnedSeconds } from "./analytics.stats.js";

export type { AnalyticsEventType } from "./analytics.stats.js";

export interface AnalyticsEvent {
  type: AnalyticsEventType;
  userId: string;
  courseId?: string | null;
  lessonId?: string | null;
  data?: Record<string, unknown>;
  /** When it happened (imports, tests); now by default. */
  at?: Date;
}

/**
 * Appends learning events (never updated, never deleted): the source of every KPI. The same statement keeps the
 * learner's `stats` current (lessons completed, minutes learned, daily streak), so the two never disagree.
 */
export function createAnalyticsRecorder(db: Executor) {
  const repo = createAnalyticsRepo(db);
  return {
    /** Pass the caller's transaction as `tx` to make the event part of it. */
    async record(event: AnalyticsEvent, tx: Executor = db): Promise<void> {
      const data = event.data ?? {};
      await repo.insertEvent(
        {
          type: event.type,
          userId: event.userId,
          courseId: event.courseId ?? null,
          lessonId: event.lessonId ?? null,
          data,
          at: event.at ?? null,
          completesLesson: event.type === "lesson_completion",
          durationSeconds: learnedSeconds(event.type, data),
        },
        tx,
      );
    },
  };
}
export type AnalyticsRecorder = ReturnType<typeof createAnalyticsRecorder>;
