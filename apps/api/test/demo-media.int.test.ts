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
