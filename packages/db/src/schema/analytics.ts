import { index, pgTable, real, timestamp, uuid } from "drizzle-orm/pg-core";
import { progress } from "./courses.js";

/**
 * Seconds of a video that a learner watched again: one row per progress report whose segment overlapped what that
 * learner had already watched (a first viewing or a scrub forward adds nothing). Append-only and written within the
 * progress upsert itself (a row trigger on `progress.last_rewatch`), so the hottest write path stays one round trip
 * and shares no counter row between learners; creators' heat strips aggregate it at read time, so any date range
 * and bucket size can be asked for. No learner id is stored: `progress_id` tells learners apart for distinct counts,
 * and deleting the progress (its learner or lesson) deletes these rows with it.
 */
export const lessonRewatches = pgTable(
  "lesson_rewatches",
  {
    progressId: uuid("progress_id")
      .notNull()
      .references(() => progress.id, { onDelete: "cascade" }),
    courseId: uuid("course_id").notNull(),
    lessonId: uuid("lesson_id").notNull(),
    fromSeconds: real("from_seconds").notNull(),
    toSeconds: real("to_seconds").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("lesson_rewatches_lesson_time_idx").on(t.lessonId, t.createdAt),
    index("lesson_rewatches_course_time_idx").on(t.courseId, t.createdAt),
    index("lesson_rewatches_progress_idx").on(t.progressId),
  ],
);
