import { execRows } from "@lumen/db";
import { DEMO_USERS, seedDemo } from "@lumen/db/seed";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/modules/auth/password.js";
import { call, createTestContext, login, register, type TestContext } from "./helpers.js";

let ctx: TestContext;
let paidLesson: { id: string; video_url: string };
let previewLesson: { id: string; video_url: string };
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.database.db, { hashPassword });
  const pick = async (preview: boolean) =>
    (
      await execRows<{ id: string; video_url: string }>(
        ctx.database.db,
        sql`select l.id, l.video_url from lessons l join courses c on c.id = l.course_id
            where l.kind = 'video' and not c.is_free and l.is_preview = ${preview} order by l.id limit 1`,
      )
    ).rows[0] as { id: string; video_url: string };
  paidLesson = await pick(false);
  previewLesson = await pick(true);
});
afterAll(async () => ctx?.close());

const get = (url: string) => ctx.app.inject({ method: "GET", url });

describe("demo videos of paid lessons", () => {
  it("are not public files: no signature, a forged one or another file's answers 403", async () => {
    expect(paidLesson.video_url).toMatch(/^\/media\/demo\/[^?]+\.webm$/);
    const bare = await get(paidLesson.video_url);
    expect(bare.statusCode).toBe(403);
    expect(bare.json().error.code).toBe("FORBIDDEN");
    expect(bare.headers["content-type"]).toMatch(/json/);
    expect((await get(`${paidLesson.video_url}?exp=4102444800&sig=AAAA`)).statusCode).toBe(403);
    // A valid link for the preview's file does not open the paid one.
    const previewLink = (
      await call<{ video_url: string }>(ctx.app, {
        method: "GET",
        url: `/api/v1/lessons/${previewLesson.id}`,
      })
    ).body.data.video_url;
    const query = previewLink.slice(previewLink.indexOf("?"));
    expect((await get(`${paidLesson.video_url}${query}`)).statusCode).toBe(403);
  });

  it("are judged by the file they name, however the path is spelled", async () => {
    const file = paidLesson.video_url.slice("/media/demo/".length);
    const spellings = [
      `%${file.charCodeAt(0).toString(16)}${file.slice(1)}`,
      `${file.slice(0, -5)}%2Ewebm`,
      `${file.slice(0, -5)}%2ewebm`,
      file.replace(/-/g, "%2D"),
    ];
    for (const spelling of spellings) {
      const r = await get(`/media/demo/${spelling}`);
      expect(r.statusCode, spelling).toBe(403);
      expect(r.json().error.code).toBe("FORBIDDEN");
    }
  });

  it("answer 404 in the envelope for anything under the prefix that is not a demo file", async () => {
    for (const path of ["nonexistent.png", "nonexistent.svg", "x.txt", "sub%2Fdir.webm", ".hidden.svg"]) {
      const r = await get(`/media/demo/${path}`);
      expect(r.statusCode, path).toBe(404);
      expect(r.json().error.code, path).toBe("NOT_FOUND");
    }
    // A malformed %-escape is a bad URL, said in the envelope like any other bad input.
    const bad = await get("/media/demo/%E0%A4%A");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_ERROR");
  });

  it("reach readers of the lesson through a signed link, privately cached", async () => {
    const maya = DEMO_USERS.find((u) => u.email === "maya@lumen.dev");
    const session = (await login(ctx.app, maya?.email as string, maya?.password as string)).body.data;
    const course = (
      await execRows<{ course_id: string }>(
        ctx.database.db,
        sql`select course_id from lessons where id = ${paidLesson.id}`,
      )
    ).rows[0]?.course_id;
    await call(ctx.app, { method: "POST", url: `/api/v1/courses/${course}/enroll`, token: session.access_token });
    const read = await call<{ video_url: string }>(ctx.app, {
      method: "GET",
      url: `/api/v1/lessons/${paidLesson.id}`,
      token: session.access_token,
    });
    expect(read.status).toBe(200);
    expect(read.body.data.video_url).toMatch(/^\/media\/demo\/[^?]+\.webm\?exp=\d+&sig=[\w-]+$/);
    const video = await get(read.body.data.video_url);
    expect(video.statusCode).toBe(200);
    expect(video.headers["content-type"]).toMatch(/video\/webm/);
    expect(video.headers["cache-control"]).toMatch(/^private, max-age=\d+$/);
  });

  it("stay out of reach of a signed-in learner who has not bought the course", async () => {
    const s = await register(ctx.app, "window-shopper@example.com");
    const read = await call(ctx.app, { method: "GET", url: `/api/v1/lessons/${paidLesson.id}`, token: s.access_token });
    expect(read.status).toBe(403);
  });
});

