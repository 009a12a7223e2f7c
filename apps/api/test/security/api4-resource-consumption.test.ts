// OWASP API4:2023 Unrestricted Resource Consumption: sizes, counts and page limits, and work kept off the request
// path so one creator can't stall everyone (issue 11 item 11).
import { MAX_LESSONS_PER_COURSE, MAX_MODULES_PER_COURSE } from "@lumen/contracts";
import { lessons, modules } from "@lumen/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCourse } from "../learning-fixtures.js";
import { buildWorld, call, snapshot, WEBM, type World } from "./world.js";

let w: World;
beforeAll(async () => {
  w = await buildWorld({
    media: { maxVideoBytes: 100_000, maxImageBytes: 4096, urlTtlSeconds: 3600, s3: null },
  });
});
afterAll(async () => w?.ctx.close());

const MARKER = "quetzalcoatlus";
/** About 200 KB of markdown whose last paragraph names MARKER. */
const bigLesson = () =>
  `${Array.from({ length: 2000 }, (_, i) => `Paragraph ${i} about cells and membranes, written at length for the index.`).join("\n\n")}\n\nThe ${MARKER} closes this lesson.`;

async function chunksWithMarker(lessonId: string) {
  const r = (await w.ctx.database.db.execute(
    sql`select count(*)::int as n from content_chunks where lesson_id = ${lessonId} and text ilike ${`%${MARKER}%`}`,
  )) as unknown as { rows: Array<{ n: number }> };
  return r.rows[0]?.n ?? 0;
}

