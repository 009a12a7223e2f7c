import type { CourseDetail, Lesson } from "@lumen/contracts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestApp, withApp } from "./fixtures/app.js";
import { call, fieldsOf, type Session } from "./helpers.js";
import { type BuiltCourse, buildCourse, enroll } from "./learning-fixtures.js";

let ctx: TestApp;
let creator: Session;
let other: Session;
let student: Session;
let course: BuiltCourse;

beforeAll(async () => {
  ctx = await withApp();
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  await ctx.reset();
  creator = await ctx.people.creator();
  other = await ctx.people.creator("other@example.com");
  student = await ctx.people.learner();
  course = await buildCourse(ctx, creator);
});

const readLesson = (id: string, token?: string) =>
  call<Lesson>(ctx.app, { method: "GET", url: `/api/v1/lessons/${id}`, ...(token ? { token } : {}) });
const outline = async () =>
  (
    await call<CourseDetail>(ctx.app, {
      method: "GET",
      url: `/api/v1/courses/${course.courseId}`,
      token: creator.access_token,
    })
  ).body.data.modules;

describe("lesson content", () => {
  it("is for enrolled learners, the owner and admins; guests get 401 and others 403", async () => {
    expect((await readLesson(course.videoLessonId)).status).toBe(401);
    expect((await readLesson(course.videoLessonId, student.access_token)).status).toBe(403);
    expect((await readLesson(course.videoLessonId, other.access_token)).status).toBe(403);
    expect((await readLesson(course.videoLessonId, creator.access_token)).status).toBe(200);
    await enroll(ctx, student, course.courseId);
    const res = await readLesson(course.videoLessonId, student.access_token);
    expect(res.status).toBe(200);
    expect(res.body.data.transcript_vtt).toContain("WEBVTT");
  });

  it("of a preview lesson is open to everyone", async () => {
    await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${course.textLessonId}`,
      token: creator.access_token,
      payload: { is_preview: true },
    });
    const res = await readLesson(course.textLessonId);
    expect(res.status).toBe(200);
    expect(res.body.data.content_md).toContain("nucleus");
  });

  it("of a draft course is hidden (404) from everyone but the owner", async () => {
    const draft = await buildCourse(ctx, creator, { publish: false, title: "Draft" });
    expect((await readLesson(draft.videoLessonId, student.access_token)).status).toBe(404);
    expect((await readLesson(draft.videoLessonId, creator.access_token)).status).toBe(200);
  });
});

describe("editing lessons", () => {
  it("takes the duration from the transcript when none is given", async () => {
    const res = await readLesson(course.videoLessonId, creator.access_token);
    expect(res.body.data.duration_seconds).toBe(100);
  });

  it("gives a reading without a length one from its words (200 a minute, a minute at least)", async () => {
    const create = (content_md: string) =>
      call<{ id: string; duration_seconds: number }>(ctx.app, {
        method: "POST",
        url: `/api/v1/modules/${course.moduleId}/lessons`,
        token: creator.access_token,
        payload: { title: "Reading", kind: "text", content_md },
      });
    const long = await create(`# Cells\n\n${"Plants store light as sugar. ".repeat(125)}`);
    expect(long.status).toBe(201);
    // 1 heading word + 625 words: 626 / 200 wpm = 3.13 min.
    expect(long.body.data.duration_seconds).toBe(188);
    expect((await create("Short.")).body.data.duration_seconds).toBe(60);
    const given = await call<{ duration_seconds: number }>(ctx.app, {
      method: "POST",
      url: `/api/v1/modules/${course.moduleId}/lessons`,
      token: creator.access_token,
      payload: { title: "Timed", kind: "text", content_md: "Short.", duration_seconds: 300 },
    });
    expect(given.body.data.duration_seconds).toBe(300);
    // An empty reading has no length until it has words.
    const empty = await create("");
    expect(empty.body.data.duration_seconds).toBe(0);
    const filled = await call<{ duration_seconds: number }>(ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${empty.body.data.id}`,
      token: creator.access_token,
      payload: { content_md: "word ".repeat(400) },
    });
    expect(filled.body.data.duration_seconds).toBe(120);
  });

  it("rejects a transcript that is not WebVTT, naming the field and the line", async () => {
    const bad = await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${course.videoLessonId}`,
      token: creator.access_token,
      payload: { transcript_vtt: "WEBVTT\n\n00:00:10.000 --> 00:00:02.000\nbackwards" },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body).transcript_vtt?.[0]).toMatch(/line 3/);
    const notVtt = await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${course.videoLessonId}`,
      token: creator.access_token,
      payload: { transcript_vtt: "just text" },
    });
    expect(notVtt.status).toBe(400);
  });

  it("is for the owner and admins only", async () => {
    expect(
      (
        await call(ctx.app, {
          method: "PUT",
          url: `/api/v1/lessons/${course.videoLessonId}`,
          token: other.access_token,
          payload: { title: "Hijack" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(ctx.app, {
          method: "DELETE",
          url: `/api/v1/lessons/${course.videoLessonId}`,
          token: student.access_token,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(ctx.app, {
          method: "POST",
          url: `/api/v1/modules/${course.moduleId}/lessons`,
          token: other.access_token,
          payload: { title: "X", kind: "text" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(ctx.app, {
          method: "POST",
          url: `/api/v1/courses/${course.courseId}/modules`,
          token: student.access_token,
          payload: { title: "X" },
        })
      ).status,
    ).toBe(403);
  });

  it("validates lesson bodies", async () => {
    const res = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/modules/${course.moduleId}/lessons`,
      token: creator.access_token,
      payload: { title: "", kind: "podcast", duration_seconds: -3 },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(fieldsOf(res.body))).toEqual(expect.arrayContaining(["title", "kind", "duration_seconds"]));
    expect(
      (
        await call(ctx.app, {
          method: "POST",
          url: "/api/v1/modules/00000000-0000-4000-8000-000000000000/lessons",
          token: creator.access_token,
          payload: { title: "X", kind: "text" },
        })
      ).status,
    ).toBe(404);
  });

  it("keeps the course's lesson count and duration in step", async () => {
    await call(ctx.app, {
      method: "POST",
      url: `/api/v1/modules/${course.moduleId}/lessons`,
      token: creator.access_token,
      payload: { title: "Extra", kind: "text", duration_seconds: 80 },
    });
    const detail = await call<{ stats: { lesson_count: number; total_duration_seconds: number } }>(ctx.app, {
      method: "GET",
      url: `/api/v1/courses/${course.courseId}`,
    });
    expect(detail.body.data.stats).toMatchObject({ lesson_count: 3, total_duration_seconds: 300 });
    await call(ctx.app, {
      method: "DELETE",
      url: `/api/v1/lessons/${course.videoLessonId}`,
      token: creator.access_token,
    });
    const after = await call<{ stats: { lesson_count: number; total_duration_seconds: number } }>(ctx.app, {
      method: "GET",
      url: `/api/v1/courses/${course.courseId}`,
    });
    expect(after.body.data.stats).toMatchObject({ lesson_count: 2, total_duration_seconds: 200 });
  });
});

