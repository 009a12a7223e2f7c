import {
  type CourseAnalytics,
  courseAnalyticsSchema,
  type LessonAnalytics,
  lessonAnalyticsSchema,
} from "@lumen/contracts";
import type { DayRange } from "./analytics-range";

// What the analytics page reads, as the signed-in creator or admin (features/auth/session authRequest). The API
// checks ownership again on every call: another creator's course is a 403, an unknown one a 404.

const rangeQuery = (range: DayRange) => `from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`;

/** GET /analytics/courses/:id – headline figures, series by day, per-lesson funnel, quizzes, coverage, hard spots. */
export const courseAnalytics = (courseId: string, range: DayRange) => ({
  path: `/analytics/courses/${encodeURIComponent(courseId)}?${rangeQuery(range)}`,
  schema: courseAnalyticsSchema,
});

/** GET /analytics/courses/:id/lessons/:lessonId – one lesson's timeline of rewatches and tutor questions. */
export const lessonAnalytics = (courseId: string, lessonId: string, range: DayRange) => ({
  path: `/analytics/courses/${encodeURIComponent(courseId)}/lessons/${encodeURIComponent(lessonId)}?${rangeQuery(range)}`,
  schema: lessonAnalyticsSchema,
});

export type { CourseAnalytics, LessonAnalytics };
export type TimelineBucket = LessonAnalytics["timeline"][number];
export type TutorQuestion = LessonAnalytics["questions"]["items"][number];
export type StuckLesson = CourseAnalytics["where_stuck"][number];
