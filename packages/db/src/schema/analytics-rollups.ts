import { date, integer, pgTable, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { courses } from "./courses.js";

/**
 * Per UTC day, the figures of the analytics daily series (enrollments, active learners, lesson completions) for one
 * course, or for the whole platform (course_id null), computed from analytics_events by the `analytics.rollup` job
 * for whole past days. The analytics_rollup_invalidation migration's trigger deletes a day's rows whenever an event
 * of that day is added, changed or removed afterwards, so a row present always equals what the raw events give;
 * days without one are read raw.
 */
export const analyticsDailyRollups = pgTable(
  "analytics_daily_rollups",
  {
    courseId: uuid("course_id").references(() => courses.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    enrollments: integer("enrollments").notNull(),
    activeLearners: integer("active_learners").notNull(),
    lessonCompletions: integer("lesson_completions").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [unique("analytics_daily_rollups_scope_day").on(t.courseId, t.day).nullsNotDistinct()],
);