describe("previews and thumbnails", () => {
  it("stay open: any visitor gets a working link for a preview lesson's video", async () => {
    const read = await call<{ video_url: string }>(ctx.app, {
      method: "GET",
      url: `/api/v1/lessons/${previewLesson.id}`,
    });
    expect(read.status).toBe(200);
    expect((await get(read.body.data.video_url)).statusCode).toBe(200);
  });

  it("serve course thumbnails without a signature, publicly cacheable", async () => {
    const thumb = (
      await execRows<{ thumbnail_url: string }>(
        ctx.database.db,
        sql`select thumbnail_url from courses where thumbnail_url like '/media/demo/%' limit 1`,
      )
    ).rows[0]?.thumbnail_url as string;
    const r = await get(thumb);
    expect(r.statusCode).toBe(200);
    expect(r.headers["cache-control"]).toBe("public, max-age=86400");
  });
});

describe("a demo video in the studio", () => {
  it("stays with its course: another creator can't attach it, its own course keeps it, an admin can place it", async () => {
    const marcus = DEMO_USERS.find((u) => u.email === "marcus@lumen.dev");
    const ada = DEMO_USERS.find((u) => u.email === "ada@lumen.dev");
    const admin = DEMO_USERS.find((u) => u.role === "admin");
    const tokenOf = async (u: { email: string; password: string } | undefined) =>
      (await login(ctx.app, u?.email as string, u?.password as string)).body.data.access_token as string;
    const [marcusToken, adminToken] = [await tokenOf(marcus), await tokenOf(admin)];
    const owner = (
      await execRows<{ email: string }>(
        ctx.database.db,
        sql`select u.email from lessons l join courses c on c.id = l.course_id join users u on u.id = c.creator_id
            where l.id = ${paidLesson.id}`,
      )
    ).rows[0]?.email;
    // Whoever does not own the paid lesson's course tries to reuse its video in a course of their own.
    const thief = owner === marcus?.email ? ada : marcus;
    const thiefToken = thief === marcus ? marcusToken : await tokenOf(thief);
    const course = await call<{ id: string }>(ctx.app, {
      method: "POST",
      url: "/api/v1/courses",
      token: thiefToken,
      payload: {
        title: "Borrowed footage",
        category: "Science",
        level: "beginner",
        pricing: { is_free: true, price: 0 },
      },
    });
    expect(course.status).toBe(201);
    const mod = await call<{ id: string }>(ctx.app, {
      method: "POST",
      url: `/api/v1/courses/${course.body.data.id}/modules`,
      token: thiefToken,
      payload: { title: "One" },
    });
    const lesson = (token: string, videoUrl: string) =>
      call<{ video_url: string }>(ctx.app, {
        method: "POST",
        url: `/api/v1/modules/${mod.body.data.id}/lessons`,
        token,
        payload: { title: "Borrowed", kind: "video", video_url: videoUrl, is_preview: true },
      });
    const stolen = await lesson(thiefToken, paidLesson.video_url);
    expect(stolen.status).toBe(400);
    expect(JSON.stringify(stolen.body)).toContain("video_url");
    const placed = await lesson(adminToken, paidLesson.video_url);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);

    // The owner re-saving the lesson with the signed link the editor was given keeps the video.
    const ownerToken = await tokenOf(DEMO_USERS.find((u) => u.email === owner));
    const signed = (
      await call<{ video_url: string }>(ctx.app, {
        method: "GET",
        url: `/api/v1/lessons/${paidLesson.id}`,
        token: ownerToken,
      })
    ).body.data.video_url;
    const saved = await call<{ video_url: string }>(ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${paidLesson.id}`,
      token: ownerToken,
      payload: { video_url: signed },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.data.video_url.split("?")[0]).toBe(paidLesson.video_url);
  });
});