describe("ordering", () => {
  it("inserts at a position and reorders modules and lessons", async () => {
    const second = await call<{ id: string }>(ctx.app, {
      method: "POST",
      url: `/api/v1/courses/${course.courseId}/modules`,
      token: creator.access_token,
      payload: { title: "Second" },
    });
    const first = await call<{ id: string }>(ctx.app, {
      method: "POST",
      url: `/api/v1/courses/${course.courseId}/modules`,
      token: creator.access_token,
      payload: { title: "Intro", position: 0 },
    });
    expect((await outline()).map((m) => m.title)).toEqual(["Intro", "Organelles", "Second"]);
    const reordered = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/courses/${course.courseId}/modules/reorder`,
      token: creator.access_token,
      payload: { ids: [second.body.data.id, course.moduleId, first.body.data.id] },
    });
    expect(reordered.status).toBe(200);
    expect((await outline()).map((m) => m.title)).toEqual(["Second", "Organelles", "Intro"]);
    await call(ctx.app, {
      method: "POST",
      url: `/api/v1/modules/${course.moduleId}/lessons/reorder`,
      token: creator.access_token,
      payload: { ids: [course.textLessonId, course.videoLessonId] },
    });
    expect((await outline())[1]?.lessons.map((l) => l.id)).toEqual([course.textLessonId, course.videoLessonId]);
  });

  it("refuses a reorder that misses or repeats an id", async () => {
    const res = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/modules/${course.moduleId}/lessons/reorder`,
      token: creator.access_token,
      payload: { ids: [course.textLessonId, course.textLessonId] },
    });
    expect(res.status).toBe(400);
    const missing = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/modules/${course.moduleId}/lessons/reorder`,
      token: creator.access_token,
      payload: { ids: [course.textLessonId] },
    });
    expect(missing.status).toBe(400);
  });

  it("moves a lesson to another module of the same course, never to another course", async () => {
    const m2 = await call<{ id: string }>(ctx.app, {
      method: "POST",
      url: `/api/v1/courses/${course.courseId}/modules`,
      token: creator.access_token,
      payload: { title: "Later" },
    });
    const moved = await call<Lesson>(ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${course.textLessonId}`,
      token: creator.access_token,
      payload: { module_id: m2.body.data.id },
    });
    expect(moved.body.data).toMatchObject({ module_id: m2.body.data.id, position: 0 });
    const elsewhere = await buildCourse(ctx, creator, { title: "Elsewhere" });
    const cross = await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${course.textLessonId}`,
      token: creator.access_token,
      payload: { module_id: elsewhere.moduleId },
    });
    expect(cross.status).toBe(400);
  });

  it("deletes a module with its lessons", async () => {
    const res = await call(ctx.app, {
      method: "DELETE",
      url: `/api/v1/modules/${course.moduleId}`,
      token: creator.access_token,
    });
    expect(res.status).toBe(200);
    expect(await outline()).toHaveLength(0);
    expect((await readLesson(course.videoLessonId, creator.access_token)).status).toBe(404);
  });
});
