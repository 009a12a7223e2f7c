// OWASP API1:2023 Broken Object Level Authorization: every route that takes an id, called on someone else's object.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorld, call, snapshot, WEBM, type World } from "./world.js";

let w: World;
let ownerVideoId: string;
let ownerImageId: string;
let conversationId: string;

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

async function upload(token: string, content: Buffer, filename: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new Blob([content]), filename);
  const encoded = new Response(form);
  return call<{ id: string; url: string }>(w.ctx.app, {
    method: "POST",
    url: "/api/v1/media",
    token,
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { "content-type": encoded.headers.get("content-type") ?? "" },
  });
}

beforeAll(async () => {
  w = await buildWorld();
  const video = await upload(w.owner.access_token, WEBM, "a.webm", { course_id: w.course.courseId });
  const image = await upload(w.owner.access_token, PNG, "a.png", { course_id: w.course.courseId });
  if (video.status !== 201 || image.status !== 201) throw new Error("upload failed");
  ownerVideoId = video.body.data.id;
  ownerImageId = image.body.data.id;
  const chat = await call<{ conversation_id: string }>(w.ctx.app, {
    method: "POST",
    url: "/api/v1/ai/chat",
    token: w.learner.access_token,
    payload: { message: "What do mitochondria do?", course_id: w.course.courseId },
  });
  if (chat.status !== 200) throw new Error(`chat: ${chat.status} ${JSON.stringify(chat.body)}`);
  conversationId = chat.body.data.conversation_id;
});
afterAll(async () => w?.ctx.close());

type Who = "intruder" | "outsider" | "guest";
type Case = [
  name: string,
  who: Who,
  method: "GET" | "POST" | "PUT" | "DELETE",
  url: (w: World) => string,
  payload: unknown,
  status: number,
  code: string,
];

