import { execRows, type QuizQuestionRow, resetDatabase, type UserStats } from "@lumen/db";
import { DEMO_LEARNER_DOMAIN, DEMO_USERS, demoCourses, seedDemo } from "@lumen/db/seed";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextUserStats } from "../src/modules/analytics/analytics.stats.js";
import { hashPassword } from "../src/modules/auth/password.js";
import { scoreAttempt } from "../src/modules/quiz/quiz-scoring.js";
import { call, createTestContext, login, type Session, type TestContext } from "./helpers.js";

type Daily = Array<{ date: string; count: number }>;
type Platform = {
  totals: { enrollments: number; active_learners: number; lesson_completions: number; ai_requests: number };
  enrollments_per_day: Daily;
  active_learners_per_day: Daily;
  completions_per_day: Daily;
  quiz_pass_rate: number | null;
  average_watch_coverage: number | null;
  completion_rate_per_course: Array<{ course_id: string; title: string; enrolled: number; completed: number }>;
};
type CourseFigures = {
  lesson_funnel: Array<{ lesson_id: string; title: string; started: number; completed: number }>;
  quiz_pass_rates: Array<{ lesson_id: string; title: string; attempts: number; pass_rate: number | null }>;
  watch_coverage_per_lesson: Array<{ title: string; average_watch_percentage: number | null }>;
  where_stuck: Array<{ title: string; rewatch_learners: number; questions: number }>;
};
type Bucket = { start_seconds: number; end_seconds: number; rewatch_learners: number; questions: number };
type LessonFigures = {
  lesson: { duration_seconds: number };
  timeline: Bucket[];
  questions: { total: number; items: Array<{ question: string; position_seconds: number | null }> };
};

const DAY = 86_400_000;
const now = new Date();
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Every day of the history (45 of them, today included). */
const range = `from=${isoDay(now.getTime() - 44 * DAY)}&to=${isoDay(now.getTime())}`;

let ctx: TestContext;
let admin: Session;
let ada: Session;

const get = async <T>(url: string, who: Session): Promise<T> => {
  const res = await call<T>(ctx.app, { method: "GET", url: `/api/v1${url}`, token: who.access_token });
  expect(res.status, JSON.stringify(res.body.error)).toBe(200);
  return res.body.data;
};
const rows = async <T>(query: ReturnType<typeof sql>) => (await execRows<T>(ctx.database.db, query)).rows;
const photosynthesis = async () =>
  (await rows<{ id: string }>(sql`select id from courses where slug = 'photosynthesis-essentials'`))[0]?.id as string;
const lessonId = async (title: string) =>
  (await rows<{ id: string }>(sql`select id from lessons where title = ${title}`))[0]?.id as string;
const daysWith = (series: Daily) => series.filter((d) => d.count > 0).length;
const total = (series: Daily) => series.reduce((sum, d) => sum + d.count, 0);

async function signIn() {
  admin = (await login(ctx.app, "admin@lumen.dev", "lumen-admin-demo")).body.data;
  ada = (await login(ctx.app, "ada@lumen.dev", "lumen-creator-demo")).body.data;
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.database.db, { hashPassword, now });
  await signIn();
});
afterAll(async () => ctx?.close());