describe("API4 lesson re-indexing off the request path (issue 11 item 11)", () => {
  it("answers a 200 KB lesson save without waiting for the index, which is updated once the job has run", async () => {
    const content = bigLesson();
    expect(content.length).toBeGreaterThan(150_000);
    await w.ctx.app.jobs.pause();
    try {
      const res = await w.ctx.app.inject({
        method: "PUT",
        url: `/api/v1/lessons/${w.course.textLessonId}`,
        headers: { authorization: `Bearer ${w.owner.access_token}` },
        payload: { content_md: content },
      });
      expect(res.statusCode).toBe(200);
      // The save is answered and the API keeps answering while the index work waits in the queue.
      expect((await w.ctx.app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
      expect(await chunksWithMarker(w.course.textLessonId)).toBe(0);
    } finally {
      await w.ctx.app.jobs.resume();
    }
    await w.ctx.app.jobs.idle();
    expect(await chunksWithMarker(w.course.textLessonId)).toBeGreaterThan(0);
  });

  it("re-indexes a saved lesson once however often the same save is retried", async () => {
    await w.ctx.app.jobs.pause();
    try {
      const first = await w.ctx.app.jobs.enqueue(
        "lesson.reindex",
        { lessonId: w.course.textLessonId },
        { jobId: `test/${w.course.textLessonId}` },
      );
      const again = await w.ctx.app.jobs.enqueue(
        "lesson.reindex",
        { lessonId: w.course.textLessonId },
        { jobId: `test/${w.course.textLessonId}` },
      );
      expect([first.accepted, again.accepted]).toEqual([true, false]);
    } finally {
      await w.ctx.app.jobs.resume();
    }
    await w.ctx.app.jobs.idle();
  });
});

type Req = { method: "POST" | "PUT" | "GET"; url: string; payload?: unknown; headers?: Record<string, string> };
const CASES: Array<[string, (w: World) => Req, number, string]> = [
  [
    "lesson markdown over 200,000 characters",
    (w) => ({ method: "PUT", url: `/lessons/${w.course.textLessonId}`, payload: { content_md: "x".repeat(200_001) } }),
    400,
    "VALIDATION_ERROR",
  ],
  [
    "lesson text and transcript over the lesson cap",
    (w) => ({
      method: "PUT",
      url: `/lessons/${w.course.videoLessonId}`,
      payload: {
        content_md: "y ".repeat(99_000),
        transcript_vtt: `WEBVTT\n\n00:00:00.000 --> 00:00:10.000\n${"word ".repeat(50_000)}\n`,
      },
    }),
    413,
    "PAYLOAD_TOO_LARGE",
  ],
  [
    "a new lesson over the lesson cap",
    (w) => ({
      method: "POST",
      url: `/modules/${w.course.moduleId}/lessons`,
      payload: {
        title: "Huge",
        kind: "text",
        content_md: "z ".repeat(99_000),
        transcript_vtt: `WEBVTT\n\n00:00:00.000 --> 00:00:10.000\n${"word ".repeat(50_000)}\n`,
      },
    }),
    413,
    "PAYLOAD_TOO_LARGE",
  ],
  [
    "a body over the 1 MB limit",
    (w) => ({
      method: "PUT",
      url: `/lessons/${w.course.textLessonId}`,
      payload: JSON.stringify({ title: "x".repeat(1_100_000) }),
      headers: { "content-type": "application/json" },
    }),
    413,
    "PAYLOAD_TOO_LARGE",
  ],
  ["a page of 101 items", () => ({ method: "GET", url: "/courses?limit=101" }), 400, "VALIDATION_ERROR"],
  ["a page of 0 items", () => ({ method: "GET", url: "/courses?limit=0" }), 400, "VALIDATION_ERROR"],
  ["a page size that isn't a number", () => ({ method: "GET", url: "/courses?limit=1e9" }), 400, "VALIDATION_ERROR"],
  [
    "a reorder of 501 ids",
    (w) => ({
      method: "POST",
      url: `/courses/${w.course.courseId}/modules/reorder`,
      payload: { ids: Array.from({ length: 501 }, () => w.course.moduleId) },
    }),
    400,
    "VALIDATION_ERROR",
  ],
  [
    "a tutor question over 4,000 characters",
    (w) => ({
      method: "POST",
      url: "/ai/chat",
      payload: { message: "why ".repeat(1001), course_id: w.course.courseId },
    }),
    400,
    "VALIDATION_ERROR",
  ],
  [
    "21 generated quiz questions",
    (w) => ({
      method: "POST",
      url: "/ai/quiz-generate",
      payload: { lesson_id: w.course.textLessonId, num_questions: 21, difficulty: "easy" },
    }),
    400,
    "VALIDATION_ERROR",
  ],
  [
    "a review over 5,000 characters",
    (w) => ({
      method: "PUT",
      url: `/courses/${w.course.courseId}/reviews/me`,
      payload: { rating: 3, body: "x".repeat(5001) },
    }),
    400,
    "VALIDATION_ERROR",
  ],
  [
    "a course title over 160 characters",
    () => ({
      method: "POST",
      url: "/courses",
      payload: {
        title: "t".repeat(161),
        description: "d",
        category: "Science",
        level: "beginner",
        pricing: { is_free: true, price: 0 },
      },
    }),
    400,
    "VALIDATION_ERROR",
  ],
];

describe("API4 size and page limits", () => {
  it.each(CASES)("refuses %s", async (_n, req, status, code) => {
    const before = await snapshot(w.ctx);
    const r = req(w);
    const token = r.url.includes("reviews") || r.url.startsWith("/ai") ? w.learner : w.owner;
    const res = await call(w.ctx.app, {
      method: r.method,
      url: `/api/v1${r.url}`,
      token: token.access_token,
      ...(r.payload !== undefined ? { payload: r.payload as string } : {}),
      ...(r.headers ? { headers: r.headers } : {}),
    });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
    expect(await snapshot(w.ctx)).toEqual(before);
  });
});

describe("API4 counts per course", () => {
  it(`allows ${MAX_LESSONS_PER_COURSE} lessons in a course and refuses the next (409)`, async () => {
    const course = await buildCourse(w.ctx, w.owner, { title: "Crowded", publish: false });
    const existing = 2; // buildCourse made two
    await w.ctx.database.db.insert(lessons).values(
      Array.from({ length: MAX_LESSONS_PER_COURSE - existing - 1 }, (_, i) => ({
        moduleId: course.moduleId,
        courseId: course.courseId,
        title: `Filler ${i}`,
        kind: "text" as const,
        position: i + existing,
      })),
    );
    const create = () =>
      call(w.ctx.app, {
        method: "POST",
        url: `/api/v1/modules/${course.moduleId}/lessons`,
        token: w.owner.access_token,
        payload: { title: "One more", kind: "text" },
      });
    expect((await create()).status).toBe(201);
    const before = await snapshot(w.ctx);
    const over = await create();
    expect({ status: over.status, code: over.body.error?.code }).toEqual({ status: 409, code: "CONFLICT" });
    expect(await snapshot(w.ctx)).toEqual(before);
  });

  it(`allows ${MAX_MODULES_PER_COURSE} modules in a course and refuses the next (409)`, async () => {
    const course = await buildCourse(w.ctx, w.owner, { title: "Many modules", publish: false });
    await w.ctx.database.db.insert(modules).values(
      Array.from({ length: MAX_MODULES_PER_COURSE - 2 }, (_, i) => ({
        courseId: course.courseId,
        title: `Module ${i}`,
        position: i + 1,
      })),
    );
    const create = () =>
      call(w.ctx.app, {
        method: "POST",
        url: `/api/v1/courses/${course.courseId}/modules`,
        token: w.owner.access_token,
        payload: { title: "One more" },
      });
    expect((await create()).status).toBe(201);
    const before = await snapshot(w.ctx);
    const over = await create();
    expect({ status: over.status, code: over.body.error?.code }).toEqual({ status: 409, code: "CONFLICT" });
    expect(await snapshot(w.ctx)).toEqual(before);
  });
});

describe("API4 upload abuse", () => {
  async function upload(content: Buffer, filename: string, type = "") {
    const form = new FormData();
    form.append("file", new Blob([content], { type }), filename);
    const encoded = new Response(form);
    return call(w.ctx.app, {
      method: "POST",
      url: "/api/v1/media",
      token: w.owner.access_token,
      payload: Buffer.from(await encoded.arrayBuffer()),
      headers: { "content-type": encoded.headers.get("content-type") ?? "" },
    });
  }
  const cases: Array<[string, () => Promise<Awaited<ReturnType<typeof upload>>>, number, string]> = [
    ["a video over the size limit", () => upload(WEBM, "big.webm", "video/webm"), 413, "PAYLOAD_TOO_LARGE"],
    [
      "an HTML page named .png",
      () => upload(Buffer.from("<html><script>alert(1)</script></html>"), "x.png", "image/png"),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
    [
      "an SVG with script",
      () =>
        upload(
          Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
          "x.svg",
          "image/svg+xml",
        ),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
    [
      "an executable named .webm",
      () => upload(Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]), "x.webm", "video/webm"),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
    ["an empty file", () => upload(Buffer.alloc(0), "x.webm"), 400, "VALIDATION_ERROR"],
  ];
  it.each(cases)("refuses %s", async (_n, send, status, code) => {
    const before = await snapshot(w.ctx);
    const res = await send();
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
    expect(await snapshot(w.ctx)).toEqual(before);
  });
});
