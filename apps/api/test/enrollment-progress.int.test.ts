import type { MyEnrollmentList, Progress } from "@lumen/contracts";
import { execRows } from "@lumen/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestApp, withApp } from "./fixtures/app.js";
import { call, elapseViewing, fieldsOf, type Session } from "./helpers.js";
import { type BuiltCourse, buildCourse, enroll } from "./learning-fixtures.js";

let ctx: TestApp;
let creator: Session;
let student: Session;
let admin: Session;
let course: BuiltCourse;

beforeAll(async () => {
  ctx = await withApp();
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  await ctx.reset();
  creator = await ctx.people.creator();
  admin = await ctx.people.admin();
  student = await ctx.people.learner();
  course = await buildCourse(ctx, creator);
});

const put = (lessonId: string, payload: object, who: Session = student) =>
  call<Progress>(ctx.app, {
    method: "PUT",
    url: `/api/v1/lessons/${lessonId}/progress`,
    token: who.access_token,
    payload,
  });
/** A report after really watching the segment: that much wall time passes first (see elapseViewing). */
async function watch(
  lessonId: string,
  payload: { position_seconds: number; segment: { from_seconds: number; to_seconds: number } },
  who: Session = student,
) {
  await elapseViewing(ctx, who.user.id, lessonId, payload.segment.to_seconds - payload.segment.from_seconds);
  return put(lessonId, payload, who);
}
const complete = (lessonId: string, who: Session = student) =>
  call<Progress>(ctx.app, { method: "POST", url: `/api/v1/lessons/${lessonId}/complete`, token: who.access_token });
const myCourses = (who: Session = student) =>
  call<MyEnrollmentList>(ctx.app, {
    method: "GET",
    url: "/api/v1/enrollments/me",
    token: who.access_token,
  });

describe("enrollment", () => {
  it("is idempotent: 201 the first time, 200 with the same enrollment after", async () => {
    const first = await enroll(ctx, student, course.courseId);
    const again = await enroll(ctx, student, course.courseId);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.data.id).toBe(first.body.data.id);
  });

  it("gives one row and no 500 for 8 concurrent enrollments, counted once", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => enroll(ctx, student, course.courseId)));
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const { rows } = await execRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from enrollments`);
    expect(rows[0]?.n).toBe(1);
    const { rows: c } = await execRows<{ n: number }>(
      ctx.database.db,
      sql`select enrollment_count as n from courses where id = ${course.courseId}`,
    );
    expect(c[0]?.n).toBe(1);
    const { rows: ev } = await execRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from analytics_events where type = 'enrollment'`,
    );
    expect(ev[0]?.n).toBe(1);
  });

  it("needs premium for a paid course (402), unless an admin grants access", async () => {
    const paid = await buildCourse(ctx, creator, { title: "Paid", paid: true });
    const res = await enroll(ctx, student, paid.courseId);
    expect(res.status).toBe(402);
    expect(res.body.error?.code).toBe("PAYMENT_REQUIRED");
    const grant = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/admin/courses/${paid.courseId}/grants`,
      token: admin.access_token,
      payload: { user_id: student.user.id },
    });
    expect(grant.status).toBe(201);
    expect((await enroll(ctx, student, paid.courseId)).status).toBe(201);
    const premium = await ctx.people.learner("premium@example.com");
    await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/admin/users/${premium.user.id}`,
      token: admin.access_token,
      payload: { premium_status: true },
    });
    expect((await enroll(ctx, premium, paid.courseId)).status).toBe(201);
  });

  it("refuses drafts (404), needs sign-in (401), and rejects a malformed id (400)", async () => {
    const draft = await buildCourse(ctx, creator, { publish: false });
    expect((await enroll(ctx, student, draft.courseId)).status).toBe(404);
    expect((await call(ctx.app, { method: "POST", url: `/api/v1/courses/${course.courseId}/enroll` })).status).toBe(
      401,
    );
    expect(
      (await call(ctx.app, { method: "POST", url: "/api/v1/courses/abc/enroll", token: student.access_token })).status,
    ).toBe(400);
  });

  it("keeps progress when the learner leaves, and restores it on return", async () => {
    await enroll(ctx, student, course.courseId);
    await complete(course.textLessonId);
    const left = await call<{ status: string }>(ctx.app, {
      method: "DELETE",
      url: `/api/v1/courses/${course.courseId}/enroll`,
      token: student.access_token,
    });
    expect(left.body.data.status).toBe("cancelled");
    expect((await myCourses()).body.data.items).toHaveLength(0);
    expect((await put(course.videoLessonId, { position_seconds: 5 })).status).toBe(403);
    expect((await enroll(ctx, student, course.courseId)).status).toBe(201);
    const back = await myCourses();
    expect(back.body.data.items[0]).toMatchObject({ completed_lessons: 1, progress_percentage: 50 });
  });

  it("lists my courses with progress and the lesson to continue with", async () => {
    await enroll(ctx, student, course.courseId);
    const before = (await myCourses()).body.data.items[0];
    expect(before).toMatchObject({
      course_id: course.courseId,
      total_lessons: 2,
      progress_percentage: 0,
      next_lesson_id: course.videoLessonId,
      started: false,
    });
    // Opening a lesson starts the course, before any lesson is complete.
    await call(ctx.app, {
      method: "POST",
      url: `/api/v1/lessons/${course.textLessonId}/start`,
      token: student.access_token,
    });
    expect((await myCourses()).body.data.items[0]).toMatchObject({ progress_percentage: 0, started: true });
    await watch(course.videoLessonId, { position_seconds: 100, segment: { from_seconds: 0, to_seconds: 100 } });
    const after = (await myCourses()).body.data.items[0];
    expect(after).toMatchObject({ completed_lessons: 1, progress_percentage: 50, next_lesson_id: course.textLessonId });
  });
});

