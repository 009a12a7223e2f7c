import { analyticsEvents, type Executor } from "@lumen/db";

export type AnalyticsEventType = (typeof analyticsEvents.$inferInsert)["type"];

export interface AnalyticsEvent {
  type: AnalyticsEventType;
  userId: string;
  courseId?: string | null;
  lessonId?: string | null;
  data?: Record<string, unknown>;
}

/** Appends learning events (never updated, never deleted): the source of every KPI. */
export function createAnalyticsRecorder(db: Executor) {
  return {
    async record(event: AnalyticsEvent, tx: Executor = db): Promise<void> {
      await tx.insert(analyticsEvents).values({
        type: event.type,
        userId: event.userId,
        courseId: event.courseId ?? null,
        lessonId: event.lessonId ?? null,
        data: event.data ?? {},
      });
    },
  };
}
export type AnalyticsRecorder = ReturnType<typeof createAnalyticsRecorder>;
