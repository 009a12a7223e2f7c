import { analyticsRangeQuerySchema, resolveAnalyticsRange } from "@lumen/contracts";
import { describe, expect, it } from "vitest";
import { forbidden } from "../../lib/errors.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { LessonRow, SummaryRow } from "./analytics.repo.js";
import { createAnalyticsService } from "./analytics.service.js";

const summary: SummaryRow = {
  enrollments: 1,
  active_learners: 2,
  lesson_completions: 3,
  quiz_submissions: 4,
  ai_requests: 5,
  average_completion_time_seconds: 60,
  quiz_pass_rate: 0.5,
  average_watch_coverage: 75,
};
const lessonRow = (id: string, kind: "video" | "text", hasQuiz: boolean): LessonRow => ({
  lesson_id: id,
  title: id.toUpperCase(),
  kind,
  has_quiz: hasQuiz,
  position: 1,
  started: 2,
  completed: 1,
  drop_off_rate: 0.5,
  quiz_attempts: hasQuiz ? 4 : 0,
  quiz_pass_rate: hasQuiz ? 0.25 : null,
  average_watch_percentage: kind === "video" ? 80 : null,
  duration_seconds: kind === "video" ? 600 : 120,
  course_title: "Course",
  rewatch_learners: kind === "video" ? 3 : 0,
  rewatched_seconds: kind === "video" ? 42.5 : 0,
  questions: 2,
});
const range = { from: "2025-03-01", to: "2025-03-02", days: 2 };
const owner: AuthContext = { userId: "u1", role: "creator", sessionId: "s", emailVerified: true };

type StubbedRepo = Parameters<typeof createAnalyticsService>[0]["repo"];

function stubRepo(calls: unknown[] = []): StubbedRepo {
  return {
    summary: async () => summary,
    daily: async () => [
      { date: "2025-03-01", enrollments: 1, active_learners: 2, lesson_completions: 3 },
      { date: "2025-03-02", enrollments: 0, active_learners: 0, lesson_completions: 0 },
    ],
    completionByCourse: async (_range, courseId) => [
      { course_id: courseId ?? "c1", title: "Course", enrolled: 2, completed: 1, rate: 0.5 },
    ],
    lessonBreakdown: async () => [lessonRow("v", "video", false), lessonRow("t", "text", true)],
    creatorCourses: async (creatorId, since) => {
      calls.push({ creatorId, since });
      return [];
    },
    lessonTimeline: async (_range, ids, grid) => {
      calls.push({ timeline: ids, grid });
      return Array.from({ length: grid.buckets }, (_, bucket) => ({
        bucket,
        rewatch_learners: bucket === 1 ? 2 : 0,
        rewatched_seconds: bucket === 1 ? 7.5 : 0,
        questions: bucket === 0 ? 1 : 0,
      }));
    },
    lessonQuestions: async (_range, _ids, limit) => {
      calls.push({ questionsLimit: limit });
      return [{ question: "Why ATP?", position_seconds: 3.5, asked_at: "2025-03-02T10:00:00.000Z" }];
    },
  };
}

describe("the analytics range", () => {
  const now = new Date("2025-03-10T22:00:00Z");

  it("defaults to the 30 UTC days ending today", () => {
    expect(resolveAnalyticsRange({}, now)).toEqual({ range: { from: "2025-02-09", to: "2025-03-10", days: 30 } });
    expect(resolveAnalyticsRange({ to: "2025-01-30" }, now).range).toEqual({
      from: "2025-01-01",
      to: "2025-01-30",
      days: 30,
    });
  });

  it("accepts one day and up to 366, and names `from` when the range is backwards or too long", () => {
    expect(resolveAnalyticsRange({ from: "2025-03-01", to: "2025-03-01" }, now).range?.days).toBe(1);
    expect(resolveAnalyticsRange({ from: "2024-01-01", to: "2024-12-31" }, now).range?.days).toBe(366);
    expect(resolveAnalyticsRange({ from: "2024-01-01", to: "2025-01-01" }, now).errors?.from).toMatch(/366/);
    expect(resolveAnalyticsRange({ from: "2025-03-02", to: "2025-03-01" }, now).errors?.from).toMatch(/after/);
  });

  it("is parsed from the query string with per-field issues", () => {
    expect(analyticsRangeQuerySchema.safeParse({ from: "2025-03-01", to: "2025-03-03" }).data).toEqual({
      from: "2025-03-01",
      to: "2025-03-03",
      days: 3,
    });
    const bad = analyticsRangeQuerySchema.safeParse({ from: "2025-13-01" });
    expect(bad.error?.issues[0]?.path).toEqual(["from"]);
    const backwards = analyticsRangeQuerySchema.safeParse({ from: "2025-03-04", to: "2025-03-01" });
    expect(backwards.error?.issues[0]?.path).toEqual(["from"]);
  });
});