describe("the demo history on the admin overview", () => {
  it("has enrollments, active learners and completions on most of the last 45 days, busier lately", async () => {
    const p = await get<Platform>(`/analytics/platform?${range}`, admin);
    expect(p.totals.enrollments).toBeGreaterThanOrEqual(60);
    expect(p.totals.active_learners).toBeGreaterThanOrEqual(40);
    expect(p.totals.lesson_completions).toBeGreaterThanOrEqual(100);
    expect(daysWith(p.enrollments_per_day)).toBeGreaterThanOrEqual(20);
    expect(daysWith(p.active_learners_per_day)).toBeGreaterThanOrEqual(35);
    expect(daysWith(p.completions_per_day)).toBeGreaterThanOrEqual(30);
    const early = total(p.active_learners_per_day.slice(0, 15));
    const late = total(p.active_learners_per_day.slice(-15));
    expect(late).toBeGreaterThan(early);
    expect(p.quiz_pass_rate).toBeGreaterThan(0.3);
    expect(p.quiz_pass_rate).toBeLessThan(0.95);
    expect(p.average_watch_coverage).toBeGreaterThan(50);
    // The headline counts enrollment events, the table enrollment rows: the seed makes them one and the same.
    expect(p.completion_rate_per_course.reduce((sum, c) => sum + c.enrolled, 0)).toBe(p.totals.enrollments);
    expect(p.completion_rate_per_course.every((c) => c.enrolled > 0)).toBe(true);
    expect(p.completion_rate_per_course.filter((c) => c.completed > 0).length).toBeGreaterThanOrEqual(5);
    // The default period (the last 30 days) is busy too.
    const recent = await get<Platform>("/analytics/platform", admin);
    expect(recent.totals.enrollments).toBeGreaterThan(30);
  });

  it("has tutor requests on many days, each logged once in the usage the AI charts read", async () => {
    // Sixty days from either side of a midnight still hold the whole history: the two windows can't differ.
    const p = await get<Platform>(`/analytics/platform?from=${isoDay(now.getTime() - 59 * DAY)}`, admin);
    const usage = await get<{ days: Array<{ requests: number; cost_usd: number; failed: number }> }>(
      "/ai/usage/platform?days=60",
      admin,
    );
    expect(p.totals.ai_requests).toBeGreaterThanOrEqual(50);
    expect(usage.days.reduce((sum, d) => sum + d.requests, 0)).toBe(p.totals.ai_requests);
    expect(usage.days.filter((d) => d.requests > 0).length).toBeGreaterThanOrEqual(20);
    // The offline tutor: no provider, no cost, no failures.
    expect(usage.days.every((d) => d.cost_usd === 0 && d.failed === 0)).toBe(true);
  });
});

describe("a demo course on its creator's analytics page", () => {
  it("shows a funnel that narrows, quiz pass rates, coverage and where learners get stuck", async () => {
    const course = await get<CourseFigures>(`/analytics/courses/${await photosynthesis()}?${range}`, ada);
    const started = course.lesson_funnel.map((l) => l.started);
    expect(started[0]).toBeGreaterThanOrEqual(15);
    for (const [i, n] of started.entries()) if (i > 0) expect(n).toBeLessThanOrEqual(started[i - 1] as number);
    expect(started.at(-1)).toBeLessThan(started[0] as number);
    expect(course.lesson_funnel.every((l) => l.completed <= l.started)).toBe(true);
    const quizzes = course.quiz_pass_rates.filter((q) => q.attempts > 0);
    expect(quizzes.length).toBeGreaterThanOrEqual(2);
    expect(quizzes.every((q) => q.pass_rate !== null && q.pass_rate > 0)).toBe(true);
    expect(quizzes.some((q) => (q.pass_rate ?? 1) < 1)).toBe(true);
    for (const video of course.watch_coverage_per_lesson) expect(video.average_watch_percentage).toBeGreaterThan(40);
    const stuck = new Map(course.where_stuck.map((l) => [l.title, l]));
    expect(stuck.get("The light-dependent reactions")?.rewatch_learners).toBeGreaterThanOrEqual(4);
    expect(stuck.get("The Calvin cycle")?.rewatch_learners).toBeGreaterThanOrEqual(3);
    expect(course.where_stuck.reduce((sum, l) => sum + l.questions, 0)).toBeGreaterThanOrEqual(10);
  });

  it.each([
    // The stretches the content marks as hard (rewatch_hotspots).
    [
      "The light-dependent reactions",
      [
        [166, 207],
        [118, 140],
      ],
    ],
    [
      "The Calvin cycle",
      [
        [147, 212],
        [60, 92],
      ],
    ],
  ])("heats up at the hard stretch of “%s”, with questions placed on the video", async (title, hot) => {
    const id = await lessonId(title);
    const lesson = await get<LessonFigures>(`/analytics/courses/${await photosynthesis()}/lessons/${id}?${range}`, ada);
    const inHot = (b: Bucket) => hot.some(([from = 0, to = 0]) => b.end_seconds > from && b.start_seconds < to);
    const peak = Math.max(...lesson.timeline.map((b) => b.rewatch_learners));
    const elsewhere = Math.max(0, ...lesson.timeline.filter((b) => !inHot(b)).map((b) => b.rewatch_learners));
    expect(peak).toBeGreaterThanOrEqual(3);
    expect(inHot(lesson.timeline.find((b) => b.rewatch_learners === peak) as Bucket)).toBe(true);
    expect(peak).toBeGreaterThanOrEqual(2 * elsewhere);
    expect(lesson.questions.total).toBeGreaterThanOrEqual(2);
    for (const q of lesson.questions.items) {
      expect(q.question.length).toBeGreaterThan(10);
      expect(q.position_seconds).toBeGreaterThanOrEqual(0);
      expect(q.position_seconds).toBeLessThanOrEqual(lesson.lesson.duration_seconds);
    }
    expect(lesson.timeline.reduce((sum, b) => sum + b.questions, 0)).toBe(lesson.questions.total);
  });
});