const ids = (w: World) => [w.course.videoLessonId, w.course.textLessonId];
const CASES: Case[] = [
  [
    "edit another creator's course",
    "intruder",
    "PUT",
    (w) => `/courses/${w.course.courseId}`,
    { title: "Mine" },
    403,
    "FORBIDDEN",
  ],
  [
    "delete another creator's course",
    "intruder",
    "DELETE",
    (w) => `/courses/${w.course.courseId}`,
    undefined,
    403,
    "FORBIDDEN",
  ],
  [
    "read another creator's draft",
    "intruder",
    "GET",
    (w) => `/courses/${w.draft.courseId}`,
    undefined,
    404,
    "NOT_FOUND",
  ],
  ["read a draft as a guest", "guest", "GET", (w) => `/courses/${w.draft.courseId}`, undefined, 404, "NOT_FOUND"],
  [
    "add a module to another's course",
    "intruder",
    "POST",
    (w) => `/courses/${w.course.courseId}/modules`,
    { title: "X" },
    403,
    "FORBIDDEN",
  ],
  [
    "reorder another's modules",
    "intruder",
    "POST",
    (w) => `/courses/${w.course.courseId}/modules/reorder`,
    { ids: [] },
    400,
    "VALIDATION_ERROR",
  ],
  [
    "reorder another's modules (valid body)",
    "intruder",
    "POST",
    (w) => `/courses/${w.course.courseId}/modules/reorder`,
    "MODULES",
    403,
    "FORBIDDEN",
  ],
  [
    "rename another's module",
    "intruder",
    "PUT",
    (w) => `/modules/${w.course.moduleId}`,
    { title: "X" },
    403,
    "FORBIDDEN",
  ],
  [
    "delete another's module",
    "intruder",
    "DELETE",
    (w) => `/modules/${w.course.moduleId}`,
    undefined,
    403,
    "FORBIDDEN",
  ],
  [
    "add a lesson to another's module",
    "intruder",
    "POST",
    (w) => `/modules/${w.course.moduleId}/lessons`,
    { title: "X", kind: "text" },
    403,
    "FORBIDDEN",
  ],
  [
    "reorder another's lessons",
    "intruder",
    "POST",
    (w) => `/modules/${w.course.moduleId}/lessons/reorder`,
    "LESSONS",
    403,
    "FORBIDDEN",
  ],
  [
    "edit another's lesson",
    "intruder",
    "PUT",
    (w) => `/lessons/${w.course.videoLessonId}`,
    { title: "X" },
    403,
    "FORBIDDEN",
  ],
  [
    "move another's lesson into one's own module",
    "intruder",
    "PUT",
    (w) => `/lessons/${w.course.videoLessonId}`,
    "MOVE",
    403,
    "FORBIDDEN",
  ],
  [
    "delete another's lesson",
    "intruder",
    "DELETE",
    (w) => `/lessons/${w.course.videoLessonId}`,
    undefined,
    403,
    "FORBIDDEN",
  ],
  [
    "read a paid lesson without enrolling",
    "outsider",
    "GET",
    (w) => `/lessons/${w.course.videoLessonId}`,
    undefined,
    403,
    "FORBIDDEN",
  ],
  [
    "read a lesson of another's draft",
    "intruder",
    "GET",
    (w) => `/lessons/${w.draft.videoLessonId}`,
    undefined,
    404,
    "NOT_FOUND",
  ],
  [
    "read a lesson as a guest",
    "guest",
    "GET",
    (w) => `/lessons/${w.course.videoLessonId}`,
    undefined,
    401,
    "UNAUTHORIZED",
  ],
  [
    "replace another's quiz",
    "intruder",
    "PUT",
    (w) => `/lessons/${w.course.textLessonId}/quiz`,
    "QUIZ",
    403,
    "FORBIDDEN",
  ],
  [
    "delete another's quiz",
    "intruder",
    "DELETE",
    (w) => `/lessons/${w.course.textLessonId}/quiz`,
    undefined,
    403,
    "FORBIDDEN",
  ],
  [
    "read a quiz without enrolling",
    "outsider",
    "GET",
    (w) => `/lessons/${w.course.textLessonId}/quiz`,
    undefined,
    403,
    "FORBIDDEN",
  ],
  [
    "attempt a quiz without enrolling",
    "outsider",
    "POST",
    (w) => `/lessons/${w.course.textLessonId}/quiz/attempts`,
    { answers: [] },
    403,
    "FORBIDDEN",
  ],
  [
    "list quiz attempts without enrolling",
    "outsider",
    "GET",
    (w) => `/lessons/${w.course.textLessonId}/quiz/attempts`,
    undefined,
    403,
    "FORBIDDEN",
  ],
  [
    "start a lesson without enrolling",
    "outsider",
    "POST",
    (w) => `/lessons/${w.course.videoLessonId}/start`,
    undefined,
    403,
    "FORBIDDEN",
  ],
  [
    "report progress without enrolling",
    "outsider",
    "PUT",
    (w) => `/lessons/${w.course.videoLessonId}/progress`,
    { position_seconds: 5 },
    403,
    "FORBIDDEN",
  ],
  [
    "read progress without enrolling",
    "outsider",
    "GET",
    (w) => `/lessons/${w.course.videoLessonId}/progress`,
    undefined,
    403,
    "FORBIDDEN",
  ],
  [
    "complete a lesson without enrolling",
    "outsider",
    "POST",
    (w) => `/lessons/${w.course.textLessonId}/complete`,
    undefined,
    403,
    "FORBIDDEN",
  ],
  [
    "read a course's progress without enrolling",
    "outsider",
    "GET",
    (w) => `/courses/${w.course.courseId}/progress`,
    undefined,
    403,
    "FORBIDDEN",
  ],
  [
    "read another learner's progress",
    "outsider",
    "GET",
    (w) => `/progress/user/${w.learner.user.id}`,
    undefined,
    403,
    "FORBIDDEN",
  ],
  [
    "read another creator's course analytics",
    "intruder",
    "GET",
    (w) => `/analytics/courses/${w.course.courseId}`,
    undefined,
    403,
    "FORBIDDEN",
  ],
  [
    "read another creator's lesson analytics",
    "intruder",
    "GET",
    (w) => `/analytics/courses/${w.course.courseId}/lessons/${w.course.videoLessonId}`,
    undefined,
    403,
    "FORBIDDEN",
  ],
  [
    "read another learner's tutor conversation",
    "outsider",
    "GET",
    () => `/ai/conversations/${conversationId}`,
    undefined,
    404,
    "NOT_FOUND",
  ],
  [
    "continue another learner's tutor conversation",
    "outsider",
    "POST",
    () => "/ai/chat",
    "CONVERSATION",
    404,
    "NOT_FOUND",
  ],
  [
    "load another creator's video without a signed link",
    "intruder",
    "GET",
    () => `/media/${ownerVideoId}`,
    undefined,
    403,
    "FORBIDDEN",
  ],
  ["upload into another creator's course", "intruder", "POST", () => "/media", "UPLOAD", 403, "FORBIDDEN"],
  [
    "review a course one isn't enrolled in",
    "outsider",
    "PUT",
    (w) => `/courses/${w.course.courseId}/reviews/me`,
    { rating: 1 },
    403,
    "FORBIDDEN",
  ],
  [
    "generate a quiz from another creator's lesson",
    "intruder",
    "POST",
    () => "/ai/quiz-generate",
    "QUIZGEN",
    403,
    "FORBIDDEN",
  ],
];

function payloadFor(w: World, p: unknown): unknown {
  switch (p) {
    case "MODULES":
      return { ids: [w.course.moduleId] };
    case "LESSONS":
      return { ids: ids(w) };
    case "MOVE":
      return { module_id: w.intruderCourse.moduleId };
    case "QUIZ":
      return { pass_mark: 10, questions: [{ type: "true_false", question: "Mine?", correct: true, explanation: "x" }] };
    case "CONVERSATION":
      return { message: "And then?", conversation_id: conversationId };
    case "QUIZGEN":
      return { lesson_id: w.course.textLessonId, num_questions: 1, difficulty: "easy" };
    default:
      return p;
  }
}