describe("analytics service", () => {
  it("shapes the platform figures: totals, one series per measure, completion per course", async () => {
    const service = createAnalyticsService({ repo: stubRepo(), access: { managedCourse: async () => never() } });
    const data = await service.platform(range);
    expect(data.totals).toEqual({
      enrollments: 1,
      active_learners: 2,
      lesson_completions: 3,
      quiz_submissions: 4,
      ai_requests: 5,
    });
    expect(data.enrollments_per_day).toEqual([
      { date: "2025-03-01", count: 1 },
      { date: "2025-03-02", count: 0 },
    ]);
    expect(data.active_learners_per_day.map((d) => d.count)).toEqual([2, 0]);
    expect(data.completions_per_day).toEqual([
      { date: "2025-03-01", count: 3 },
      { date: "2025-03-02", count: 0 },
    ]);
    expect(data.completion_rate_per_course).toHaveLength(1);
  });

  it("asks the access policy before reading a course's figures", async () => {
    const service = createAnalyticsService({
      repo: stubRepo(),
      access: {
        managedCourse: async () => {
          throw forbidden();
        },
      },
    });
    await expect(service.course(owner, "c1", range)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists quiz rates for lessons with a quiz and watch coverage for video lessons", async () => {
    const service = createAnalyticsService({
      repo: stubRepo(),
      access: { managedCourse: async () => ({ id: "c1", status: "published", creatorId: "u1", isFree: true }) },
    });
    const data = await service.course(owner, "c1", range);
    expect(data.course).toEqual({ id: "c1", title: "Course", status: "published" });
    expect(data.completion).toEqual({ enrolled: 2, completed: 1, rate: 0.5 });
    expect(data.lesson_funnel.map((l) => l.lesson_id)).toEqual(["v", "t"]);
    expect(data.quiz_pass_rates).toEqual([{ lesson_id: "t", title: "T", attempts: 4, pass_rate: 0.25 }]);
    expect(data.watch_coverage_per_lesson).toEqual([{ lesson_id: "v", title: "V", average_watch_percentage: 80 }]);
  });

  it("lists every lesson's rewatching and tutor questions, in course order", async () => {
    const service = createAnalyticsService({
      repo: stubRepo(),
      access: { managedCourse: async () => ({ id: "c1", status: "published", creatorId: "u1", isFree: true }) },
    });
    const data = await service.course(owner, "c1", range);
    expect(data.where_stuck).toEqual([
      {
        lesson_id: "v",
        title: "V",
        kind: "video",
        position: 1,
        rewatch_learners: 3,
        rewatched_seconds: 42.5,
        questions: 2,
      },
      {
        lesson_id: "t",
        title: "T",
        kind: "text",
        position: 1,
        rewatch_learners: 0,
        rewatched_seconds: 0,
        questions: 2,
      },
    ]);
  });

  it("cuts a video lesson's timeline into round stretches and lists its newest questions", async () => {
    const calls: unknown[] = [];
    const service = createAnalyticsService({
      repo: stubRepo(calls),
      access: { managedCourse: async () => ({ id: "c1", status: "published", creatorId: "u1", isFree: true }) },
    });
    const data = await service.lesson(owner, "c1", "v", range);
    expect(data.course).toEqual({ id: "c1", title: "Course" });
    expect(calls).toContainEqual({
      timeline: { courseId: "c1", lessonId: "v" },
      grid: { bucketSeconds: 5, buckets: 120, durationSeconds: 600 },
    });
    expect(calls).toContainEqual({ questionsLimit: 50 });
    expect(data.bucket_seconds).toBe(5);
    expect(data.timeline).toHaveLength(120);
    expect(data.timeline[1]).toEqual({
      start_seconds: 5,
      end_seconds: 10,
      rewatch_learners: 2,
      rewatched_seconds: 7.5,
      rewatches: 1.5,
      questions: 0,
    });
    expect(data.quiz).toBeNull();
    expect(data.average_watch_percentage).toBe(80);
    expect(data.rewatch_totals).toEqual({ learners: 3, rewatched_seconds: 42.5 });
    expect(data.questions).toEqual({
      total: 2,
      items: [{ question: "Why ATP?", position_seconds: 3.5, asked_at: "2025-03-02T10:00:00.000Z" }],
    });
  });

  it("gives a text lesson no timeline but its quiz, and 404s a lesson of another course", async () => {
    const service = createAnalyticsService({
      repo: stubRepo(),
      access: { managedCourse: async () => ({ id: "c1", status: "published", creatorId: "u1", isFree: true }) },
    });
    const text = await service.lesson(owner, "c1", "t", range);
    expect(text.timeline).toEqual([]);
    expect(text.quiz).toEqual({ attempts: 4, pass_rate: 0.25 });
    expect(text.average_watch_percentage).toBeNull();
    await expect(service.lesson(owner, "c1", "elsewhere", range)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("counts a creator's recent learners from the start of the UTC day 29 days ago", async () => {
    const calls: unknown[] = [];
    const service = createAnalyticsService({
      repo: stubRepo(calls),
      access: { managedCourse: async () => never() },
      now: () => new Date("2025-03-30T18:30:00Z"),
    });
    await service.creator(owner);
    expect(calls).toEqual([{ creatorId: "u1", since: new Date("2025-03-01T00:00:00Z") }]);
  });
});

function never(): never {
  throw new Error("not expected in this test");
}