describe("the demo history's rows agree with each other as the API would have left them", () => {
  it("keeps course counters, ratings and enrollment progress consistent with the rows", async () => {
    expect(
      await rows(sql`select c.slug from courses c
        where c.enrollment_count <> (select count(*) from enrollments e where e.course_id = c.id and e.status = 'active')
           or c.rating_count <> (select count(*) from reviews r where r.course_id = c.id)
           or abs(c.rating_avg - coalesce((select avg(r.rating) from reviews r where r.course_id = c.id), 0)) > 1e-6`),
    ).toEqual([]);
    expect(
      (
        await rows<{
          n: number;
        }>(sql`select count(*)::int as n from reviews r join enrollments e using (user_id, course_id)
        where e.completed_lessons * 2 >= (select count(*) from lessons l where l.course_id = r.course_id)`)
      )[0]?.n,
    ).toBe((await rows<{ n: number }>(sql`select count(*)::int as n from reviews`))[0]?.n);
    expect(
      await rows(sql`select e.id from enrollments e
        cross join lateral (select (select count(*) from lessons l where l.course_id = e.course_id)::int as total,
          (select count(*) from progress p where p.user_id = e.user_id and p.course_id = e.course_id and p.is_completed)::int as done) a
        where e.completed_lessons <> a.done
           or e.progress_percentage <> round((100.0 * a.done / a.total)::numeric, 2)::real
           or (e.completed_at is not null) <> (a.done = a.total)
           or e.last_accessed_at < e.created_at`),
    ).toEqual([]);
    // Nobody enrolls before signing up or before the course is out.
    expect(
      await rows(sql`select e.id from enrollments e join users u on u.id = e.user_id join courses c on c.id = e.course_id
        where e.created_at < u.created_at or e.created_at < c.published_at`),
    ).toEqual([]);
  });

  it("stores watched segments and coverage through the API's own functions, completing videos at 90%", async () => {
    expect(
      await rows(sql`select p.id from progress p join lessons l on l.id = p.lesson_id
        where l.kind = 'video' and (p.watched_segments <> lumen_merge_segments('[]'::jsonb, p.watched_segments)
           or p.watch_percentage <> lumen_segments_coverage(p.watched_segments, l.duration_seconds)::real
           or p.is_completed <> (p.watch_percentage >= 90))`),
    ).toEqual([]);
    expect(
      await rows(sql`select p.id from progress p
        where (p.completed_at is not null) <> p.is_completed or p.updated_at < p.started_at
           or (select count(*) from analytics_events e where e.type = 'lesson_start' and e.user_id = p.user_id
                 and e.lesson_id = p.lesson_id and e.created_at = p.started_at) <> 1
           or (select count(*) from analytics_events e where e.type = 'lesson_completion' and e.user_id = p.user_id
                 and e.lesson_id = p.lesson_id and e.created_at = p.completed_at) <> (case when p.is_completed then 1 else 0 end)`),
    ).toEqual([]);
    expect(
      await rows(sql`select e.id from enrollments e where (select count(*) from analytics_events a
        where a.type = 'enrollment' and a.user_id = e.user_id and a.course_id = e.course_id and a.created_at = e.created_at) <> 1`),
    ).toEqual([]);
    // Rewatches: seconds of a video the learner had watched, after the lesson started.
    expect(
      await rows(sql`select r.progress_id from lesson_rewatches r join progress p on p.id = r.progress_id
        join lessons l on l.id = r.lesson_id
        where l.kind <> 'video' or r.course_id <> p.course_id or r.to_seconds - r.from_seconds < 1
           or r.to_seconds > l.duration_seconds or r.created_at < p.started_at
           or lumen_segments_overlap(p.watched_segments, jsonb_build_array(jsonb_build_array(r.from_seconds, r.to_seconds)))
              = '[]'::jsonb`),
    ).toEqual([]);
  });

  it("scores every quiz attempt as the quiz service does, and folds them into quiz progress", async () => {
    const attempts = await rows<{
      questions: QuizQuestionRow[];
      pass_mark: number;
      answers: Array<{ question_id: string; answer: string | number | boolean | number[] }>;
      results: Array<{ question_id: string; correct: boolean }>;
      score: number;
      passed: boolean;
    }>(sql`select q.questions, q.pass_mark, a.answers, a.results, a.score, a.passed
           from quiz_attempts a join quizzes q on q.id = a.quiz_id`);
    expect(attempts.length).toBeGreaterThanOrEqual(60);
    expect(attempts.some((a) => a.passed) && attempts.some((a) => !a.passed)).toBe(true);
    for (const a of attempts) {
      const scored = scoreAttempt(a.questions, a.answers, a.pass_mark);
      expect({ score: a.score, passed: a.passed }).toEqual({ score: scored.score, passed: scored.passed });
      expect(a.results).toEqual(scored.results.map((r) => ({ question_id: r.question.id, correct: r.correct })));
    }
    expect(
      await rows(sql`select p.id from progress p
        cross join lateral (select count(*)::int as n, max(a.score) as best, bool_or(a.passed) as passed, max(a.created_at) as last
          from quiz_attempts a where a.user_id = p.user_id and a.lesson_id = p.lesson_id) a
        where (p.quiz_progress is null) <> (a.n = 0) or (a.n > 0 and (
          (p.quiz_progress->>'attempts')::int <> a.n or (p.quiz_progress->>'best_score')::real <> a.best
          or (p.quiz_progress->>'passed')::boolean <> a.passed
          or (p.quiz_progress->>'last_attempt_at')::timestamptz <> a.last))`),
    ).toEqual([]);
    const [events] = await rows<{ n: number }>(
      sql`select count(*)::int as n from analytics_events where type = 'quiz_submitted'`,
    );
    expect(events?.n).toBe(attempts.length);
  });

  it("logs each tutor question once in the usage log, with its words and (on a video) its second", async () => {
    expect(
      await rows(sql`select e.id from analytics_events e join lessons l on l.id = e.lesson_id
        where e.type = 'ai_chat' and (jsonb_typeof(e.data->'question') <> 'string' or e.data->>'provider' <> 'offline'
          or (l.kind = 'video') <> (jsonb_typeof(e.data->'position_seconds') = 'number')
          or (e.data->>'position_seconds')::float8 not between 0 and l.duration_seconds)`),
    ).toEqual([]);
    const perUser = sql`select user_id, count(*)::int as n from`;
    expect(await rows(sql`${perUser} analytics_events where type = 'ai_chat' group by 1 order by 1`)).toEqual(
      await rows(sql`${perUser} ai_usage where kind = 'chat' and status = 'ok' group by 1 order by 1`),
    );
    expect(
      await rows(sql`select id from analytics_events where created_at > ${now.toISOString()}::timestamptz`),
    ).toEqual([]);
  });

  it("gives every learner the stats the recorder would have kept from their events", async () => {
    const events = await rows<{ user_id: string; type: string; data: Record<string, unknown>; created_at: string }>(
      sql`select user_id, type, data, created_at from analytics_events order by created_at, id`,
    );
    const expected = new Map<string, UserStats>();
    for (const e of events) {
      const before = expected.get(e.user_id) ?? {
        lessons_completed: 0,
        minutes_learned: 0,
        current_streak_days: 0,
        best_streak_days: 0,
        last_active_date: null,
      };
      const seconds = e.type === "lesson_completion" ? Number(e.data.duration_seconds) : 0;
      const day = new Date(e.created_at).toISOString().slice(0, 10);
      expected.set(e.user_id, nextUserStats(before, { completesLesson: seconds > 0, durationSeconds: seconds }, day));
    }
    const users = await rows<{ id: string; stats: UserStats }>(sql`select id, stats from users`);
    expect(users.filter((u) => expected.has(u.id)).length).toBe(expected.size);
    for (const u of users) if (expected.has(u.id)) expect(u.stats, u.id).toEqual(expected.get(u.id));
  });
});

