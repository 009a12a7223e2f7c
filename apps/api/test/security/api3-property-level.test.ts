// OWASP API3:2023 Broken Object Property Level Authorization: mass assignment of fields a client may not set,
// and fields a caller may not see.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { register } from "../helpers.js";
import { buildWorld, call, type World } from "./world.js";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(async () => w?.ctx.close());

async function row<T>(query: ReturnType<typeof sql>): Promise<T | undefined> {
  const r = (await w.ctx.database.db.execute(query)) as unknown as { rows: T[] };
  return r.rows[0];
}

describe("API3 mass assignment", () => {
  it("registers a plain, unverified student whatever role, premium or verification the body claims", async () => {
    const res = await call<{ user: { id: string } }>(w.ctx.app, {
      method: "POST",
      url: "/api/v1/auth/register",
      payload: {
        email: "climber@example.com",
        password: "correct horse battery staple",
        full_name: "Climber",
        role: "admin",
        premium_status: true,
        email_verified: true,
        disabled: false,
        stats: { courses_completed: 99 },
        id: "00000000-0000-4000-8000-000000000000",
      },
    });
    expect(res.status).toBe(201);
    const user = await row<{ id: string; role: string; premium_status: boolean; email_verified: boolean }>(
      sql`select id, role, premium_status, email_verified from users where email = 'climber@example.com'`,
    );
    expect(user).toMatchObject({ role: "student", premium_status: false, email_verified: false });
    expect(user?.id).not.toBe("00000000-0000-4000-8000-000000000000");
  });

  it("creates a course as the caller's draft whatever owner, status or stats the body claims", async () => {
    const res = await call<{ id: string }>(w.ctx.app, {
      method: "POST",
      url: "/api/v1/courses",
      token: w.intruder.access_token,
      payload: {
        title: "Planted",
        description: "d",
        category: "Science",
        level: "beginner",
        pricing: { is_free: true, price: 0 },
        creator_id: w.owner.user.id,
        status: "published",
        rating_avg: 5,
        enrollment_count: 10_000,
      },
    });
    expect(res.status).toBe(201);
    const course = await row<{ creator_id: string; status: string; rating_avg: number; enrollment_count: number }>(
      sql`select creator_id, status, rating_avg, enrollment_count from courses where id = ${res.body.data.id}`,
    );
    expect(course).toMatchObject({ creator_id: w.intruder.user.id, status: "draft", enrollment_count: 0 });
    expect(Number(course?.rating_avg)).toBe(0);
  });

  it("ignores owner, rating and counters on a course update", async () => {
    const res = await call(w.ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${w.intruderCourse.courseId}`,
      token: w.intruder.access_token,
      payload: {
        creator_id: w.owner.user.id,
        rating_avg: 5,
        rating_count: 999,
        enrollment_count: 5000,
        subtitle: "ok",
      },
    });
    expect(res.status).toBe(200);
    const course = await row<{ creator_id: string; rating_count: number; enrollment_count: number }>(
      sql`select creator_id, rating_count, enrollment_count from courses where id = ${w.intruderCourse.courseId}`,
    );
    expect(course).toMatchObject({ creator_id: w.intruder.user.id, rating_count: 0, enrollment_count: 0 });
  });

  it("ignores course_id on a lesson update (a lesson can't be moved into another's course)", async () => {
    await call(w.ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${w.intruderCourse.textLessonId}`,
      token: w.intruder.access_token,
      payload: { course_id: w.course.courseId, title: "Still mine" },
    });
    const lesson = await row<{ course_id: string }>(
      sql`select course_id from lessons where id = ${w.intruderCourse.textLessonId}`,
    );
    expect(lesson?.course_id).toBe(w.intruderCourse.courseId);
  });

  it("refuses to move a lesson to a module of another course (400)", async () => {
    const res = await call(w.ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${w.intruderCourse.textLessonId}`,
      token: w.intruder.access_token,
      payload: { module_id: w.course.moduleId },
    });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 400, code: "VALIDATION_ERROR" });
  });

  it("ignores is_completed and completed_at on a progress report", async () => {
    const res = await call<{ video_progress: { is_completed: boolean } }>(w.ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${w.course.videoLessonId}/progress`,
      token: w.learner.access_token,
      payload: { position_seconds: 1, is_completed: true, completed_at: "2020-01-01T00:00:00Z", watch_percentage: 100 },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.video_progress.is_completed).toBe(false);
  });

  it("ignores a score and a pass sent with a quiz attempt", async () => {
    const res = await call<{ score: number; passed: boolean }>(w.ctx.app, {
      method: "POST",
      url: `/api/v1/lessons/${w.course.textLessonId}/quiz/attempts`,
      token: w.learner.access_token,
      payload: { answers: [{ question_id: "capital", answer: 0 }], score: 100, passed: true },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ score: 0, passed: false });
  });

  it("ignores a status sent with an enrollment", async () => {
    const s = await register(w.ctx.app, "enroller@example.com");
    const res = await call<{ status: string; progress_percentage?: number }>(w.ctx.app, {
      method: "POST",
      url: `/api/v1/courses/${w.course.courseId}/enroll`,
      token: s.access_token,
      payload: { status: "completed", progress_percentage: 100, user_id: w.owner.user.id },
    });
    expect(res.status).toBe(201);
    const e = await row<{ user_id: string; progress_percentage: number }>(
      sql`select user_id, progress_percentage from enrollments where user_id = ${s.user.id}`,
    );
    expect(e?.user_id).toBe(s.user.id);
    expect(Number(e?.progress_percentage)).toBe(0);
  });
});

describe("API3 fields a caller may not see", () => {
  it("never returns password hashes or token versions", async () => {
    const me = await call(w.ctx.app, { method: "GET", url: "/api/v1/auth/me", token: w.learner.access_token });
    const users = await call(w.ctx.app, { method: "GET", url: "/api/v1/admin/users", token: w.admin.access_token });
    for (const res of [me, users]) expect(res.res.body).not.toMatch(/password|argon2|token_version/i);
  });

  it("shows a course's creator to guests without their email", async () => {
    const res = await call(w.ctx.app, { method: "GET", url: `/api/v1/courses/${w.course.courseId}` });
    expect(res.status).toBe(200);
    expect(res.res.body).not.toContain(w.owner.user.email);
  });

  it("shows an enrolled learner the quiz without its key", async () => {
    const res = await call(w.ctx.app, {
      method: "GET",
      url: `/api/v1/lessons/${w.course.textLessonId}/quiz`,
      token: w.learner.access_token,
    });
    expect(res.status).toBe(200);
    expect(res.res.body).not.toMatch(/correct|accepted_answers|explanation|SECRET|Atlantic/i);
  });

  it("shows reviews without reviewers' emails", async () => {
    const res = await call(w.ctx.app, { method: "GET", url: `/api/v1/courses/${w.course.courseId}/reviews` });
    expect(res.status).toBe(200);
    expect(res.res.body).not.toMatch(/@example\.com/);
  });
});
