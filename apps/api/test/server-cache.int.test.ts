import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { createSharedCache } from "../src/lib/cache.js";
import { createFileTransport } from "../src/modules/mail/mail-transport.js";
import {
  call,
  createTestContext,
  markVerified,
  register,
  type Session,
  type TestContext,
  testConfig,
  userWithRole,
} from "./helpers.js";
import { type BuiltCourse, buildCourse, enroll } from "./learning-fixtures.js";

/**
 * The server cache of public reads, on whichever backend the run has (memory, or Redis with REDIS_URL): every
 * kind of write invalidates what it changes, cold keys are computed once, nothing private is shared, and a
 * Redis outage degrades to memory without a wrong answer.
 */
const REDIS_URL = process.env.REDIS_URL;

type Outline = Array<{ id: string; title: string; lessons: Array<{ id: string; title: string; has_quiz: boolean }> }>;
type Detail = {
  id: string;
  title: string;
  pricing: { is_free: boolean; price: number };
  stats: { enrollment_count: number; rating_count: number; rating_avg: number; lesson_count: number };
  modules: Outline;
  enrollment: unknown;
  access: { can_edit: boolean; can_view_content: boolean };
};
type Page<T> = { items: T[]; next_cursor: string | null };

let ctx: TestContext;
let creator: Session;
let admin: Session;
let learner: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  creator = await userWithRole(ctx, "creator@example.com", "creator");
  admin = await userWithRole(ctx, "admin@example.com", "admin");
  learner = await register(ctx.app, "learner@example.com");
  await markVerified(ctx, learner);
});
afterAll(async () => ctx?.close());

const computations = () => ctx.app.publicReads.computations();

