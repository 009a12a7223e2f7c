import {
  ANALYTICS_DEFAULT_RANGE_DAYS,
  type AnalyticsRange,
  type CourseAnalytics,
  type CreatorAnalytics,
  LESSON_QUESTIONS_LIMIT,
  type LessonAnalytics,
  type PlatformAnalytics,
} from "@lumen/contracts";
import { notFound } from "../../lib/errors.js";
import type { AccessService } from "../access/access.service.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { AnalyticsRepo, DailyRow, SummaryRow } from "./analytics.repo.js";
import { utcDay } from "./analytics.stats.js";
import { bucketCount, bucketSecondsFor, presentTimeline } from "./analytics.timeline.js";

const DAY_MS = 86_400_000;

function commonFigures(range: AnalyticsRange, summary: SummaryRow, daily: DailyRow[]) {
  return {
    range,
    totals: {
      enrollments: summary.enrollments,
      active_learners: summary.active_learners,
      lesson_completions: summary.lesson_completions,
      quiz_submissions: summary.quiz_submissions,
      ai_requests: summary.ai_requests,
    },
    enrollments_per_day: daily.map((d) => ({ date: d.date, count: d.enrollments })),
    active_learners_per_day: daily.map((d) => ({ date: d.date, count: d.active_learners })),
    completions_per_day: daily.map((d) => ({ date: d.date, count: d.lesson_completions })),
    average_completion_time_seconds: summary.average_completion_time_seconds,
    quiz_pass_rate: summary.quiz_pass_rate,
    average_watch_coverage: summary.average_watch_coverage,
  };
}

/** KPI dashboards: who may see which figures, and their wire shape. The figures themselves are SQL aggregates. */
export function createAnalyticsService(deps: {
  repo: Pick<
    AnalyticsRepo,
    | "summary"
    | "daily"
    | "completionByCourse"
    | "lessonBreakdown"
    | "creatorCourses"
    | "lessonTimeline"
    | "lessonQuestions"
  >;
  access: Pick<AccessService, "managedCourse">;
  now?: () => Date;
}) {
  const { repo, access } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    /** The whole platform over the range (the route admits admins only). */
    async platform(range: AnalyticsRange): Promise<PlatformAnalytics> {
      const [summary, daily, completion] = await Promise.all([
        repo.summary(range),
        repo.daily(range),
        repo.completionByCourse(range),
      ]);
      return { ...commonFigures(range, summary, daily), completion_rate_per_course: completion };
    },

    /** One course over the range: its owner and admins only. */
    async course(auth: AuthContext | null, courseId: string, range: AnalyticsRange): Promise<CourseAnalytics> {
      const course = await access.managedCourse(auth, courseId);
      const [summary, daily, completion, lessons] = await Promise.all([
        repo.summary(range, course.id),
        repo.daily(range, course.id),
        repo.completionByCourse(range, course.id),
        repo.lessonBreakdown(range, course.id),
      ]);
      const own = completion[0];
      return {
        course: { id: course.id, title: own?.title ?? "", status: course.status },
        ...commonFigures(range, summary, daily),
        completion: { enrolled: own?.enrolled ?? 0, completed: own?.completed ?? 0, rate: own?.rate ?? null },
        lesson_funnel: lessons.map((l) => ({
          lesson_id: l.lesson_id,
          title: l.title,
          position: l.position,
          started: l.started,
          completed: l.completed,
          drop_off_rate: l.drop_off_rate,
        })),
        quiz_pass_rates: lessons
          .filter((l) => l.has_quiz)
          .map((l) => ({
            lesson_id: l.lesson_id,
            title: l.title,
            attempts: l.quiz_attempts,
            pass_rate: l.quiz_pass_rate,
          })),
        watch_coverage_per_lesson: lessons
          .filter((l) => l.kind === "video")
          .map((l) => ({
            lesson_id: l.lesson_id,
            title: l.title,
            average_watch_percentage: l.average_watch_percentage,
          })),
        where_stuck: lessons.map((l) => ({
          lesson_id: l.lesson_id,
          title: l.title,
          kind: l.kind,
          position: l.position,
          rewatch_learners: l.rewatch_learners,
          rewatched_seconds: l.rewatched_seconds,
          questions: l.questions,
        })),
      };
    },

    /**
     * One lesson of a course over the range, for its owner and admins: its funnel step, watch coverage and quiz,
     * and where on its timeline learners went back or asked the tutor. A lesson of another course is a 404.
     */
    async lesson(
      auth: AuthContext | null,
      courseId: string,
      lessonId: string,
      range: AnalyticsRange,
    ): Promise<LessonAnalytics> {
      const course = await access.managedCourse(auth, courseId);
      const lessons = await repo.lessonBreakdown(range, course.id);
      const lesson = lessons.find((l) => l.lesson_id === lessonId);
      if (!lesson) throw notFound("Lesson");
      const ids = { courseId: course.id, lessonId: lesson.lesson_id };
      // Text lessons have a reading time, not a timeline to point at.
      const duration = lesson.kind === "video" ? lesson.duration_seconds : 0;
      const bucketSeconds = bucketSecondsFor(duration);
      const grid = { bucketSeconds, buckets: bucketCount(duration, bucketSeconds), durationSeconds: duration };
      const [timeline, questions] = await Promise.all([
        repo.lessonTimeline(range, ids, grid),
        repo.lessonQuestions(range, ids, LESSON_QUESTIONS_LIMIT),
      ]);
      return {
        course: { id: course.id, title: lesson.course_title },
        lesson: {
          id: lesson.lesson_id,
          title: lesson.title,
          kind: lesson.kind,
          position: lesson.position,
          duration_seconds: lesson.duration_seconds,
        },
        range,
        funnel: { started: lesson.started, completed: lesson.completed, drop_off_rate: lesson.drop_off_rate },
        average_watch_percentage: lesson.kind === "video" ? lesson.average_watch_percentage : null,
        quiz: lesson.has_quiz ? { attempts: lesson.quiz_attempts, pass_rate: lesson.quiz_pass_rate } : null,
        bucket_seconds: bucketSeconds,
        timeline: presentTimeline(timeline, bucketSeconds, duration),
        rewatch_totals: { learners: lesson.rewatch_learners, rewatched_seconds: lesson.rewatched_seconds },
        questions: {
          total: lesson.questions,
          items: questions.map((q) => ({
            question: q.question,
            position_seconds: q.position_seconds,
            asked_at: new Date(q.asked_at).toISOString(),
          })),
        },
      };
    },

    /** The caller's own courses at a glance; "active" means an event in the last 30 UTC days, today included. */
    async creator(auth: AuthContext): Promise<CreatorAnalytics> {
      const today = Date.parse(`${utcDay(now())}T00:00:00Z`);
      const since = new Date(today - (ANALYTICS_DEFAULT_RANGE_DAYS - 1) * DAY_MS);
      return { courses: await repo.creatorCourses(auth.userId, since) };
    },
  };
}
export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
