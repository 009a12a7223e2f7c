import type { CourseDetail, Progress } from "@lumen/contracts";
import { authSessions, courseGrants, courses, enrollments, lessons } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestApp, withApp } from "./fixtures/app.js";
import { call, type Session } from "./helpers.js";

/**
 * A signed-in course page is served from the viewer cache (no query) while nothing changed, and every change to
 * the reader's session, enrollment or access shows on their next request: through the API at once (the write's
 * response waits for this instance to apply the database's notification), and made in the database directly once
 * the notification has arrived (`viewerSync`).
 */
let ctx: TestApp;
let learner: Session;
let courseId: string;

beforeAll(async () => {
  ctx = await withApp();
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  await ctx.reset();
  const creator = await ctx.people.creator();
  learner = await ctx.people.learner();
  courseId = (await ctx.make.courseWithLessons(creator.user.id, { lessons: [{ kind: "video", durationSeconds: 60 }] }))
    .courseId;
});

const detail = (token = learner.access_token) =>
  call<CourseDetail>(ctx.app, { method: "GET", url: `/api/v1/courses/${courseId}`, token });

/** Viewer-cache lookups so far, by result, from the app's own metrics. */
async function lookups(): Promise<Record<string, number>> {
  const text = await ctx.app.metrics.render();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^lumen_cache_requests_total\{cache="viewer",result="(\w+)"\} (\d+)/gm))
    out[m[1] as string] = Number(m[2]);
  return out;
}

describe("the viewer cache", () => {
  it("answers a repeated signed-in course page without asking the database again", async () => {
    const before = await lookups();
    expect((await detail()).status).toBe(200);
    expect((await detail()).status).toBe(200);
    expect((await detail()).status).toBe(200);
    const after = await lookups();
    expect((after.miss ?? 0) - (before.miss ?? 0)).toBe(1);
    expect((after.hit ?? 0) - (before.hit ?? 0)).toBe(2);
  });

  it("shows an enrollment made through the API on the very next request", async () => {
    expect((await detail()).body.data.enrollment).toBeNull();
    const enrolled = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/courses/${courseId}/enroll`,
      token: learner.access_token,
    });
    expect(enrolled.status).toBe(201);
    const res = await detail();
    expect(res.body.data.enrollment?.status).toBe("active");
    expect(res.body.data.access.can_view_content).toBe(true);
  });

  it("refuses a session ended through the API on the very next request", async () => {
    expect((await detail()).status).toBe(200);
    const out = await call(ctx.app, { method: "POST", url: "/api/v1/auth/logout", token: learner.access_token });
    expect(out.status).toBeLessThan(300);
    expect((await detail()).status).toBe(401);
  });

  it("drops a reader's answers when an operator ends their sessions in the database", async () => {
    expect((await detail()).status).toBe(200);
    await ctx.database.db
      .update(authSessions)
      .set({ revokedAt: new Date() })
      .where(eq(authSessions.userId, learner.user.id));
    await ctx.app.viewerSync();
    expect((await detail()).status).toBe(401);
  });

  it("closes a paid course's content when its grant is withdrawn in the database", async () => {
    await ctx.database.db.update(courses).set({ isFree: false, price: 1900 }).where(eq(courses.id, courseId));
    await ctx.make.enrollment(learner.user.id, courseId);
    await ctx.database.db.insert(courseGrants).values({ userId: learner.user.id, courseId });
    await ctx.app.viewerSync();
    expect((await detail()).body.data.access.can_view_content).toBe(true);
    await ctx.database.db.delete(courseGrants).where(eq(courseGrants.userId, learner.user.id));
    await ctx.app.viewerSync();
    expect((await detail()).body.data.access.can_view_content).toBe(false);
  });

  it("drops every reader's answer of a course whose price changes", async () => {
    await ctx.make.enrollment(learner.user.id, courseId);
    await ctx.app.viewerSync();
    expect((await detail()).body.data.access.can_view_content).toBe(true);
    await ctx.database.db.update(courses).set({ isFree: false, price: 2500 }).where(eq(courses.id, courseId));
    await ctx.app.viewerSync();
    // The cached public page changed too (its own invalidation is the API's, not the database's).
    await ctx.app.publicReads.courseChanged(courseId);
    expect((await detail()).body.data.access.can_view_content).toBe(false);
  });

  it("keeps serving an answer that a progress report's touch of the enrollment does not change", async () => {
    await ctx.make.enrollment(learner.user.id, courseId);
    await ctx.app.viewerSync();
    await detail();
    const before = await lookups();
    await ctx.database.db
      .update(enrollments)
      .set({ lastAccessedAt: new Date() })
      .where(eq(enrollments.userId, learner.user.id));
    await ctx.app.viewerSync();
    await detail();
    const after = await lookups();
    expect((after.hit ?? 0) - (before.hit ?? 0)).toBe(1);
  });

  it("checks a progress report against the live session and lesson after a change made in the database", async () => {
    await ctx.make.enrollment(learner.user.id, courseId);
    await ctx.app.viewerSync();
    const [lesson] = await ctx.database.db.select().from(lessons).where(eq(lessons.courseId, courseId));
    const report = (to: number) =>
      call<Progress>(ctx.app, {
        method: "PUT",
        url: `/api/v1/lessons/${lesson?.id}/progress`,
        payload: { position_seconds: to, segment: { from_seconds: 0, to_seconds: to } },
        token: learner.access_token,
      });
    expect((await report(5)).status).toBe(200);
    // The video was re-cut shorter: the next report is measured against the new length, not a cached one.
    await ctx.database.db
      .update(lessons)
      .set({ durationSeconds: 8 })
      .where(eq(lessons.id, lesson?.id as string));
    await ctx.app.viewerSync();
    expect((await report(10)).body.data.video_progress.position_seconds).toBe(8);
    await ctx.database.db
      .update(enrollments)
      .set({ status: "cancelled" })
      .where(eq(enrollments.userId, learner.user.id));
    await ctx.app.viewerSync();
    expect((await report(15)).status).toBe(403);
  });
});

/** The viewer cache's subscription state, from the app's own metrics. */
async function live(): Promise<boolean> {
  return /^lumen_viewer_cache_live 1$/m.test(await ctx.app.metrics.render());
}

/** Polls a condition with a deadline that only turns a hang into a failure (no timing assertion). */
async function until(what: string, check: () => Promise<boolean>, deadlineMs = 10_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// PGlite runs in this process: there is no connection of its listener to cut.
describe.runIf(Boolean(process.env.DATABASE_URL))("the viewer cache's subscription on PostgreSQL", () => {
  it("stands aside when its connection is lost, forgets what it held, and comes back by itself", async () => {
    await until("the subscription", live);
    expect((await detail()).status).toBe(200);
    expect((await detail()).status).toBe(200); // cached
    await ctx.database.db.execute(
      sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = current_database() AND application_name = 'lumen-listen-lumen_viewer'`,
    );
    await until("the subscription to be reported lost", async () => !(await live()));
    // Whatever is changed meanwhile may have been announced to nobody: nothing cached from before is served.
    await ctx.database.db
      .update(authSessions)
      .set({ revokedAt: new Date() })
      .where(eq(authSessions.userId, learner.user.id));
    expect((await detail()).status).toBe(401);
    await until("the subscription to come back", live);
    expect((await detail()).status).toBe(401);
  });
});
