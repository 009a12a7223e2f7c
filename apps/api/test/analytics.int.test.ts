import { randomUUID } from "node:crypto";
import { enrollments, execRows, progress, quizAttempts, reviews, type UserStats, users } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type AnalyticsEvent, createAnalyticsRecorder } from "../src/modules/analytics/analytics.recorder.js";
import { nextUserStats } from "../src/modules/analytics/analytics.stats.js";
import { type TestApp, withApp } from "./fixtures/app.js";
import { call, fieldsOf, type Session } from "./helpers.js";

let ctx: TestApp;
beforeAll(async () => {
  ctx = await withApp();
});
afterAll(async () => ctx?.close());
beforeEach(async () => ctx.reset());

const db = () => ctx.database.db;
const recorder = () => createAnalyticsRecorder(db());
const at = (iso: string) => new Date(iso);

/** A learner inserted directly (no password hashing): tests that need no token use these. */
const learner = (name: string) => ctx.make.user(name);
const course = (
  creatorId: string,
  title: string,
  opts: { status?: "draft" | "published" | "archived"; createdAt?: Date } = {},
) => ctx.make.course(creatorId, { title, category: "Testing", ...opts });
const moduleOf = (courseId: string, position: number) => ctx.make.module(courseId, position);
const lesson = (courseId: string, moduleId: string, title: string, kind: "video" | "text", position: number) =>
  ctx.make.lesson(courseId, moduleId, position, { title, kind, durationSeconds: kind === "video" ? 600 : 0 });
const quizFor = (courseId: string, lessonId: string) => ctx.make.quiz(courseId, lessonId);

async function attempt(
  quiz: { quizId: string; lessonId: string; courseId: string },
  userId: string,
  passed: boolean,
  when: string,
) {
  await db()
    .insert(quizAttempts)
    .values({
      ...quiz,
      userId,
      answers: [passed],
      results: [{ question_id: "q1", correct: passed }],
      score: passed ? 100 : 0,
      passed,
      createdAt: at(when),
    });
}

async function statsOf(userId: string): Promise<UserStats> {
  const [row] = await db().select({ stats: users.stats }).from(users).where(eq(users.id, userId));
  if (!row) throw new Error("no user");
  return row.stats;
}

type Daily = Array<{ date: string; count: number }>;
type Platform = {
  range: { from: string; to: string; days: number };
  totals: Record<string, number>;
  enrollments_per_day: Daily;
  active_learners_per_day: Daily;
  completion_rate_per_course: Array<{
    course_id: string;
    title: string;
    enrolled: number;
    completed: number;
    rate: number | null;
  }>;
  average_completion_time_seconds: number | null;
  quiz_pass_rate: number | null;
  average_watch_coverage: number | null;
};
type CourseKpis = Omit<Platform, "completion_rate_per_course"> & {
  course: { id: string; title: string; status: string };
  completion: { enrolled: number; completed: number; rate: number | null };
  lesson_funnel: Array<{
    lesson_id: string;
    title: string;
    position: number;
    started: number;
    completed: number;
    drop_off_rate: number | null;
  }>;
  quiz_pass_rates: Array<{ lesson_id: string; title: string; attempts: number; pass_rate: number | null }>;
  watch_coverage_per_lesson: Array<{ lesson_id: string; title: string; average_watch_percentage: number | null }>;
};
type Creator = {
  courses: Array<{
    course_id: string;
    title: string;
    status: string;
    enrollments: number;
    active_learners_30d: number;
    completion_rate: number | null;
    rating_avg: number | null;
  }>;
};

const get = <T>(url: string, token?: string) =>
  call<T>(ctx.app, { method: "GET", url: `/api/v1/analytics${url}`, ...(token ? { token } : {}) });
const counts = (daily: Daily) => daily.map((d) => d.count);

const WEEK = "from=2025-03-01&to=2025-03-07";