/** A guest's GET; asserts that reading it again right away is served from the cache (nothing recomputed). */
async function guest<T>(url: string): Promise<{ status: number; data: T }> {
  const res = await ctx.app.inject({ method: "GET", url: `/api/v1${url}` });
  const before = computations();
  const again = await ctx.app.inject({ method: "GET", url: `/api/v1${url}` });
  expect(computations(), `${url} is cached`).toBe(before);
  // A cached 200 is the very same bytes; an error (not cached) only the same answer.
  if (res.statusCode === 200) expect(again.body).toBe(res.body);
  else expect(again.json().error).toEqual(res.json().error);
  return { status: res.statusCode, data: res.json().data as T };
}
const detail = (id: string) => guest<Detail>(`/courses/${id}`);
const catalog = () => guest<Page<Detail>>("/courses?limit=100");
const inCatalog = async (id: string) => (await catalog()).data.items.find((c) => c.id === id);
const as = (who: Session, method: "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
  call(ctx.app, { method, url: `/api/v1${url}`, token: who.access_token, ...(payload ? { payload } : {}) }).then(
    (r) => {
      expect(r.status, `${method} ${url}: ${JSON.stringify(r.body.error)}`).toBeLessThan(300);
      return r.body.data as Record<string, unknown>;
    },
  );
const lessonTitles = (d: Detail) => d.modules.flatMap((m) => m.lessons.map((l) => l.title));

describe("every write that changes a public read invalidates it", () => {
  let course: BuiltCourse;
  const build = async (opts: Parameters<typeof buildCourse>[2] = {}) => {
    course = await buildCourse(ctx, creator, { title: `Course ${randomBytes(3).toString("hex")}`, ...opts });
    return course;
  };

  it("a course edit (title) shows on its page and in the catalog", async () => {
    await build();
    await detail(course.courseId);
    await catalog();
    await as(creator, "PUT", `/courses/${course.courseId}`, { title: "Renamed Course" });
    expect((await detail(course.courseId)).data.title).toBe("Renamed Course");
    expect((await inCatalog(course.courseId))?.title).toBe("Renamed Course");
  });

  it("a price change shows in the catalog", async () => {
    await build();
    expect((await inCatalog(course.courseId))?.pricing.is_free).toBe(true);
    await as(creator, "PUT", `/courses/${course.courseId}`, { pricing: { is_free: false, price: 42 } });
    expect((await inCatalog(course.courseId))?.pricing).toEqual({ is_free: false, price: 42 });
    expect((await detail(course.courseId)).data.pricing.price).toBe(42);
  });

  it("publishing lists the course and opens its page to guests", async () => {
    await build({ publish: false });
    expect((await detail(course.courseId)).status).toBe(404);
    expect(await inCatalog(course.courseId)).toBeUndefined();
    await as(creator, "PUT", `/courses/${course.courseId}`, { status: "published" });
    expect((await detail(course.courseId)).status).toBe(200);
    expect(await inCatalog(course.courseId)).toBeDefined();
  });

  it("unpublishing and an admin's moderation take the course down at once", async () => {
    await build();
    expect((await detail(course.courseId)).status).toBe(200);
    await as(creator, "PUT", `/courses/${course.courseId}`, { status: "draft" });
    expect((await detail(course.courseId)).status).toBe(404);
    expect(await inCatalog(course.courseId)).toBeUndefined();
    await as(creator, "PUT", `/courses/${course.courseId}`, { status: "published" });
    expect(await inCatalog(course.courseId)).toBeDefined();
    await as(admin, "PUT", `/admin/courses/${course.courseId}`, { status: "archived", reason: "spam" });
    expect((await detail(course.courseId)).status).toBe(404);
    expect(await inCatalog(course.courseId)).toBeUndefined();
  });

  it("deleting a course removes it", async () => {
    await build();
    expect((await detail(course.courseId)).status).toBe(200);
    await as(creator, "DELETE", `/courses/${course.courseId}`);
    expect((await detail(course.courseId)).status).toBe(404);
    expect(await inCatalog(course.courseId)).toBeUndefined();
  });

  it("module create, rename, reorder and delete show in the outline", async () => {
    await build();
    await detail(course.courseId);
    const added = await as(creator, "POST", `/courses/${course.courseId}/modules`, { title: "Extra" });
    expect((await detail(course.courseId)).data.modules.map((m) => m.title)).toEqual(["Organelles", "Extra"]);
    await as(creator, "PUT", `/modules/${added.id}`, { title: "Bonus" });
    expect((await detail(course.courseId)).data.modules.map((m) => m.title)).toEqual(["Organelles", "Bonus"]);
    await as(creator, "POST", `/courses/${course.courseId}/modules/reorder`, { ids: [added.id, course.moduleId] });
    expect((await detail(course.courseId)).data.modules.map((m) => m.title)).toEqual(["Bonus", "Organelles"]);
    await as(creator, "DELETE", `/modules/${added.id}`);
    expect((await detail(course.courseId)).data.modules.map((m) => m.title)).toEqual(["Organelles"]);
  });

  it("lesson create, edit, reorder and delete show in the outline and the stats", async () => {
    await build();
    const before = (await detail(course.courseId)).data;
    const lesson = await as(creator, "POST", `/modules/${course.moduleId}/lessons`, {
      title: "Ribosomes",
      kind: "text",
      content_md: "Protein factories.",
      duration_seconds: 60,
    });
    const added = (await detail(course.courseId)).data;
    expect(lessonTitles(added)).toContain("Ribosomes");
    expect(added.stats.lesson_count).toBe(before.stats.lesson_count + 1);
    expect((await inCatalog(course.courseId))?.stats.lesson_count).toBe(before.stats.lesson_count + 1);
    await as(creator, "PUT", `/lessons/${lesson.id}`, { title: "The ribosome" });
    expect(lessonTitles((await detail(course.courseId)).data)).toContain("The ribosome");
    const order = [lesson.id as string, course.textLessonId, course.videoLessonId];
    await as(creator, "POST", `/modules/${course.moduleId}/lessons/reorder`, { ids: order });
    expect((await detail(course.courseId)).data.modules[0]?.lessons.map((l) => l.id)).toEqual(order);
    await as(creator, "DELETE", `/lessons/${lesson.id}`);
    expect(lessonTitles((await detail(course.courseId)).data)).not.toContain("The ribosome");
  });

  it("adding and removing a quiz flips the lesson's has_quiz", async () => {
    await build();
    const hasQuiz = async () =>
      (await detail(course.courseId)).data.modules[0]?.lessons.find((l) => l.id === course.textLessonId)?.has_quiz;
    expect(await hasQuiz()).toBe(false);
    await as(creator, "PUT", `/lessons/${course.textLessonId}/quiz`, {
      questions: [{ type: "true_false", question: "The nucleus holds DNA.", correct: true, explanation: "It does." }],
    });
    expect(await hasQuiz()).toBe(true);
    await as(creator, "DELETE", `/lessons/${course.textLessonId}/quiz`);
    expect(await hasQuiz()).toBe(false);
  });

  it("enrolling and leaving change the enrollment count", async () => {
    await build();
    expect((await inCatalog(course.courseId))?.stats.enrollment_count).toBe(0);
    await enroll(ctx, learner, course.courseId);
    expect((await detail(course.courseId)).data.stats.enrollment_count).toBe(1);
    expect((await inCatalog(course.courseId))?.stats.enrollment_count).toBe(1);
    await as(learner, "DELETE", `/courses/${course.courseId}/enroll`);
    expect((await detail(course.courseId)).data.stats.enrollment_count).toBe(0);
  });

  it("a purchase (enrollment inside the payment's transaction) changes the enrollment count", async () => {
    await build({ paid: true });
    expect((await detail(course.courseId)).data.stats.enrollment_count).toBe(0);
    const started = await as(learner, "POST", "/payments/checkout", { kind: "course", course_id: course.courseId });
    await as(learner, "POST", `/payments/test-checkout/${started.session_id}/pay`, { card_number: "4242424242424242" });
    expect((await detail(course.courseId)).data.stats.enrollment_count).toBe(1);
  });

  it("a review create, edit and delete change the reviews and the rating", async () => {
    await build();
    await enroll(ctx, learner, course.courseId);
    const reviews = () => guest<Page<{ rating: number }>>(`/courses/${course.courseId}/reviews`);
    expect((await reviews()).data.items).toEqual([]);
    await as(learner, "PUT", `/courses/${course.courseId}/reviews/me`, { rating: 4, body: "Good" });
    expect((await reviews()).data.items.map((r) => r.rating)).toEqual([4]);
    expect((await detail(course.courseId)).data.stats).toMatchObject({ rating_count: 1, rating_avg: 4 });
    await as(learner, "PUT", `/courses/${course.courseId}/reviews/me`, { rating: 2 });
    expect((await reviews()).data.items.map((r) => r.rating)).toEqual([2]);
    expect((await inCatalog(course.courseId))?.stats.rating_avg).toBe(2);
    await as(learner, "DELETE", `/courses/${course.courseId}/reviews/me`);
    expect((await reviews()).data.items).toEqual([]);
    expect((await detail(course.courseId)).data.stats.rating_count).toBe(0);
  });

  it("a creator's or reviewer's new name shows on the catalog, the course page and the reviews", async () => {
    await build();
    await enroll(ctx, learner, course.courseId);
    await as(learner, "PUT", `/courses/${course.courseId}/reviews/me`, { rating: 5, body: "Clear" });
    type Named = { creator: { full_name: string } };
    const reviews = () => guest<Page<{ user: { full_name: string } }>>(`/courses/${course.courseId}/reviews`);
    await detail(course.courseId);
    await catalog();
    await reviews();
    const rename = (who: Session, full_name: string) =>
      call(ctx.app, { method: "PATCH", url: "/api/v1/users/me", token: who.access_token, payload: { full_name } });
    expect((await rename(creator, "Dr Creator Renamed")).status).toBe(200);
    expect(((await detail(course.courseId)).data as unknown as Named).creator.full_name).toBe("Dr Creator Renamed");
    expect(((await inCatalog(course.courseId)) as unknown as Named).creator.full_name).toBe("Dr Creator Renamed");
    expect((await rename(learner, "Reviewer Renamed")).status).toBe(200);
    expect((await reviews()).data.items[0]?.user.full_name).toBe("Reviewer Renamed");
  });
});

describe("what the shared cache holds", () => {
  it("computes a cold catalog page once for concurrent guests", async () => {
    await buildCourse(ctx, creator, { title: "Concurrency" });
    await ctx.app.publicReads.invalidateAll();
    const before = computations();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => ctx.app.inject({ method: "GET", url: "/api/v1/courses?limit=7" })),
    );
    expect(computations() - before).toBe(1);
    expect(new Set(answers.map((a) => a.headers.etag)).size).toBe(1);
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
  });

  it("never lets a signed-in reader's enrollment or an owner's draft reach a guest", async () => {
    const published = await buildCourse(ctx, creator, { title: "Shared Page" });
    const draft = await buildCourse(ctx, creator, { title: "Private Draft Zeta", publish: false });
    await enroll(ctx, learner, published.courseId);
    // Signed-in reads first, so any leak would be what the guest gets next.
    const mine = await call<Detail>(ctx.app, {
      method: "GET",
      url: `/api/v1/courses/${published.courseId}`,
      token: learner.access_token,
    });
    expect(mine.body.data.enrollment).not.toBeNull();
    const owner = await call<Detail>(ctx.app, {
      method: "GET",
      url: `/api/v1/courses/${draft.courseId}`,
      token: creator.access_token,
    });
    expect(owner.status).toBe(200);
    expect(owner.body.data.access.can_edit).toBe(true);
    const page = await detail(published.courseId);
    expect(page.data.enrollment).toBeNull();
    expect(page.data.access).toEqual({ can_edit: false, can_view_content: false, requires_premium: false });
    expect((await detail(draft.courseId)).status).toBe(404);
    expect((await guest<Page<{ title: string }>>("/courses/suggest?q=Private")).data.items).toEqual([]);
    expect(JSON.stringify((await catalog()).data)).not.toContain("Private Draft Zeta");
    if (ctx.redis) {
      // Nothing stored in Redis names the draft or carries anything about a caller.
      const keys = await ctx.redis.keys("lumen-test:*cache:e:*");
      expect(keys.length).toBeGreaterThan(0);
      const values = await Promise.all(keys.map((k) => ctx.redis?.get(k)));
      for (const v of values) {
        expect(v).not.toContain("Private Draft Zeta");
        expect(v).not.toMatch(/"enrollment":\{/);
        expect(v).not.toContain('"can_edit":true');
        expect(v).not.toContain('"can_view_content":true');
        expect(v).not.toContain(learner.user.email);
      }
    }
  });
});

