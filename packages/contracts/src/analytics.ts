import { z } from "zod";

/** Longest period a KPI query may cover, in days (both ends included). */
export const ANALYTICS_MAX_RANGE_DAYS = 366;
/** The period used when the caller gives no `from`. */
export const ANALYTICS_DEFAULT_RANGE_DAYS = 30;

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);

export type AnalyticsRange = { from: string; to: string; days: number };

/**
 * The UTC calendar days a KPI query covers: `to` defaults to today, `from` to 29 days before `to` (30 days in
 * all). Returns the problems by field instead when `from` is after `to` or the range is longer than 366 days.
 */
export function resolveAnalyticsRange(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date = new Date(),
): { range: AnalyticsRange; errors?: undefined } | { range?: undefined; errors: Record<"from", string> } {
  const to = query.to ?? isoDay(now.getTime());
  const from = query.from ?? isoDay(dayMs(to) - (ANALYTICS_DEFAULT_RANGE_DAYS - 1) * DAY_MS);
  const days = Math.round((dayMs(to) - dayMs(from)) / DAY_MS) + 1;
  if (days < 1) return { errors: { from: "from must not be after to" } };
  if (days > ANALYTICS_MAX_RANGE_DAYS) {
    return { errors: { from: `The range can cover at most ${ANALYTICS_MAX_RANGE_DAYS} days` } };
  }
  return { range: { from, to, days } };
}

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD` (UTC days, both included), resolved to a concrete range. */
export const analyticsRangeQuerySchema = z
  .object({
    from: z.iso
      .date("from must be a date: YYYY-MM-DD")
      .optional()
      .describe("First UTC day included (default: 29 days before `to`)"),
    to: z.iso.date("to must be a date: YYYY-MM-DD").optional().describe("Last UTC day included (default: today)"),
  })
  .transform((query, ctx) => {
    const resolved = resolveAnalyticsRange(query);
    if (resolved.errors) {
      ctx.issues.push({ code: "custom", message: resolved.errors.from, path: ["from"], input: query.from });
      return z.NEVER;
    }
    return resolved.range;
  });
export type AnalyticsRangeQuery = z.input<typeof analyticsRangeQuerySchema>;

const count = z.number().int().min(0);
/** A share between 0 and 1 (4 decimals); null when there is nothing to divide by. */
const rate = z.number().min(0).max(1).nullable();

export const analyticsRangeSchema = z.object({
  from: z.string().describe("First UTC day included, YYYY-MM-DD"),
  to: z.string().describe("Last UTC day included, YYYY-MM-DD"),
  days: z.number().int(),
});

export const dailyCountSchema = z.object({ date: z.string().describe("UTC day, YYYY-MM-DD"), count });

export const analyticsTotalsSchema = z.object({
  enrollments: count.describe("New enrollments (distinct learner and course)"),
  active_learners: count.describe("Distinct learners with any learning event"),
  lesson_completions: count.describe("Distinct learner and lesson completions"),
  quiz_submissions: count,
  ai_requests: count,
});

export const completionFiguresSchema = z.object({
  enrolled: count.describe("Active enrollments created in the range"),
  completed: count.describe("Of those, the ones completed (completed_at set or progress at 100%)"),
  rate,
});

/** Figures shared by the platform and the course dashboards. */
const commonFigures = {
  range: analyticsRangeSchema,
  totals: analyticsTotalsSchema,
  enrollments_per_day: z.array(dailyCountSchema),
  active_learners_per_day: z.array(dailyCountSchema).describe("Distinct learners with any event that day"),
  completions_per_day: z
    .array(dailyCountSchema)
    .describe("Lesson completions that day (distinct learner and lesson within the day)"),
  average_completion_time_seconds: z
    .number()
    .nullable()
    .describe("Mean time from a learner's first start of a lesson to its completion; null without completions"),
  quiz_pass_rate: rate.describe("Passed attempts over attempts; null without attempts"),
  average_watch_coverage: z
    .number()
    .nullable()
    .describe("Mean watch percentage (0–100) of video progress updated in the range; null without any"),
};

export const platformAnalyticsSchema = z.object({
  ...commonFigures,
  completion_rate_per_course: z
    .array(completionFiguresSchema.extend({ course_id: z.string(), title: z.string() }))
    .describe("Published courses and any course enrolled in during the range: the 100 most enrolled, most first"),
});
export type PlatformAnalytics = z.infer<typeof platformAnalyticsSchema>;

export const lessonFunnelStepSchema = z.object({
  lesson_id: z.string(),
  title: z.string(),
  position: z.number().int().describe("1-based order in the course: module position, then lesson position"),
  started: count.describe("Distinct learners who started the lesson in the range"),
  completed: count.describe("Of those, the ones who completed it"),
  drop_off_rate: rate.describe("(started − completed) / started"),
});

export const lessonStuckSummarySchema = z.object({
  lesson_id: z.string(),
  title: z.string(),
  kind: z.enum(["video", "text"]),
  position: z.number().int().describe("1-based order in the course"),
  rewatch_learners: count.describe("Distinct learners who watched some of the video again in the range"),
  rewatched_seconds: z.number().min(0).describe("Seconds watched again, all learners together"),
  questions: count.describe("Questions asked to the AI tutor on this lesson in the range"),
});
export type LessonStuckSummary = z.infer<typeof lessonStuckSummarySchema>;

export const courseAnalyticsSchema = z.object({
  course: z.object({ id: z.string(), title: z.string(), status: z.enum(["draft", "published", "archived"]) }),
  ...commonFigures,
  completion: completionFiguresSchema,
  lesson_funnel: z.array(lessonFunnelStepSchema),
  quiz_pass_rates: z.array(z.object({ lesson_id: z.string(), title: z.string(), attempts: count, pass_rate: rate })),
  watch_coverage_per_lesson: z.array(
    z.object({ lesson_id: z.string(), title: z.string(), average_watch_percentage: z.number().nullable() }),
  ),
  where_stuck: z
    .array(lessonStuckSummarySchema)
    .describe("Every lesson in course order: rewatching and tutor questions, the signs of a hard spot"),
});
export type CourseAnalytics = z.infer<typeof courseAnalyticsSchema>;

/** The newest tutor questions a lesson's analytics lists. */
export const LESSON_QUESTIONS_LIMIT = 50;

export const timelineBucketSchema = z.object({
  start_seconds: z.number().min(0),
  end_seconds: z.number().min(0),
  rewatch_learners: count.describe("Distinct learners who watched at least a second of this stretch again"),
  rewatched_seconds: z.number().min(0).describe("Seconds of this stretch watched again, all learners together"),
  rewatches: z
    .number()
    .min(0)
    .describe("Times the stretch was watched again, in whole-stretch equivalents (rewatched seconds ÷ its length)"),
  questions: count.describe("Tutor questions asked while the video was at this stretch"),
});
export type TimelineBucket = z.infer<typeof timelineBucketSchema>;

export const tutorQuestionSchema = z.object({
  question: z.string().describe("The learner's words; who asked is never shown"),
  position_seconds: z.number().nullable().describe("Where the video was when asked; null when not known"),
  asked_at: z.string(),
});
export type TutorQuestion = z.infer<typeof tutorQuestionSchema>;

export const lessonAnalyticsSchema = z.object({
  course: z.object({ id: z.string(), title: z.string() }),
  lesson: z.object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(["video", "text"]),
    position: z.number().int().describe("1-based order in the course"),
    duration_seconds: z.number().int().min(0),
  }),
  range: analyticsRangeSchema,
  funnel: lessonFunnelStepSchema.pick({ started: true, completed: true, drop_off_rate: true }),
  average_watch_percentage: z.number().nullable(),
  quiz: z.object({ attempts: count, pass_rate: rate }).nullable().describe("Null when the lesson has no quiz"),
  bucket_seconds: z.number().int().min(1).describe("Length of each timeline stretch"),
  timeline: z
    .array(timelineBucketSchema)
    .describe("The video cut into equal stretches, start to end; empty for text lessons and unknown durations"),
  rewatch_totals: z.object({
    learners: count.describe("Distinct learners who rewatched any part of the video"),
    rewatched_seconds: z.number().min(0),
  }),
  questions: z.object({
    total: count.describe("Tutor questions on this lesson in the range"),
    items: z.array(tutorQuestionSchema).describe(`The newest ${LESSON_QUESTIONS_LIMIT} questions, newest first`),
  }),
});
export type LessonAnalytics = z.infer<typeof lessonAnalyticsSchema>;

export const creatorCourseSummarySchema = z.object({
  course_id: z.string(),
  title: z.string(),
  status: z.enum(["draft", "published", "archived"]),
  enrollments: count.describe("Active enrollments, all time"),
  active_learners_30d: count.describe("Distinct learners with any event on the course in the last 30 days"),
  completion_rate: rate.describe("Completed enrollments over active enrollments, all time"),
  rating_avg: z.number().nullable().describe("Mean review rating (2 decimals); null without reviews"),
});

export const creatorAnalyticsSchema = z.object({ courses: z.array(creatorCourseSummarySchema) });
export type CreatorAnalytics = z.infer<typeof creatorAnalyticsSchema>;