describe("the demo accounts", () => {
  it("keeps the documented accounts signing in, and the demo learners can't", async () => {
    for (const u of DEMO_USERS) expect((await login(ctx.app, u.email, u.password)).status, u.email).toBe(200);
    const learners = await rows<{ email: string; password_hash: string; role: string; email_verified: boolean }>(
      sql`select email, password_hash, role, email_verified from users where email like ${`%@${DEMO_LEARNER_DOMAIN}`}`,
    );
    expect(learners.length).toBeGreaterThanOrEqual(35);
    expect(learners.every((l) => l.role === "student" && l.email_verified)).toBe(true);
    expect(learners.every((l) => l.password_hash.startsWith("$argon2id$"))).toBe(true);
    for (const l of learners.slice(0, 3))
      for (const guess of ["lumen-student-demo", "correct horse battery staple"]) {
        const res = await login(ctx.app, l.email, guess);
        expect(res.status, l.email).toBe(401);
        expect(res.body.error?.code).toBe("UNAUTHORIZED");
      }
  });
});

describe("seeding again", () => {
  /** What the pages show, by title (ids are new on every seed). */
  async function figures() {
    const p = await get<Platform>(`/analytics/platform?${range}`, admin);
    const course = await get<CourseFigures>(`/analytics/courses/${await photosynthesis()}?${range}`, ada);
    const id = await lessonId("The light-dependent reactions");
    const lesson = await get<LessonFigures>(`/analytics/courses/${await photosynthesis()}/lessons/${id}?${range}`, ada);
    const counts = await rows(sql`select
      (select count(*) from users)::int as users, (select count(*) from enrollments)::int as enrollments,
      (select count(*) from progress)::int as progress, (select count(*) from lesson_rewatches)::int as rewatches,
      (select count(*) from quiz_attempts)::int as attempts, (select count(*) from ai_usage)::int as usage,
      (select count(*) from reviews)::int as reviews,
      (select string_agg(slug || ':' || enrollment_count || ':' || rating_count, ',' order by slug) from courses) as courses`);
    return {
      platform: { ...p, completion_rate_per_course: p.completion_rate_per_course.map(({ course_id, ...c }) => c) },
      funnel: course.lesson_funnel.map(({ lesson_id, ...l }) => l),
      quizzes: course.quiz_pass_rates.map(({ lesson_id, ...q }) => q),
      timeline: lesson.timeline,
      questions: lesson.questions,
      counts,
    };
  }

  it("resets to the very same history (npm run db:seed empties the tables and seeds again)", async () => {
    const first = await figures();
    await resetDatabase(ctx.database.db);
    await seedDemo(ctx.database.db, { hashPassword, now });
    await signIn();
    expect(await figures()).toEqual(first);
    expect(demoCourses.length).toBe((first.counts[0] as { courses: string }).courses.split(",").length);
  });
});