/** A second API instance on the same database, with its own Redis client (or none). */
async function instance(redis: Redis | null, prefix: string): Promise<FastifyInstance> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "lumen-cache-"));
  const app = await buildApp({
    config: { ...testConfig(dataDir), jwt: ctx.config.jwt, encryptionKey: ctx.config.encryptionKey },
    database: ctx.database,
    redis,
    mailTransport: createFileTransport(path.join(dataDir, "outbox")),
    redisPrefix: prefix,
    logger: false,
    cacheVersionTtlMs: 0,
  });
  app.addHook("onClose", async () => rmSync(dataDir, { recursive: true, force: true }));
  await app.ready();
  return app;
}
/** Resolves once the client can take commands (it connects on its own after construction). */
const connected = (redis: Redis) =>
  redis.status === "ready" ? Promise.resolve() : new Promise((resolve) => redis.once("ready", resolve));
const titleOn = async (app: FastifyInstance, id: string) =>
  (await app.inject({ method: "GET", url: `/api/v1/courses/${id}` })).json().data.title as string;

describe("Redis outages", () => {
  it("keeps answering correctly from memory when Redis is unreachable, counting the fallbacks", async () => {
    // A port nothing listens on (this helper's range): every Redis call fails at once.
    const dead = new Redis("redis://127.0.0.1:4739", {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    dead.on("error", () => {});
    const app = await instance(dead, `lumen-test:${randomBytes(6).toString("hex")}:`);
    try {
      const built = await buildCourse(ctx, creator, { title: "Offline Cache" });
      expect(await titleOn(app, built.courseId)).toBe("Offline Cache");
      const edit = await call(app, {
        method: "PUT",
        url: `/api/v1/courses/${built.courseId}`,
        token: creator.access_token,
        payload: { title: "Edited Offline" },
      });
      expect(edit.status).toBe(200);
      expect(await titleOn(app, built.courseId)).toBe("Edited Offline");
      const catalogRes = await app.inject({ method: "GET", url: "/api/v1/courses?limit=100" });
      expect(catalogRes.statusCode).toBe(200);
      expect(await app.metrics.render()).toMatch(/lumen_redis_fallbacks_total\{component="cache"\} [1-9]/);
    } finally {
      await app.close();
      dead.disconnect();
    }
  });

  it.runIf(REDIS_URL)("invalidates on another instance at its next read, also after an outage", async () => {
    const prefix = `lumen-test:${randomBytes(6).toString("hex")}:`;
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1 } as const;
    const redisA = new Redis(REDIS_URL as string, options);
    const redisB = new Redis(REDIS_URL as string, options);
    redisA.on("error", () => {});
    await Promise.all([connected(redisA), connected(redisB)]);
    const a = await instance(redisA, prefix);
    const b = await instance(redisB, prefix);
    try {
      const built = await buildCourse(ctx, creator, { title: "Two Instances" });
      expect(await titleOn(b, built.courseId)).toBe("Two Instances");
      const rename = (title: string) =>
        call(a, {
          method: "PUT",
          url: `/api/v1/courses/${built.courseId}`,
          token: creator.access_token,
          payload: { title },
        });
      await rename("Edited On A");
      expect(await titleOn(b, built.courseId)).toBe("Edited On A");

      // A loses Redis, edits (its bump stays in memory), gets Redis back: the bump reaches B then.
      redisA.disconnect();
      await rename("Edited During Outage");
      expect(await titleOn(a, built.courseId)).toBe("Edited During Outage");
      await redisA.connect();
      await connected(redisA);
      expect(await titleOn(a, built.courseId)).toBe("Edited During Outage");
      expect(await titleOn(b, built.courseId)).toBe("Edited During Outage");
    } finally {
      await a.close();
      await b.close();
      redisA.disconnect();
      redisB.disconnect();
    }
  });

  it.runIf(REDIS_URL)("trusts a version read from Redis for 250 ms at most", async () => {
    const prefix = `lumen-test:${randomBytes(6).toString("hex")}:`;
    const redis = new Redis(REDIS_URL as string, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    await connected(redis);
    let now = 1_000;
    const make = (clock: () => number) =>
      createSharedCache({ redis, prefix, encode: (d) => JSON.stringify(d), now: clock });
    const writer = make(() => now);
    const reader = make(() => now);
    try {
      let value = "old";
      const read = async () => (await reader.read(["course:x"], "k", async () => value)).data;
      expect(await read()).toBe("old");
      value = "new";
      await writer.bump("course:x");
      now += 249;
      expect(await read()).toBe("old");
      now += 1;
      expect(await read()).toBe("new");
    } finally {
      redis.disconnect();
    }
  });
});
