import type { CourseDetail, Progress } from "@lumen/contracts";
import { authSessions, progress, users } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestApp, withApp } from "./fixtures/app.js";
import { call, type Session } from "./helpers.js";

/**
 * Signed-in course pages and progress writes check the caller's session in the same query as their own read
 * (`sessionInHandler`), not in the auth hook: an ended session, a disabled account or an outdated token must be
 * refused there exactly as everywhere else, before anything is read or written.
 */
let ctx: TestApp;
let learner: Session;
let courseId: string;
let lessonId: string;

beforeAll(async () => {
  ctx = await withApp();
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  await ctx.reset();
  const creator = await ctx.people.creator();
  learner = await ctx.people.learner();
  const built = await ctx.make.courseWithLessons(creator.user.id, {
    lessons: [{ kind: "video", durationSeconds: 120 }],
  });
  courseId = built.courseId;
  lessonId = built.lessonIds[0] as string;
  await ctx.make.enrollment(learner.user.id, courseId);
});

const detail = (token?: string, id = courseId) =>
  call<CourseDetail>(ctx.app, { method: "GET", url: `/api/v1/courses/${id}`, ...(token ? { token } : {}) });
const report = (token?: string) =>
  call<Progress>(ctx.app, {
    method: "PUT",
    url: `/api/v1/lessons/${lessonId}/progress`,
    payload: { position_seconds: 10, segment: { from_seconds: 0, to_seconds: 10 } },
    ...(token ? { token } : {}),
  });
const progressRows = async () => {
  await ctx.app.progressFlush(); // what was acknowledged, written
  return ctx.database.db.select().from(progress).where(eq(progress.userId, learner.user.id));
};

const endings = {
  "a revoked session": async () => {
    await ctx.database.db
      .update(authSessions)
      .set({ revokedAt: new Date() })
      .where(eq(authSessions.userId, learner.user.id));
  },
  "an expired session": async () => {
    await ctx.database.db
      .update(authSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(authSessions.userId, learner.user.id));
  },
  "a disabled account": async () => {
    await ctx.database.db.update(users).set({ disabled: true }).where(eq(users.id, learner.user.id));
  },
  "a newer token version": async () => {
    await ctx.database.db.update(users).set({ tokenVersion: 99 }).where(eq(users.id, learner.user.id));
  },
};

describe("a signed-in course page", () => {
  it("shows the caller's enrollment and access with a live session", async () => {
    const res = await detail(learner.access_token);
    expect(res.status).toBe(200);
    expect(res.body.data.enrollment?.status).toBe("active");
    expect(res.body.data.access).toEqual({ can_edit: false, can_view_content: true, requires_premium: false });
  });

  it("shows no enrollment to a signed-in reader who is not enrolled", async () => {
    const other = await ctx.people.learner("other@example.com");
    const res = await detail(other.access_token);
    expect(res.status).toBe(200);
    expect(res.body.data.enrollment).toBeNull();
    expect(res.body.data.access.can_view_content).toBe(false);
  });

  it("is 404 for a course that does not exist, and 401 for an ended session even then", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await detail(learner.access_token, missing)).status).toBe(404);
    await endings["a revoked session"]();
    await ctx.app.viewerSync();
    expect((await detail(learner.access_token, missing)).status).toBe(401);
  });

  for (const [what, end] of Object.entries(endings)) {
    it(`is refused with 401 for ${what}, as every other signed-in request is`, async () => {
      expect((await detail(learner.access_token)).status).toBe(200);
      await end();
      // The change was made in the database directly: this instance applies its notification (on PostgreSQL, as
      // it is delivered; a request's own writes are applied before its response).
      await ctx.app.viewerSync();
      const res = await detail(learner.access_token);
      expect(res.status).toBe(401);
      expect(res.body.error?.code).toBe("UNAUTHORIZED");
      const me = await call(ctx.app, { method: "GET", url: "/api/v1/auth/me", token: learner.access_token });
      expect(me.body.error?.message).toBe(res.body.error?.message);
    });
  }

  it("is the cached public page for a guest", async () => {
    const res = await detail();
    expect(res.status).toBe(200);
    expect(res.body.data.enrollment).toBeNull();
  });
});

describe("a progress write", () => {
  it("is saved for an enrolled learner with a live session", async () => {
    const res = await report(learner.access_token);
    expect(res.status).toBe(200);
    expect(res.body.data.video_progress.position_seconds).toBe(10);
    expect(await progressRows()).toHaveLength(1);
  });

  it("is refused with 401 for a guest", async () => {
    const res = await report();
    expect(res.status).toBe(401);
    expect(await progressRows()).toHaveLength(0);
  });

  for (const [what, end] of Object.entries(endings)) {
    it(`is refused with 401 for ${what}, and writes nothing`, async () => {
      await end();
      await ctx.app.viewerSync();
      const res = await report(learner.access_token);
      expect(res.status).toBe(401);
      expect(res.body.error?.code).toBe("UNAUTHORIZED");
      expect(await progressRows()).toHaveLength(0);
    });
  }

  it("is refused with 403 for a learner who is not enrolled, and writes nothing", async () => {
    const other = await ctx.people.learner("other@example.com");
    const res = await report(other.access_token);
    expect(res.status).toBe(403);
    const rows = await ctx.database.db.select().from(progress).where(eq(progress.userId, other.user.id));
    expect(rows).toHaveLength(0);
  });
});