describe("user stats kept by the recorder", () => {
  const blank: UserStats = {
    lessons_completed: 0,
    minutes_learned: 0,
    current_streak_days: 0,
    best_streak_days: 0,
    last_active_date: null,
  };
  const cases: Array<{
    name: string;
    before: UserStats;
    event: AnalyticsEvent["type"];
    duration?: number;
    day: string;
  }> = [
    { name: "a first event starts a streak of 1", before: blank, event: "lesson_start", day: "2025-03-01" },
    {
      name: "a second event the same day changes nothing",
      before: { ...blank, current_streak_days: 3, best_streak_days: 5, last_active_date: "2025-03-01" },
      event: "quiz_submitted",
      day: "2025-03-01",
    },
    {
      name: "the next day extends the streak and the best one with it",
      before: { ...blank, current_streak_days: 5, best_streak_days: 5, last_active_date: "2025-02-28" },
      event: "enrollment",
      day: "2025-03-01",
    },
    {
      name: "the next day across a year boundary still counts",
      before: { ...blank, current_streak_days: 2, best_streak_days: 7, last_active_date: "2024-12-31" },
      event: "ai_chat",
      day: "2025-01-01",
    },
    {
      name: "a missed day restarts the streak at 1 but keeps the best",
      before: { ...blank, current_streak_days: 4, best_streak_days: 9, last_active_date: "2025-02-27" },
      event: "lesson_start",
      day: "2025-03-01",
    },
    {
      name: "an event dated before the last active day leaves the streak and the date alone",
      before: { ...blank, current_streak_days: 2, best_streak_days: 2, last_active_date: "2025-03-05" },
      event: "lesson_start",
      day: "2025-03-01",
    },
    {
      name: "a lesson completion adds the lesson and its minutes (1 decimal)",
      before: {
        ...blank,
        lessons_completed: 4,
        minutes_learned: 12.5,
        last_active_date: "2025-03-01",
        current_streak_days: 1,
        best_streak_days: 1,
      },
      event: "lesson_completion",
      duration: 100,
      day: "2025-03-01",
    },
  ];

  for (const c of cases) {
    it(`${c.name}, in SQL exactly as in the pure rule`, async () => {
      const userId = await learner("streaky");
      await db().update(users).set({ stats: c.before }).where(eq(users.id, userId));
      const data = c.duration ? { duration_seconds: c.duration, completion_time_seconds: 30 } : {};
      await recorder().record({ type: c.event, userId, data, at: at(`${c.day}T12:00:00Z`) });
      const expected = nextUserStats(
        c.before,
        { completesLesson: c.event === "lesson_completion", durationSeconds: c.duration ?? 0 },
        c.day,
      );
      expect(await statsOf(userId)).toEqual(expected);
    });
  }

  it("follow a learner through a week: streaks, minutes and lessons", async () => {
    const userId = await learner("weekly");
    const r = recorder();
    const complete = (day: string, seconds: number) =>
      r.record({ type: "lesson_completion", userId, data: { duration_seconds: seconds }, at: at(`${day}T08:00:00Z`) });
    await complete("2025-03-01", 90);
    await complete("2025-03-01", 600);
    await r.record({ type: "lesson_start", userId, at: at("2025-03-02T23:59:59Z") });
    await complete("2025-03-03", 30);
    await r.record({ type: "quiz_submitted", userId, at: at("2025-03-05T00:00:00Z") });
    expect(await statsOf(userId)).toEqual({
      lessons_completed: 3,
      minutes_learned: 12, // 1.5 → 11.5 → 12.0
      current_streak_days: 1,
      best_streak_days: 3,
      last_active_date: "2025-03-05",
    });
  });

  it("ignore a missing or nonsensical duration and count only completions as lessons", async () => {
    const userId = await learner("odd");
    const r = recorder();
    await r.record({ type: "lesson_completion", userId, data: { duration_seconds: "lots" } });
    await r.record({ type: "lesson_completion", userId, data: { duration_seconds: -60 } });
    await r.record({ type: "lesson_start", userId, data: { duration_seconds: 600 } });
    const stats = await statsOf(userId);
    expect(stats.lessons_completed).toBe(2);
    expect(stats.minutes_learned).toBe(0);
    expect(stats.current_streak_days).toBe(1);
    expect(stats.last_active_date).toBe(new Date().toISOString().slice(0, 10));
  });

  it("lose no update when many events for one learner arrive at once", async () => {
    const userId = await learner("busy");
    const r = recorder();
    await Promise.all(
      Array.from({ length: 25 }, () =>
        r.record({ type: "lesson_completion", userId, data: { duration_seconds: 60 }, at: at("2025-03-01T10:00:00Z") }),
      ),
    );
    const stats = await statsOf(userId);
    expect(stats.lessons_completed).toBe(25);
    expect(stats.minutes_learned).toBe(25);
    expect(stats.current_streak_days).toBe(1);
    const events = await execRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from analytics_events where user_id = ${userId}`,
    );
    expect(events.rows[0]?.n).toBe(25);
  });

  it("write nothing, neither event nor stats, when the caller's transaction rolls back", async () => {
    const userId = await learner("undone");
    await expect(
      db().transaction(async (tx) => {
        await recorder().record({ type: "lesson_completion", userId, data: { duration_seconds: 60 } }, tx);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect((await statsOf(userId)).lessons_completed).toBe(0);
    const events = await execRows<{ n: number }>(db(), sql`select count(*)::int as n from analytics_events`);
    expect(events.rows[0]?.n).toBe(0);
  });
});

describe("analytics access", () => {
  let student: Session;
  let creator: Session;
  let otherCreator: Session;
  let admin: Session;
  let own: string;
  let others: string;
  let othersDraft: string;
  beforeEach(async () => {
    student = await ctx.people.learner();
    creator = await ctx.people.creator();
    otherCreator = await ctx.people.creator("other@example.com");
    admin = await ctx.people.admin();
    own = await course(creator.user.id, "Own course");
    others = await course(otherCreator.user.id, "Someone else's course");
    othersDraft = await course(otherCreator.user.id, "Someone else's draft", { status: "draft" });
  });

  it("asks guests to sign in (401) on every dashboard", async () => {
    for (const url of ["/platform", `/courses/${own}`, "/creator"]) {
      const res = await get(url);
      expect(res.status, url).toBe(401);
      expect(res.body.error?.code).toBe("UNAUTHORIZED");
    }
  });

  it("keeps the platform dashboard for admins (403 for students and creators)", async () => {
    expect((await get("/platform", student.access_token)).status).toBe(403);
    expect((await get("/platform", creator.access_token)).status).toBe(403);
    expect((await get("/platform", admin.access_token)).status).toBe(200);
  });

  it("shows a course's figures to its creator and admins only", async () => {
    const denied = await get(`/courses/${others}`, student.access_token);
    expect(denied.status).toBe(403);
    expect(denied.body.error?.code).toBe("FORBIDDEN");
    expect((await get(`/courses/${others}`, creator.access_token)).status).toBe(403);
    expect((await get(`/courses/${othersDraft}`, creator.access_token)).status).toBe(404);
    expect((await get(`/courses/${randomUUID()}`, admin.access_token)).status).toBe(404);
    expect((await get(`/courses/${own}`, creator.access_token)).status).toBe(200);
    expect((await get(`/courses/${others}`, admin.access_token)).status).toBe(200);
    expect((await get(`/courses/${othersDraft}`, otherCreator.access_token)).status).toBe(200);
  });

  it("gives the creator summary to creators and admins, each about their own courses", async () => {
    expect((await get("/creator", student.access_token)).status).toBe(403);
    const mine = await get<Creator>("/creator", creator.access_token);
    expect(mine.status).toBe(200);
    expect(mine.body.data.courses.map((c) => c.title)).toEqual(["Own course"]);
    const theirs = await get<Creator>("/creator", otherCreator.access_token);
    expect(theirs.body.data.courses.map((c) => c.title).sort()).toEqual([
      "Someone else's course",
      "Someone else's draft",
    ]);
    const adminOwn = await get<Creator>("/creator", admin.access_token);
    expect(adminOwn.status).toBe(200);
    expect(adminOwn.body.data.courses).toEqual([]);
  });

  it("rejects bad ranges and ids with the offending field named", async () => {
    const reversed = await get("/platform?from=2025-03-10&to=2025-03-01", admin.access_token);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error?.code).toBe("VALIDATION_ERROR");
    expect(fieldsOf(reversed.body).from).toBeDefined();
    const tooLong = await get("/platform?from=2024-01-01&to=2025-01-01", admin.access_token);
    expect(tooLong.status).toBe(400);
    expect(fieldsOf(tooLong.body).from?.[0]).toMatch(/366/);
    const longest = await get<Platform>("/platform?from=2024-01-01&to=2024-12-31", admin.access_token);
    expect(longest.status).toBe(200);
    expect(longest.body.data.range.days).toBe(366);
    expect(longest.body.data.enrollments_per_day).toHaveLength(366);
    const notADate = await get(`/courses/${own}?to=2025-02-30`, creator.access_token);
    expect(notADate.status).toBe(400);
    expect(fieldsOf(notADate.body).to).toBeDefined();
    const badTime = await get("/platform?from=yesterday", admin.access_token);
    expect(fieldsOf(badTime.body).from).toBeDefined();
    const badId = await get("/courses/not-a-uuid", admin.access_token);
    expect(badId.status).toBe(400);
    expect(fieldsOf(badId.body).id).toBeDefined();
  });

  it("default to the last 30 UTC days, today included, and show zeros when nothing happened", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const res = await get<Platform>("/platform", admin.access_token);
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data.range).toEqual({
      from: new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10),
      to: today,
      days: 30,
    });
    expect(data.totals).toEqual({
      enrollments: 0,
      active_learners: 0,
      lesson_completions: 0,
      quiz_submissions: 0,
      ai_requests: 0,
    });
    expect(data.enrollments_per_day).toHaveLength(30);
    expect(data.enrollments_per_day[0]?.date).toBe(data.range.from);
    expect(data.enrollments_per_day.at(-1)?.date).toBe(today);
    expect(counts(data.enrollments_per_day).every((n) => n === 0)).toBe(true);
    expect(counts(data.active_learners_per_day).every((n) => n === 0)).toBe(true);
    expect(data.average_completion_time_seconds).toBeNull();
    expect(data.quiz_pass_rate).toBeNull();
    expect(data.average_watch_coverage).toBeNull();
    // Published courses without learners are listed (nobody enrolled is a finding); drafts are not.
    expect(data.completion_rate_per_course.map((c) => [c.title, c.enrolled, c.completed, c.rate])).toEqual([
      ["Own course", 0, 0, null],
      ["Someone else's course", 0, 0, null],
    ]);
  });

  it("show an untouched course's lessons with zero funnels and no rates", async () => {
    const m = await moduleOf(own, 0);
    const video = await lesson(own, m, "Watch me", "video", 0);
    const text = await lesson(own, m, "Read me", "text", 1);
    await quizFor(own, text);
    const res = await get<CourseKpis>(`/courses/${own}?${WEEK}`, creator.access_token);
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data.course).toEqual({ id: own, title: "Own course", status: "published" });
    expect(data.completion).toEqual({ enrolled: 0, completed: 0, rate: null });
    expect(data.lesson_funnel).toEqual([
      { lesson_id: video, title: "Watch me", position: 1, started: 0, completed: 0, drop_off_rate: null },
      { lesson_id: text, title: "Read me", position: 2, started: 0, completed: 0, drop_off_rate: null },
    ]);
    expect(data.quiz_pass_rates).toEqual([{ lesson_id: text, title: "Read me", attempts: 0, pass_rate: null }]);
    expect(data.watch_coverage_per_lesson).toEqual([
      { lesson_id: video, title: "Watch me", average_watch_percentage: null },
    ]);
    expect(counts(data.enrollments_per_day)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe("KPIs over hand-built learning data", () => {
  let admin: Session;
  let creator: Session;
  let a: string;
  let b: string;
  let l1: string;
  let l2: string;
  let l3: string;
  let lb: string;
  let s1: string;
  let s2: string;
  let s3: string;
  let s4: string;

  /**
   * Course A (creator's): module at position 1 holds L1 (video) and L2 (text, quiz); module at position 0 holds
   * L3 (video), so the course order is L3, L1, L2. Course B belongs to someone else; course E is published and
   * untouched; D is the creator's newer draft. The analysed week is 2025-03-01..07.
   */
  beforeEach(async () => {
    admin = await ctx.people.admin();
    creator = await ctx.people.creator();
    const someoneElse = await learner("someone");
    [s1, s2, s3, s4] = [await learner("s1"), await learner("s2"), await learner("s3"), await learner("s4")];
    const s5 = await learner("s5");
    a = await course(creator.user.id, "A course", { createdAt: at("2025-01-01T00:00:00Z") });
    await course(creator.user.id, "D draft", { status: "draft", createdAt: at("2025-02-01T00:00:00Z") });
    b = await course(someoneElse, "B course");
    await course(someoneElse, "E course");
    const mLate = await moduleOf(a, 1);
    const mEarly = await moduleOf(a, 0);
    l1 = await lesson(a, mLate, "L1", "video", 0);
    l2 = await lesson(a, mLate, "L2", "text", 1);
    l3 = await lesson(a, mEarly, "L3", "video", 5);
    lb = await lesson(b, await moduleOf(b, 0), "LB", "video", 0);
    const quiz = { quizId: await quizFor(a, l2), lessonId: l2, courseId: a };

    const r = recorder();
    const ev = (type: AnalyticsEvent["type"], userId: string, when: string, extra: Partial<AnalyticsEvent> = {}) =>
      r.record({ type, userId, at: at(when), ...extra });
    const done = (seconds: number) => ({ completion_time_seconds: seconds, duration_seconds: 600 });
    await ev("enrollment", s1, "2025-03-01T10:00:00Z", { courseId: a });
    await ev("enrollment", s2, "2025-03-01T23:59:59.999Z", { courseId: a });
    await ev("enrollment", s3, "2025-03-03T00:00:00Z", { courseId: a });
    await ev("lesson_start", s1, "2025-03-01T11:00:00Z", { courseId: a, lessonId: l3 });
    await ev("lesson_completion", s1, "2025-03-02T09:00:00Z", { courseId: a, lessonId: l3, data: done(300) });
    await ev("lesson_start", s2, "2025-03-02T12:00:00Z", { courseId: a, lessonId: l3 });
    await ev("lesson_completion", s2, "2025-03-04T12:00:00Z", { courseId: a, lessonId: l3, data: done(500) });
    await ev("lesson_start", s1, "2025-03-04T13:00:00Z", { courseId: a, lessonId: l1 });
    await ev("quiz_submitted", s1, "2025-03-05T08:00:00Z", {
      courseId: a,
      lessonId: l2,
      data: { score: 0, passed: false },
    });
    await ev("quiz_submitted", s1, "2025-03-05T08:10:00Z", {
      courseId: a,
      lessonId: l2,
      data: { score: 100, passed: true },
    });
    await ev("quiz_submitted", s3, "2025-03-06T08:00:00Z", {
      courseId: a,
      lessonId: l2,
      data: { score: 100, passed: true },
    });
    await ev("ai_chat", s3, "2025-03-06T09:00:00Z", { courseId: a });
    await ev("enrollment", s1, "2025-02-27T10:00:00Z", { courseId: b });
    await ev("enrollment", s4, "2025-03-07T23:00:00Z", { courseId: b });
    await ev("lesson_completion", s4, "2025-03-07T23:30:00Z", { courseId: b, lessonId: lb, data: done(100) });
    await ev("ai_chat", s4, "2025-03-08T00:00:00Z");
    await ev("ai_chat", s2, "2025-03-05T15:00:00Z");

    await attempt(quiz, s1, false, "2025-03-05T08:00:00Z");
    await attempt(quiz, s1, true, "2025-03-05T08:10:00Z");
    await attempt(quiz, s3, true, "2025-03-06T08:00:00Z");
    await attempt(quiz, s2, false, "2025-02-20T08:00:00Z");

    const row = (
      userId: string,
      courseId: string,
      lessonId: string,
      watch: number,
      started: string,
      updated: string,
      completed?: string,
    ) => ({
      userId,
      courseId,
      lessonId,
      watchPercentage: watch,
      startedAt: at(started),
      updatedAt: at(updated),
      isCompleted: Boolean(completed),
      completedAt: completed ? at(completed) : null,
    });
    await db()
      .insert(progress)
      .values([
        row(s1, a, l3, 100, "2025-03-01T11:00:00Z", "2025-03-02T09:00:00Z", "2025-03-02T09:00:00Z"),
        row(s2, a, l3, 95, "2025-03-02T12:00:00Z", "2025-03-04T12:00:00Z", "2025-03-04T12:00:00Z"),
        row(s1, a, l1, 40, "2025-03-04T13:00:00Z", "2025-03-04T13:30:00Z"),
        row(s3, a, l2, 0, "2025-03-06T07:00:00Z", "2025-03-06T07:05:00Z"),
        row(s3, a, l1, 20, "2025-02-20T10:00:00Z", "2025-02-21T10:00:00Z"),
        row(s4, b, lb, 90, "2025-03-07T23:05:00Z", "2025-03-07T23:30:00Z", "2025-03-07T23:30:00Z"),
      ]);

    const enrol = (
      userId: string,
      courseId: string,
      created: string,
      more: Partial<typeof enrollments.$inferInsert> = {},
    ) => ({
      userId,
      courseId,
      createdAt: at(created),
      ...more,
    });
    await db()
      .insert(enrollments)
      .values([
        enrol(s1, a, "2025-03-01T10:00:00Z", { completedAt: at("2025-03-06T00:00:00Z"), progressPercentage: 100 }),
        enrol(s2, a, "2025-03-01T23:59:59.999Z", { progressPercentage: 100 }),
        enrol(s3, a, "2025-03-03T00:00:00Z", { progressPercentage: 33.3 }),
        enrol(s5, a, "2025-03-02T00:00:00Z", { status: "cancelled" }),
        enrol(s1, b, "2025-02-27T10:00:00Z", { completedAt: at("2025-02-28T00:00:00Z") }),
        enrol(s4, b, "2025-03-07T23:00:00Z", { progressPercentage: 50 }),
      ]);
    await db()
      .insert(reviews)
      .values([
        { userId: s1, courseId: a, rating: 4 },
        { userId: s2, courseId: a, rating: 5 },
        { userId: s3, courseId: a, rating: 5 },
      ]);
  });

  it("platform: totals, zero-filled days, completion per course and averages over the week", async () => {
    const res = await get<Platform>(`/platform?${WEEK}`, admin.access_token);
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data.range).toEqual({ from: "2025-03-01", to: "2025-03-07", days: 7 });
    expect(data.totals).toEqual({
      enrollments: 4,
      active_learners: 4,
      lesson_completions: 3,
      quiz_submissions: 3,
      ai_requests: 2,
    });
    expect(data.enrollments_per_day).toEqual([
      { date: "2025-03-01", count: 2 },
      { date: "2025-03-02", count: 0 },
      { date: "2025-03-03", count: 1 },
      { date: "2025-03-04", count: 0 },
      { date: "2025-03-05", count: 0 },
      { date: "2025-03-06", count: 0 },
      { date: "2025-03-07", count: 1 },
    ]);
    expect(counts(data.active_learners_per_day)).toEqual([2, 2, 1, 2, 2, 1, 1]);
    expect(data.completion_rate_per_course).toEqual([
      { course_id: a, title: "A course", enrolled: 3, completed: 2, rate: 0.6667 },
      { course_id: b, title: "B course", enrolled: 1, completed: 0, rate: 0 },
      { course_id: expect.any(String), title: "E course", enrolled: 0, completed: 0, rate: null },
    ]);
    expect(data.average_completion_time_seconds).toBe(300); // (300 + 500 + 100) / 3
    expect(data.quiz_pass_rate).toBe(0.6667); // 2 of the week's 3 attempts
    expect(data.average_watch_coverage).toBe(81.3); // (100 + 95 + 40 + 90) / 4 = 81.25
  });

  it("platform: a range with no activity in it has the courses but no figures", async () => {
    const res = await get<Platform>("/platform?from=2025-04-01&to=2025-04-03", admin.access_token);
    const data = res.body.data;
    expect(data.totals.active_learners).toBe(0);
    expect(counts(data.active_learners_per_day)).toEqual([0, 0, 0]);
    expect(data.completion_rate_per_course.map((c) => c.enrolled)).toEqual([0, 0, 0]);
    expect(data.average_completion_time_seconds).toBeNull();
  });

  it("course: its own totals and days, completion, lesson funnel in course order, quizzes and watch coverage", async () => {
    const res = await get<CourseKpis>(`/courses/${a}?${WEEK}`, creator.access_token);
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data.course).toEqual({ id: a, title: "A course", status: "published" });
    expect(data.totals).toEqual({
      enrollments: 3,
      active_learners: 3,
      lesson_completions: 2,
      quiz_submissions: 3,
      ai_requests: 1,
    });
    expect(counts(data.enrollments_per_day)).toEqual([2, 0, 1, 0, 0, 0, 0]);
    expect(counts(data.active_learners_per_day)).toEqual([2, 2, 1, 2, 1, 1, 0]);
    expect(data.completion).toEqual({ enrolled: 3, completed: 2, rate: 0.6667 });
    expect(data.average_completion_time_seconds).toBe(400);
    expect(data.quiz_pass_rate).toBe(0.6667);
    expect(data.average_watch_coverage).toBe(78.3); // (100 + 95 + 40) / 3
    expect(data.lesson_funnel).toEqual([
      { lesson_id: l3, title: "L3", position: 1, started: 2, completed: 2, drop_off_rate: 0 },
      { lesson_id: l1, title: "L1", position: 2, started: 1, completed: 0, drop_off_rate: 1 },
      { lesson_id: l2, title: "L2", position: 3, started: 1, completed: 0, drop_off_rate: 1 },
    ]);
    expect(data.quiz_pass_rates).toEqual([{ lesson_id: l2, title: "L2", attempts: 3, pass_rate: 0.6667 }]);
    expect(data.watch_coverage_per_lesson).toEqual([
      { lesson_id: l3, title: "L3", average_watch_percentage: 97.5 },
      { lesson_id: l1, title: "L1", average_watch_percentage: 40 },
    ]);
  });

  it("course: a funnel counts a learner once however many signals they left, and drop-off is a share", async () => {
    const r = recorder();
    // s3 starts L3 twice and s4 completes it without a start event: both are starters, s4 also a finisher.
    await r.record({ type: "lesson_start", userId: s3, courseId: a, lessonId: l3, at: at("2025-03-05T10:00:00Z") });
    await r.record({ type: "lesson_start", userId: s3, courseId: a, lessonId: l3, at: at("2025-03-06T10:00:00Z") });
    await r.record({
      type: "lesson_completion",
      userId: s4,
      courseId: a,
      lessonId: l3,
      data: { completion_time_seconds: 1000, duration_seconds: 600 },
      at: at("2025-03-06T11:00:00Z"),
    });
    const res = await get<CourseKpis>(`/courses/${a}?${WEEK}`, admin.access_token);
    expect(res.body.data.lesson_funnel[0]).toEqual({
      lesson_id: l3,
      title: "L3",
      position: 1,
      started: 4,
      completed: 3,
      drop_off_rate: 0.25,
    });
    expect(res.body.data.average_completion_time_seconds).toBe(600); // (300 + 500 + 1000) / 3
  });

  it("creator: own courses newest first, all-time enrollments and completion, recent learners, ratings", async () => {
    await recorder().record({ type: "lesson_start", userId: s2, courseId: a, lessonId: l1 });
    await recorder().record({ type: "lesson_start", userId: s2, courseId: a, lessonId: l3 });
    const res = await get<Creator>("/creator", creator.access_token);
    expect(res.status).toBe(200);
    expect(res.body.data.courses).toEqual([
      {
        course_id: expect.any(String),
        title: "D draft",
        status: "draft",
        enrollments: 0,
        active_learners_30d: 0,
        completion_rate: null,
        rating_avg: null,
      },
      {
        course_id: a,
        title: "A course",
        status: "published",
        enrollments: 3,
        active_learners_30d: 1,
        completion_rate: 0.6667,
        rating_avg: 4.67,
      },
    ]);
  });
});