describe("progress", () => {
  beforeEach(async () => {
    await enroll(ctx, student, course.courseId);
  });

  it("is only for enrolled learners", async () => {
    const outsider = await ctx.people.learner("outsider@example.com");
    const res = await put(course.videoLessonId, { position_seconds: 5 }, outsider);
    expect(res.status).toBe(403);
    expect(
      (
        await call(ctx.app, {
          method: "POST",
          url: `/api/v1/lessons/${course.videoLessonId}/start`,
          token: outsider.access_token,
        })
      ).status,
    ).toBe(403);
    expect((await complete(course.textLessonId, outsider)).status).toBe(403);
  });

  it("computes watch_percentage from the segments really watched, and resumes at the first gap", async () => {
    const a = await watch(course.videoLessonId, { position_seconds: 30, segment: { from_seconds: 0, to_seconds: 30 } });
    expect(a.body.data.video_progress).toMatchObject({
      watch_percentage: 30,
      position_seconds: 30,
      resume_seconds: 30,
      is_completed: false,
    });
    const b = await watch(course.videoLessonId, {
      position_seconds: 70,
      segment: { from_seconds: 50, to_seconds: 70 },
    });
    expect(b.body.data.video_progress).toMatchObject({
      watch_percentage: 50,
      position_seconds: 70,
      resume_seconds: 30,
    });
    const overlap = await watch(course.videoLessonId, {
      position_seconds: 60,
      segment: { from_seconds: 20, to_seconds: 60 },
    });
    expect(overlap.body.data.video_progress).toMatchObject({ watch_percentage: 70, resume_seconds: 70 });
  });

  it("does not complete a video scrubbed to the end without watching", async () => {
    const res = await watch(course.videoLessonId, {
      position_seconds: 100,
      segment: { from_seconds: 95, to_seconds: 100 },
    });
    expect(res.body.data.video_progress).toMatchObject({ watch_percentage: 5, is_completed: false });
    const done = await complete(course.videoLessonId);
    expect(done.status).toBe(409);
    expect(done.body.error?.code).toBe("CONFLICT");
    expect(done.body.error?.details).toMatchObject({
      watch_percentage: 5,
      required_percentage: 90,
      remaining_seconds: 85,
    });
  });

  it("completes a video automatically at 90% watched, once", async () => {
    const res = await watch(course.videoLessonId, {
      position_seconds: 90,
      segment: { from_seconds: 0, to_seconds: 90 },
    });
    expect(res.body.data.video_progress.is_completed).toBe(true);
    expect(res.body.data.completed_at).not.toBeNull();
    const again = await complete(course.videoLessonId);
    expect(again.status).toBe(200);
    expect(again.body.data.completed_at).toBe(res.body.data.completed_at);
    const { rows } = await execRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from analytics_events where type = 'lesson_completion'`,
    );
    expect(rows[0]?.n).toBe(1);
  });

  it("never trusts a client's watch_percentage: it neither raises the figure nor completes the video", async () => {
    const claimed = await put(course.videoLessonId, { watch_percentage: 100, position_seconds: 95 });
    expect(claimed.status).toBe(200);
    expect(claimed.body.data.video_progress).toMatchObject({
      watch_percentage: 0,
      position_seconds: 95,
      is_completed: false,
    });
    expect((await complete(course.videoLessonId)).status).toBe(409);
  });

  it("keeps one row under 50 concurrent position reports", async () => {
    const writes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => put(course.videoLessonId, { watch_percentage: i + 1, position_seconds: i })),
    );
    expect(writes.every((w) => w.status === 200)).toBe(true);
    await ctx.app.progressFlush();
    const { rows } = await execRows<{ watch_percentage: number }>(
      ctx.database.db,
      sql`select watch_percentage from progress`,
    );
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]?.watch_percentage)).toBe(0);
  });

  it("merges concurrent segments without losing any, and they share one credit window", async () => {
    await elapseViewing(ctx, student.user.id, course.videoLessonId, 60);
    // Ten half-second stretches far apart: 5 s in all, within what one window can credit however they race.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        put(course.videoLessonId, {
          position_seconds: i * 10 + 0.5,
          segment: { from_seconds: i * 10, to_seconds: i * 10 + 0.5 },
        }),
      ),
    );
    await ctx.app.progressFlush();
    const { rows } = await execRows<{ watch_percentage: number; watched_segments: unknown[] }>(
      ctx.database.db,
      sql`select watch_percentage, watched_segments from progress`,
    );
    expect(Number(rows[0]?.watch_percentage)).toBe(5);
    expect(rows[0]?.watched_segments).toHaveLength(10);
  });

  it("completes a text lesson on request, idempotently, and updates the course percentage", async () => {
    const first = await complete(course.textLessonId);
    const second = await complete(course.textLessonId);
    expect(first.body.data.video_progress.is_completed).toBe(true);
    expect(second.body.data.completed_at).toBe(first.body.data.completed_at);
    expect((await myCourses()).body.data.items[0]?.progress_percentage).toBe(50);
  });

  it("records a lesson_start once per lesson", async () => {
    for (let i = 0; i < 3; i++)
      await call(ctx.app, {
        method: "POST",
        url: `/api/v1/lessons/${course.videoLessonId}/start`,
        token: student.access_token,
      });
    const { rows } = await execRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from analytics_events where type = 'lesson_start'`,
    );
    expect(rows[0]?.n).toBe(1);
  });

  it.each([
    [{ position_seconds: -1 }, "position_seconds"],
    [{ watch_percentage: 101, position_seconds: 1 }, "watch_percentage"],
    [{ position_seconds: 1, segment: { from_seconds: 10, to_seconds: 5 } }, "segment.to_seconds"],
    [{ watch_percentage: 50 }, "position_seconds"],
  ])("rejects %j naming %s", async (payload, field) => {
    const res = await put(course.videoLessonId, payload);
    expect(res.status).toBe(400);
    expect(Object.keys(fieldsOf(res.body))).toContain(field);
  });

  it("lists the caller's progress lesson by lesson in a course, for enrolled learners only", async () => {
    await complete(course.textLessonId);
    await watch(course.videoLessonId, { position_seconds: 20, segment: { from_seconds: 0, to_seconds: 20 } });
    const res = await call<{ progress_percentage: number; lessons: Progress[] }>(ctx.app, {
      method: "GET",
      url: `/api/v1/courses/${course.courseId}/progress`,
      token: student.access_token,
    });
    expect(res.body.data.progress_percentage).toBe(50);
    expect(res.body.data.lessons).toHaveLength(2);
    expect(res.body.data.lessons.find((l) => !l.video_progress.is_completed)?.video_progress.resume_seconds).toBe(20);
    const outsider = await ctx.people.learner("nosy@example.com");
    expect(
      (
        await call(ctx.app, {
          method: "GET",
          url: `/api/v1/courses/${course.courseId}/progress`,
          token: outsider.access_token,
        })
      ).status,
    ).toBe(403);
  });

  it("lets users read their own progress, and admins anyone's; others get 403", async () => {
    await complete(course.textLessonId);
    const own = await call<{ courses: Array<{ course_id: string; progress_percentage: number }> }>(ctx.app, {
      method: "GET",
      url: `/api/v1/progress/user/${student.user.id}`,
      token: student.access_token,
    });
    expect(own.body.data.courses[0]).toMatchObject({ course_id: course.courseId, progress_percentage: 50 });
    expect(
      (
        await call(ctx.app, {
          method: "GET",
          url: `/api/v1/progress/user/${student.user.id}`,
          token: admin.access_token,
        })
      ).status,
    ).toBe(200);
    const peer = await ctx.people.learner("peer@example.com");
    expect(
      (
        await call(ctx.app, {
          method: "GET",
          url: `/api/v1/progress/user/${student.user.id}`,
          token: peer.access_token,
        })
      ).status,
    ).toBe(403);
  });
});
