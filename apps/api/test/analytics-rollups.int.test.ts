import { analyticsDailyRollups, courses, lessons, users } from "@lumen/db";
import { eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAnalyticsRecorder } from "../src/modules/analytics/analytics.recorder.js";
import { createAnalyticsRepo, type DayRange } from "../src/modules/analytics/analytics.repo.js";
import { type TestApp, withApp } from "./fixtures/app.js";

/**
 * Issue 16: the daily series reads stored rollups for whole past days and raw events for the rest; the answers must
 * be the very ones the raw events give, before the job has run, after it, and after events of a stored day change.
 */
let ctx: TestApp;
beforeAll(async () => {
  ctx = await withApp();
});
afterAll(async () => ctx?.close());

const DAY_MS = 86_400_000;
const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);
/** Noon UTC `daysAgo` days ago: inside that day whatever the hour now (today: at most now). */
const noon = (daysAgo: number) => new Date(Math.min(Date.parse(`${isoDay(daysAgo)}T12:00:00Z`), Date.now() - 1000));
const range: DayRange = { from: isoDay(8), to: isoDay(0) };

const repo = () => createAnalyticsRepo(ctx.database.db);
const record = (e: Parameters<ReturnType<typeof createAnalyticsRecorder>["record"]>[0]) =>
  createAnalyticsRecorder(ctx.database.db).record(e);

let courseA: string;
let courseB: string;
let lessonA: string;
let learners: string[];

/** The three scopes the dashboards ask for: the platform and each course. */
async function answers() {
  const r = repo();
  return {
    platform: await r.daily(range),
    a: await r.daily(range, courseA),
    b: await r.daily(range, courseB),
  };
}
/** What the raw events alone give: the same queries with no stored day. */
async function rawAnswers() {
  await ctx.database.db.delete(analyticsDailyRollups);
  return answers();
}

beforeEach(async () => {
  await ctx.reset();
  const creator = await ctx.make.user("creator", { role: "creator" });
  const a = await ctx.make.courseWithLessons(creator, { title: "Course A", lessons: [{}, {}] });
  const b = await ctx.make.courseWithLessons(creator, { title: "Course B" });
  courseA = a.courseId;
  courseB = b.courseId;
  lessonA = a.lessonIds[0] as string;
  learners = [await ctx.make.user("ann"), await ctx.make.user("bob"), await ctx.make.user("cy")];
  const [ann, bob, cy] = learners as [string, string, string];
  for (const daysAgo of [0, 1, 2, 3, 5, 6]) {
    await record({ type: "enrollment", userId: ann, courseId: courseA, at: noon(daysAgo) });
    await record({ type: "enrollment", userId: ann, courseId: courseA, at: noon(daysAgo) }); // counted once a day
    await record({ type: "lesson_start", userId: bob, courseId: courseA, lessonId: lessonA, at: noon(daysAgo) });
    await record({
      type: "lesson_completion",
      userId: bob,
      courseId: courseA,
      lessonId: lessonA,
      data: { duration_seconds: 60, completion_time_seconds: 30 },
      at: noon(daysAgo),
    });
    await record({ type: "enrollment", userId: cy, courseId: courseB, at: noon(daysAgo + 1) });
    // A platform event without a course counts for the platform's active learners only.
    await record({ type: "ai_chat", userId: cy, at: noon(daysAgo) });
  }
});

describe("analytics daily rollups", () => {
  it("give the same daily series as the raw events, and are stored for whole past days only", async () => {
    const before = await answers();
    expect(before.platform.some((d) => d.active_learners > 0)).toBe(true);
    expect(await repo().rollUpDays(30)).toBeGreaterThan(0);
    const stored = await ctx.database.db
      .select()
      .from(analyticsDailyRollups)
      .where(isNull(analyticsDailyRollups.courseId));
    const storedDays = stored.map((r) => r.day);
    // Two days ago is always over for the job (it waits an hour past midnight); today never is.
    expect(storedDays).toContain(isoDay(2));
    expect(storedDays).not.toContain(isoDay(0));
    expect(await answers()).toEqual(before);
    expect(await rawAnswers()).toEqual(before);
  });

  it("are idempotent: a second run stores nothing and changes no answer", async () => {
    await repo().rollUpDays(30);
    const first = await answers();
    const rows = await ctx.database.db.select().from(analyticsDailyRollups);
    expect(await repo().rollUpDays(30)).toBe(0);
    expect(await ctx.database.db.select().from(analyticsDailyRollups)).toHaveLength(rows.length);
    expect(await answers()).toEqual(first);
  });

  it("run as the scheduled analytics.rollup job", async () => {
    await ctx.app.jobs.enqueue("analytics.rollup", {});
    await ctx.app.jobs.idle();
    const rows = await ctx.database.db.select().from(analyticsDailyRollups);
    expect(rows.some((r) => r.courseId === courseA && r.day === isoDay(3))).toBe(true);
  });

  const changes: Record<string, () => Promise<void>> = {
    "a backdated event lands on a stored day": async () => {
      const dee = await ctx.make.user("dee");
      await record({ type: "enrollment", userId: dee, courseId: courseA, at: noon(3) });
    },
    "a learner's account is deleted (their events go with it)": async () => {
      await ctx.database.db.delete(users).where(eq(users.id, learners[1] as string));
    },
    "a lesson is deleted (its events keep no lesson)": async () => {
      await ctx.database.db.delete(lessons).where(eq(lessons.id, lessonA));
    },
    "a course is deleted": async () => {
      await ctx.database.db.delete(courses).where(eq(courses.id, courseB));
    },
  };
  for (const [what, change] of Object.entries(changes)) {
    it(`still give the raw answers when ${what}, before and after the next run`, async () => {
      await repo().rollUpDays(30);
      await change();
      const afterChange = await answers();
      await repo().rollUpDays(30);
      const afterRun = await answers();
      expect(afterRun).toEqual(afterChange);
      expect(await rawAnswers()).toEqual(afterChange);
    });
  }
});