describe("API1 BOLA: someone else's objects, by id", () => {
  it.each(CASES)("refuses to %s (%s)", async (_name, who, method, url, payload, status, code) => {
    const before = await snapshot(w.ctx);
    const token = who === "guest" ? undefined : w[who].access_token;
    const body = payloadFor(w, payload);
    const res =
      body === "UPLOAD"
        ? await upload(w.intruder.access_token, WEBM, "x.webm", { course_id: w.course.courseId })
        : await call(w.ctx.app, {
            method,
            url: `/api/v1${url(w)}`,
            ...(token ? { token } : {}),
            ...(body !== undefined ? { payload: body as object } : {}),
          });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
    expect(await snapshot(w.ctx)).toEqual(before);
  });
});

const getLesson = (lessonId: string, token: string) =>
  call<{ video_url: string | null }>(w.ctx.app, { method: "GET", url: `/api/v1/lessons/${lessonId}`, token });

describe("API1 BOLA: another creator's media through a lesson's video_url (issue 11 item 4)", () => {
  const spellings: Array<[string, (id: string) => string]> = [
    ["upper-case path", (id) => `/API/v1/media/${id}`],
    ["mixed-case path", (id) => `/Api/V1/Media/${id}`],
    ["upper-case id", (id) => `/api/v1/media/${id.toUpperCase()}`],
    ["doubled slash", (id) => `/api/v1//media/${id}`],
    ["dot segment", (id) => `/api/v1/./media/${id}`],
    ["percent-encoded letter", (id) => `/api/v1/%6Dedia/${id}`],
    ["backslashes", (id) => `\\api\\v1\\media\\${id}`],
    ["signed-looking link", (id) => `/API/v1/media/${id}?exp=9999999999&sig=x`],
  ];

  it.each(spellings)("refuses the %s spelling of another creator's video on one's own lesson", async (_n, spell) => {
    const before = await snapshot(w.ctx);
    const res = await call(w.ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${w.intruderCourse.videoLessonId}`,
      token: w.intruder.access_token,
      payload: { video_url: spell(ownerVideoId) },
    });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 400, code: "VALIDATION_ERROR" });
    expect(await snapshot(w.ctx)).toEqual(before);
    const lesson = await getLesson(w.intruderCourse.videoLessonId, w.intruder.access_token);
    expect(lesson.body.data.video_url ?? "").not.toContain(ownerVideoId);
  });

  it("refuses another creator's video on a new lesson", async () => {
    const before = await snapshot(w.ctx);
    const res = await call(w.ctx.app, {
      method: "POST",
      url: `/api/v1/modules/${w.intruderCourse.moduleId}/lessons`,
      token: w.intruder.access_token,
      payload: { title: "Stolen", kind: "video", video_url: `/API/V1/MEDIA/${ownerVideoId}` },
    });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 400, code: "VALIDATION_ERROR" });
    expect(await snapshot(w.ctx)).toEqual(before);
  });

  it("refuses another creator's image as one's course thumbnail", async () => {
    const before = await snapshot(w.ctx);
    const res = await call(w.ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${w.intruderCourse.courseId}`,
      token: w.intruder.access_token,
      payload: { thumbnail_url: `/Api/v1/media/${ownerImageId}` },
    });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 400, code: "VALIDATION_ERROR" });
    expect(await snapshot(w.ctx)).toEqual(before);
  });

  it("never signs a media reference stored in another spelling (a row written before the check)", async () => {
    await w.ctx.database.db.execute(
      sql`update lessons set video_url = ${`/API/v1/media/${ownerVideoId}`} where id = ${w.intruderCourse.videoLessonId}`,
    );
    const lesson = await getLesson(w.intruderCourse.videoLessonId, w.intruder.access_token);
    expect(lesson.status).toBe(200);
    expect(lesson.body.data.video_url).toBeNull();
  });

  it("still signs the owner's own upload, stored canonically whatever spelling was sent", async () => {
    const res = await call<{ video_url: string }>(w.ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${w.course.videoLessonId}`,
      token: w.owner.access_token,
      payload: { video_url: `/API/v1/media/${ownerVideoId.toUpperCase()}` },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.video_url).toMatch(new RegExp(`^/api/v1/media/${ownerVideoId}\\?exp=\\d+&sig=`));
    const stored = (await w.ctx.database.db.execute(
      sql`select video_url from lessons where id = ${w.course.videoLessonId}`,
    )) as unknown as { rows: Array<{ video_url: string }> };
    expect(stored.rows[0]?.video_url).toBe(`/api/v1/media/${ownerVideoId}`);
  });
});
