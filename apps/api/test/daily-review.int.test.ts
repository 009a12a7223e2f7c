import { randomUUID } from "node:crypto";
import type { DailyReview, DailyReviewStats, RecallGradeResult, User } from "@lumen/contracts";
import { execRows } from "@lumen/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestApp, withApp } from "./fixtures/app.js";
import { call, fieldsOf, type Session } from "./helpers.js";
import { enroll } from "./learning-fixtures.js";

const DAY = 86_400_000;
/** The app's clock: each test starts at 09:00 UTC on a fixed day and moves it explicitly. */
let clock = new Date("2026-03-02T09:00:00.000Z");

const TRANSCRIPT = `WEBVTT

00:00:00.000 --> 00:00:05.000
Welcome to the lesson on brewing.

00:00:05.000 --> 00:00:12.000
Extraction is the process of dissolving flavour compounds from the ground coffee into the water.

00:00:12.000 --> 00:00:20.000
Bloom is the burst of carbon dioxide that escapes when hot water first meets fresh coffee.

00:00:20.000 --> 00:00:30.000
A finer grind exposes more surface to the water, so extraction runs faster and the cup tastes stronger.

00:00:30.000 --> 00:00:38.000
Brew ratio is the weight of ground coffee compared with the weight of brewing water.
`;

let ctx: TestApp;
let creator: Session;
let learner: Session;
let courseId: string;
let lessonId: string;

beforeAll(async () => {
  ctx = await withApp({ now: () => clock });
});
afterAll(async () => ctx?.close());

async function brewingCourse(paid = false) {
  const token = creator.access_token;
  const course = await call<{ id: string }>(ctx.app, {
    method: "POST",
    url: "/api/v1/courses",
    token,
    payload: {
      title: "Brewing better coffee",
      description: "Extraction, grind and bloom.",
      category: "Food",
      level: "beginner",
      pricing: paid ? { is_free: false, price: 19 } : { is_free: true, price: 0 },
    },
  });
  const id = course.body.data.id;
  const mod = await call<{ id: string }>(ctx.app, {
    method: "POST",
    url: `/api/v1/courses/${id}/modules`,
    token,
    payload: { title: "Brewing" },
  });
  const lesson = await call<{ id: string }>(ctx.app, {
    method: "POST",
    url: `/api/v1/modules/${mod.body.data.id}/lessons`,
    token,
    payload: { title: "How extraction works", kind: "text", content_md: "Read along.", transcript_vtt: TRANSCRIPT },
  });
  await call(ctx.app, { method: "PUT", url: `/api/v1/courses/${id}`, token, payload: { status: "published" } });
  return { courseId: id, lessonId: lesson.body.data.id };
}

const today = (who: Session = learner) =>
  call<DailyReview>(ctx.app, { method: "GET", url: "/api/v1/review/today", token: who.access_token });
const stats = (who: Session = learner) =>
  call<DailyReviewStats>(ctx.app, { method: "GET", url: "/api/v1/review/stats", token: who.access_token });
const grade = (cardId: string, rating: string, reviewId = randomUUID(), who: Session = learner) =>
  call<RecallGradeResult>(ctx.app, {
    method: "POST",
    url: `/api/v1/review/cards/${cardId}/grade`,
    token: who.access_token,
    payload: { review_id: reviewId, rating },
  });
async function completeLesson(who: Session = learner) {
  const res = await call(ctx.app, {
    method: "POST",
    url: `/api/v1/lessons/${lessonId}/complete`,
    token: who.access_token,
  });
  expect(res.status).toBe(200);
  await ctx.app.jobs.idle();
}

beforeEach(async () => {
  clock = new Date("2026-03-02T09:00:00.000Z");
  await ctx.reset();
  creator = await ctx.people.creator();
  learner = await ctx.people.learner();
  ({ courseId, lessonId } = await brewingCourse());
  await enroll(ctx, learner, courseId);
});

describe("daily review cards", () => {
  it("are built from a lesson when it is completed: term → meaning, cued at the second it is said", async () => {
    expect((await today()).body.data.items).toEqual([]);
    await completeLesson();
    const res = await today();
    expect(res.status).toBe(200);
    const extraction = res.body.data.items.find((c) => c.term === "Extraction");
    expect(extraction).toMatchObject({
      kind: "definition",
      meaning: "The process of dissolving flavour compounds from the ground coffee into the water",
      lesson_id: lessonId,
      lesson_title: "How extraction works",
      course_title: "Brewing better coffee",
      cue_seconds: 5,
      state: "new",
    });
    expect(res.body.data.items.find((c) => c.term === "Bloom")?.cue_seconds).toBe(12);
    expect(res.body.data.stats).toEqual({
      due_count: res.body.data.items.length,
      done_today: 0,
      total_cards: res.body.data.items.length,
      session_completed: false,
    });
  });

  it("are backfilled for lessons completed before, once: a second run adds nothing", async () => {
    await completeLesson();
    await execRows(ctx.database.db, sql`delete from recall_cards`);
    expect((await stats()).body.data.total_cards).toBe(0);
    await ctx.app.jobs.enqueue("recall.backfill", {});
    await ctx.app.jobs.idle();
    const total = (await stats()).body.data.total_cards;
    expect(total).toBeGreaterThan(1);
    await ctx.app.jobs.enqueue("recall.backfill", {});
    await ctx.app.jobs.idle();
    expect((await stats()).body.data.total_cards).toBe(total);
  });

  it("belong to their owner only, and vanish from the review when the learner leaves the course", async () => {
    await completeLesson();
    const other = await ctx.people.learner("other@example.com");
    const card = (await today()).body.data.items[0];
    if (!card) throw new Error("no card");
    expect((await today(other)).body.data.items).toEqual([]);
    const stolen = await grade(card.id, "good", randomUUID(), other);
    expect(stolen.status).toBe(404);
    expect(stolen.body.error?.code).toBe("NOT_FOUND");

    const left = await call(ctx.app, {
      method: "DELETE",
      url: `/api/v1/courses/${courseId}/enroll`,
      token: learner.access_token,
    });
    expect(left.status).toBe(200);
    const after = await today();
    expect(after.body.data.items).toEqual([]);
    expect(after.body.data.stats.due_count).toBe(0);
    expect((await grade(card.id, "good")).status).toBe(404);
  });
});

describe("grading a card with FSRS", () => {
  it("moves the due date further out the better the rating", async () => {
    await completeLesson();
    const cards = (await today()).body.data.items;
    expect(cards.length).toBeGreaterThanOrEqual(4);
    const dues: Record<string, number> = {};
    for (const [i, rating] of ["again", "hard", "good", "easy"].entries()) {
      const res = await grade(cards[i]?.id as string, rating);
      expect(res.status).toBe(200);
      expect(res.body.data.applied).toBe(true);
      dues[rating] = Date.parse(res.body.data.card.due);
    }
    // A new card: Again tomorrow, then each better rating later (FSRS-6 defaults, no fuzz).
    expect(dues.again).toBe(clock.getTime() + DAY);
    expect(dues.hard).toBeGreaterThan(dues.again as number);
    expect(dues.good).toBeGreaterThan(dues.hard as number);
    expect(dues.easy).toBeGreaterThan(dues.good as number);
    const graded = new Set(cards.slice(0, 4).map((c) => c.id));
    expect((await today()).body.data.items.some((c) => graded.has(c.id))).toBe(false);
    expect((await stats()).body.data.done_today).toBe(4);

    // The next day, the card rated Again is due again; Easy isn't.
    clock = new Date(clock.getTime() + DAY);
    const tomorrow = (await today()).body.data.items.map((c) => c.id);
    expect(tomorrow).toContain(cards[0]?.id);
    expect(tomorrow).not.toContain(cards[3]?.id);
    expect((await stats()).body.data.done_today).toBe(0);
  });

  it("is idempotent per review id and refuses a second grade of the same card today", async () => {
    await completeLesson();
    const card = (await today()).body.data.items[0];
    if (!card) throw new Error("no card");
    const reviewId = randomUUID();
    const [a, b] = await Promise.all([grade(card.id, "good", reviewId), grade(card.id, "good", reviewId)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.data.applied, b.body.data.applied].sort()).toEqual([false, true]);
    expect(a.body.data.card.due).toBe(b.body.data.card.due);
    const again = await grade(card.id, "easy");
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe("CONFLICT");
    const { rows } = await execRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from recall_reviews`);
    expect(rows[0]?.n).toBe(1);
  });

  it("rejects a bad rating or review id with the fields named", async () => {
    await completeLesson();
    const card = (await today()).body.data.items[0];
    const res = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/review/cards/${card?.id}/grade`,
      token: learner.access_token,
      payload: { review_id: "nope", rating: "perfect" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(fieldsOf(res.body)).sort()).toEqual(["rating", "review_id"]);
    expect((await call(ctx.app, { method: "GET", url: "/api/v1/review/today" })).status).toBe(401);
  });
});

describe("the day's review and the streak", () => {
  const me = async () =>
    (await call<{ user: User }>(ctx.app, { method: "GET", url: "/api/v1/auth/me", token: learner.access_token })).body
      .data.user.stats;

  it("counts a finished review as the day's activity, once, extending the streak", async () => {
    await completeLesson();
    // The completion is dated by the database's own clock: place that activity on the test clock's day.
    await execRows(
      ctx.database.db,
      sql`update users set stats = stats || '{"current_streak_days": 1, "best_streak_days": 1, "last_active_date": "2026-03-02"}'::jsonb where id = ${learner.user.id}`,
    );
    clock = new Date(clock.getTime() + DAY);
    const cards = (await today()).body.data.items;
    for (const [i, card] of cards.entries()) {
      const res = await grade(card.id, "good");
      expect(res.body.data.stats.session_completed).toBe(i === cards.length - 1);
    }
    const { rows } = await execRows<{ day: string; n: number }>(
      ctx.database.db,
      sql`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as n from analytics_events where type = 'review_session' group by 1`,
    );
    expect(rows).toEqual([{ day: "2026-03-03", n: 1 }]);
    const stats = await me();
    expect(stats.current_streak_days).toBe(2);
    expect(stats.last_active_date).toBe("2026-03-03");
  });
});
