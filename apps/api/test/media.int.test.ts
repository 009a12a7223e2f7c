import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { MediaAsset } from "@lumen/contracts";
import { DEMO_MEDIA_DIR } from "@lumen/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mediaSigningKey, signedMediaPath } from "../src/modules/media/media.signing.js";
import { type TestApp, withApp } from "./fixtures/app.js";
import { call, fieldsOf, type Session } from "./helpers.js";
import { type BuiltCourse, buildCourse, enroll } from "./learning-fixtures.js";

const MAX_VIDEO = 2 * 1024 * 1024;
const MAX_IMAGE = 4096;
/** A real narrated WebM from the demo catalog (about 760 KiB). */
const WEBM = readFileSync(path.join(DEMO_MEDIA_DIR, "linear-algebra-vectors.webm"));
/** A valid 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const SIGNED = /^\/api\/v1\/media\/([0-9a-f-]{36})\?exp=(\d+)&sig=([A-Za-z0-9_-]{43})$/;

type FilePart = { name?: string; content: Buffer; filename: string; type?: string };

let ctx: TestApp;
let creator: Session;
let other: Session;
let admin: Session;
let student: Session;
let course: BuiltCourse;

beforeAll(async () => {
  ctx = await withApp({
    config: { media: { maxVideoBytes: MAX_VIDEO, maxImageBytes: MAX_IMAGE, urlTtlSeconds: 3600, s3: null } },
  });
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  await ctx.reset();
  rmSync(path.join(ctx.config.dataDir, "media"), { recursive: true, force: true });
  creator = await ctx.people.creator();
  other = await ctx.people.creator("other@example.com");
  admin = await ctx.people.admin();
  student = await ctx.people.learner();
  course = await buildCourse(ctx, creator);
});

/** A multipart body as a browser's FormData would send it: fields in order, then the file. */
async function multipart(fields: Record<string, string>, file?: FilePart) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append(file.name ?? "file", new Blob([file.content], { type: file.type ?? "" }), file.filename);
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { "content-type": encoded.headers.get("content-type") ?? "" },
  };
}

async function upload(token: string | undefined, file: FilePart | undefined, fields: Record<string, string> = {}) {
  const body = await multipart(fields, file);
  return call<MediaAsset>(ctx.app, { method: "POST", url: "/api/v1/media", ...body, ...(token ? { token } : {}) });
}

const uploadVideo = async (token = creator.access_token, courseId: string | null = course.courseId) => {
  const r = await upload(token, { content: WEBM, filename: "lecture.webm" }, courseId ? { course_id: courseId } : {});
  if (r.status !== 201) throw new Error(`upload: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data;
};
const uploadImage = async (token = creator.access_token, fields: Record<string, string> = {}) => {
  const r = await upload(token, { content: PNG, filename: "cover.png" }, fields);
  if (r.status !== 201) throw new Error(`upload: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data;
};

const get = (url: string, headers: Record<string, string> = {}, token?: string) =>
  ctx.app.inject({
    method: "GET",
    url,
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });

const readLesson = (id: string, token?: string) =>
  call<{ video_url: string | null }>(ctx.app, {
    method: "GET",
    url: `/api/v1/lessons/${id}`,
    ...(token ? { token } : {}),
  });

const setLessonVideo = (lessonId: string, videoUrl: string, token = creator.access_token) =>
  call<{ video_url: string | null }>(ctx.app, {
    method: "PUT",
    url: `/api/v1/lessons/${lessonId}`,
    token,
    payload: { video_url: videoUrl },
  });

function storedFiles(): string[] {
  try {
    return readdirSync(path.join(ctx.config.dataDir, "media"), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  } catch {
    return [];
  }
}

const assetCount = async () =>
  Number(
    (
      (await ctx.database.db.execute(sql`select count(*)::int as n from media_assets`)) as unknown as {
        rows: Array<{ n: number }>;
      }
    ).rows[0]?.n,
  );

describe("uploading media", () => {
  it("accepts a real WebM from the course's creator, typed from its bytes, not its name or declared type", async () => {
    const r = await upload(
      creator.access_token,
      { content: WEBM, filename: "notes.txt", type: "text/plain" },
      { kind: "video", course_id: course.courseId },
    );
    expect(r.status).toBe(201);
    const asset = r.body.data;
    expect(asset).toMatchObject({
      kind: "video",
      content_type: "video/webm",
      byte_size: WEBM.length,
      sha256: createHash("sha256").update(WEBM).digest("hex"),
      owner_id: creator.user.id,
      course_id: course.courseId,
      url: `/api/v1/media/${asset.id}`,
    });
    expect(asset.playback_url).toMatch(SIGNED);
    expect(storedFiles()).toEqual([asset.id]);
  });

  it("accepts images (PNG here) into the uploader's own library when no course is named", async () => {
    const r = await upload(admin.access_token, { content: PNG, filename: "clip.mp4", type: "video/mp4" });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ kind: "image", content_type: "image/png", course_id: null });
    expect(r.body.data.playback_url).toBe(r.body.data.url);
  });

  it("accepts files larger than the JSON body limit, streamed", async () => {
    const big = Buffer.concat([WEBM, WEBM]);
    expect(big.length).toBeGreaterThan(ctx.config.bodyLimit);
    const r = await upload(creator.access_token, { content: big, filename: "long.webm" });
    expect(r.status).toBe(201);
    expect(r.body.data.byte_size).toBe(big.length);
  });

  it("refuses a text file named .mp4 with 415, naming the accepted formats", async () => {
    const r = await upload(creator.access_token, {
      content: Buffer.from("This is not a video, whatever its name says.\n".repeat(10)),
      filename: "lecture.mp4",
      type: "video/mp4",
    });
    expect(r.status).toBe(415);
    expect(r.body.error?.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(r.body.error?.message).toMatch(/text file.*WebM.*MP4.*PNG, JPEG, WebP or GIF/);
    expect(r.body.error?.details).toMatchObject({ accepted: { video: expect.arrayContaining(["video/mp4"]) } });
    expect(storedFiles()).toEqual([]);
  });

  it("refuses SVG images, which can carry scripts", async () => {
    const svg = Buffer.from(
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const r = await upload(creator.access_token, { content: svg, filename: "cover.png", type: "image/png" });
    expect(r.status).toBe(415);
    expect(r.body.error?.message).toContain("SVG");
  });

  it("refuses a file of another kind than the form announced", async () => {
    const r = await upload(creator.access_token, { content: WEBM, filename: "cover.png" }, { kind: "image" });
    expect(r.status).toBe(415);
    expect(r.body.error?.message).toMatch(/is a video \(video\/webm\), not an image/);
  });

  it("answers 413 past each kind's limit, and keeps nothing of the file", async () => {
    const image = Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE)]);
    const tooBigImage = await upload(creator.access_token, { content: image, filename: "huge.png" });
    expect(tooBigImage.status).toBe(413);
    expect(tooBigImage.body.error).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: "This image is larger than the 4 KiB allowed for images",
      details: { kind: "image", max_bytes: MAX_IMAGE },
    });
    expect(tooBigImage.res.headers.connection).toBe("close");

    // Enough copies of a real video to pass the limit, whatever that video's size.
    const video = Buffer.concat(Array.from({ length: Math.ceil(MAX_VIDEO / WEBM.length) + 1 }, () => WEBM));
    const tooBigVideo = await upload(creator.access_token, { content: video, filename: "long.webm" });
    expect(tooBigVideo.status).toBe(413);
    expect(tooBigVideo.body.error?.message).toBe("This video is larger than the 2 MiB allowed for videos");
    expect(storedFiles()).toEqual([]);
    expect(await assetCount()).toBe(0);
  });

  it("needs a multipart body with one non-empty file in the field named file", async () => {
    const noFile = await upload(creator.access_token, undefined, { kind: "video" });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error?.code).toBe("VALIDATION_ERROR");
    expect(fieldsOf(noFile.body)).toHaveProperty("file");

    const wrongField = await upload(creator.access_token, { name: "video", content: WEBM, filename: "a.webm" });
    expect(wrongField.status).toBe(400);
    expect(fieldsOf(wrongField.body)).toHaveProperty("video");

    const empty = await upload(creator.access_token, { content: Buffer.alloc(0), filename: "a.webm" });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.message).toBe("The file is empty");

    const badKind = await upload(creator.access_token, { content: PNG, filename: "a.png" }, { kind: "audio" });
    expect(badKind.status).toBe(400);
    expect(fieldsOf(badKind.body)).toHaveProperty("kind");

    const json = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/media",
      token: creator.access_token,
      payload: { file: "data:video/webm;base64,AAAA" },
    });
    expect(json.status).toBe(415);
    expect(json.body.error?.message).toContain("multipart/form-data");
    expect(await assetCount()).toBe(0);
  });

  it("refuses a second file and fields sent after the file, keeping nothing", async () => {
    const send = async (form: FormData) => {
      const encoded = new Response(form);
      return call(ctx.app, {
        method: "POST",
        url: "/api/v1/media",
        token: creator.access_token,
        headers: { "content-type": encoded.headers.get("content-type") ?? "" },
        payload: Buffer.from(await encoded.arrayBuffer()),
      });
    };
    const two = new FormData();
    two.append("file", new Blob([PNG]), "a.png");
    two.append("file", new Blob([PNG]), "b.png");
    const twoFiles = await send(two);
    expect(twoFiles.status).toBe(400);
    expect(twoFiles.body.error?.message).toBe("Send one file per request");

    const late = new FormData();
    late.append("file", new Blob([PNG]), "a.png");
    late.append("course_id", course.courseId);
    const lateField = await send(late);
    expect(lateField.status).toBe(400);
    expect(fieldsOf(lateField.body)).toEqual({ course_id: ["Send the form fields before the file"] });

    expect(storedFiles()).toEqual([]);
    expect(await assetCount()).toBe(0);
  });

  it("is for creators and admins, and for a course only those who can edit it", async () => {
    expect((await upload(undefined, { content: PNG, filename: "a.png" })).status).toBe(401);
    expect((await upload(student.access_token, { content: PNG, filename: "a.png" })).status).toBe(403);
    const foreign = await upload(
      other.access_token,
      { content: PNG, filename: "a.png" },
      { course_id: course.courseId },
    );
    expect(foreign.status).toBe(403);
    const unknown = await upload(
      creator.access_token,
      { content: PNG, filename: "a.png" },
      { course_id: "00000000-0000-4000-8000-000000000000" },
    );
    expect(unknown.status).toBe(404);
    const byAdmin = await upload(
      admin.access_token,
      { content: PNG, filename: "a.png" },
      { course_id: course.courseId },
    );
    expect(byAdmin.status).toBe(201);
    expect(storedFiles()).toHaveLength(1);
  });
});

describe("serving media", () => {
  it("serves images publicly with immutable caching, a strong ETag and Last-Modified", async () => {
    const image = await uploadImage();
    const res = await get(image.url);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PNG)).toBe(true);
    expect(res.headers).toMatchObject({
      "content-type": "image/png",
      "content-length": String(PNG.length),
      "cache-control": "public, max-age=31536000, immutable",
      etag: `"${image.sha256}"`,
      "accept-ranges": "bytes",
      "x-content-type-options": "nosniff",
    });
    expect(Date.parse(String(res.headers["last-modified"]))).not.toBeNaN();
  });

  it("answers Range requests with 206: a span, an open end and a suffix; past the end is a 416", async () => {
    const video = await uploadVideo();
    const url = video.playback_url;
    const size = WEBM.length;

    const first = await get(url, { range: "bytes=0-99" });
    expect(first.statusCode).toBe(206);
    expect(first.headers["content-range"]).toBe(`bytes 0-99/${size}`);
    expect(first.headers["content-length"]).toBe("100");
    expect(first.rawPayload.equals(WEBM.subarray(0, 100))).toBe(true);

    const rest = await get(url, { range: `bytes=${size - 1000}-` });
    expect(rest.statusCode).toBe(206);
    expect(rest.headers["content-range"]).toBe(`bytes ${size - 1000}-${size - 1}/${size}`);
    expect(rest.rawPayload.equals(WEBM.subarray(size - 1000))).toBe(true);

    const suffix = await get(url, { range: "bytes=-500" });
    expect(suffix.statusCode).toBe(206);
    expect(suffix.rawPayload.equals(WEBM.subarray(size - 500))).toBe(true);

    const clipped = await get(url, { range: `bytes=${size - 10}-${size + 1000}` });
    expect(clipped.headers["content-range"]).toBe(`bytes ${size - 10}-${size - 1}/${size}`);

    const past = await call(ctx.app, { method: "GET", url, headers: { range: `bytes=${size}-` } });
    expect(past.status).toBe(416);
    expect(past.body.error?.code).toBe("RANGE_NOT_SATISFIABLE");
    expect(past.res.headers["content-range"]).toBe(`bytes */${size}`);
    expect((await get(url, { range: "bytes=-0" })).statusCode).toBe(416);

    for (const ignored of ["bytes=abc", "bytes=50-10", "bytes=0-1,5-9", "items=0-5"]) {
      const whole = await get(url, { range: ignored });
      expect(whole.statusCode).toBe(200);
      expect(whole.rawPayload.length).toBe(size);
    }
  });

  it("answers conditional GETs with 304, and If-Range only for the same file", async () => {
    const image = await uploadImage();
    const { etag, "last-modified": lastModified } = (await get(image.url)).headers;

    const cached = await get(image.url, { "if-none-match": String(etag) });
    expect(cached.statusCode).toBe(304);
    expect(cached.rawPayload.length).toBe(0);
    expect(cached.headers.etag).toBe(etag);
    expect(cached.headers["cache-control"]).toContain("immutable");
    expect((await get(image.url, { "if-none-match": `W/${etag}, "other"` })).statusCode).toBe(304);
    expect((await get(image.url, { "if-none-match": '"something-else"' })).statusCode).toBe(200);
    expect((await get(image.url, { "if-modified-since": String(lastModified) })).statusCode).toBe(304);
    expect((await get(image.url, { "if-modified-since": "Thu, 01 Jan 1970 00:00:00 GMT" })).statusCode).toBe(200);

    expect((await get(image.url, { range: "bytes=0-3", "if-range": String(etag) })).statusCode).toBe(206);
    expect((await get(image.url, { range: "bytes=0-3", "if-range": '"stale"' })).statusCode).toBe(200);
  });

  it("answers HEAD with the headers and the length, but no body", async () => {
    const video = await uploadVideo();
    const res = await ctx.app.inject({ method: "HEAD", url: video.playback_url });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-length"]).toBe(String(WEBM.length));
    expect(res.headers["content-type"]).toBe("video/webm");
    expect(res.rawPayload.length).toBe(0);
  });

  it("answers 404 in the envelope for an unknown id", async () => {
    const r = await call(ctx.app, { method: "GET", url: "/api/v1/media/00000000-0000-4000-8000-000000000000" });
    expect(r.status).toBe(404);
    expect(r.body.error?.code).toBe("NOT_FOUND");
  });
});

describe("lesson videos", () => {
  let video: MediaAsset;
  beforeEach(async () => {
    video = await uploadVideo();
    const set = await setLessonVideo(course.videoLessonId, video.url);
    expect(set.status).toBe(200);
  });

  it("reach the course's creator as a signed link that plays, cached privately", async () => {
    const lesson = await readLesson(course.videoLessonId, creator.access_token);
    const url = String(lesson.body.data.video_url);
    expect(url).toMatch(SIGNED);
    expect(SIGNED.exec(url)?.[1]).toBe(video.id);
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(WEBM)).toBe(true);
    expect(res.headers["cache-control"]).toMatch(/^private, max-age=\d+$/);
  });

  it("reach enrolled learners; guests and learners without access get neither the link nor the file", async () => {
    expect((await readLesson(course.videoLessonId)).status).toBe(401);
    expect((await readLesson(course.videoLessonId, student.access_token)).status).toBe(403);
    expect((await get(video.url)).statusCode).toBe(401);
    expect((await get(video.url, {}, student.access_token)).statusCode).toBe(403);
    expect((await get(video.url, {}, other.access_token)).statusCode).toBe(403);

    await enroll(ctx, student, course.courseId);
    const url = String((await readLesson(course.videoLessonId, student.access_token)).body.data.video_url);
    expect(url).toMatch(SIGNED);
    const viaLink = await get(url, { range: "bytes=0-9" });
    expect(viaLink.statusCode).toBe(206);
    expect(viaLink.rawPayload.equals(WEBM.subarray(0, 10))).toBe(true);
    const viaToken = await get(video.url, {}, student.access_token);
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.headers["cache-control"]).toBe("private, no-cache");
  });

  it("reach admins and the owner with a Bearer token and no link", async () => {
    expect((await get(video.url, {}, admin.access_token)).statusCode).toBe(200);
    expect((await get(video.url, {}, creator.access_token)).statusCode).toBe(200);
  });

  it("of a preview lesson reach guests through the signed link", async () => {
    await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${course.videoLessonId}`,
      token: creator.access_token,
      payload: { is_preview: true },
    });
    const url = String((await readLesson(course.videoLessonId)).body.data.video_url);
    expect((await get(url)).statusCode).toBe(200);
  });

  it("refuse tampered, foreign and expired signatures with 403", async () => {
    const url = String((await readLesson(course.videoLessonId, creator.access_token)).body.data.video_url);
    const [, id, exp, sig] = SIGNED.exec(url) ?? [];
    const flipped = `${sig?.slice(0, -1)}${sig?.endsWith("A") ? "B" : "A"}`;
    const attempts = [
      `/api/v1/media/${id}?exp=${exp}&sig=${flipped}`,
      `/api/v1/media/${id}?exp=${Number(exp) + 3600}&sig=${sig}`,
      `/api/v1/media/${id}?exp=${exp}`,
      `/api/v1/media/${id}?exp=soon&sig=${sig}`,
    ];
    for (const attempt of attempts) {
      const r = await call(ctx.app, { method: "GET", url: attempt });
      expect(r.status).toBe(403);
      expect(r.body.error).toMatchObject({ code: "FORBIDDEN", details: { reason: "invalid_signature" } });
    }
    // A valid signature for another asset does not open this one.
    const image = await uploadImage();
    const key = mediaSigningKey(ctx.config.encryptionKey);
    const forOther = signedMediaPath(key, image.id, Number(exp)).replace(image.id, String(id));
    expect((await call(ctx.app, { method: "GET", url: forOther })).status).toBe(403);

    // Signed with the real key, but its time is over (1 January 2001).
    const expired = await call(ctx.app, { method: "GET", url: signedMediaPath(key, String(id), 978_307_200) });
    expect(expired.status).toBe(403);
    expect(expired.body.error).toMatchObject({ code: "FORBIDDEN", details: { reason: "expired" } });
  });

  it("of a draft course stay hidden from everyone but its creator and admins", async () => {
    const draft = await buildCourse(ctx, creator, { title: "Unreleased", publish: false });
    const draftVideo = await uploadVideo(creator.access_token, draft.courseId);
    expect((await setLessonVideo(draft.videoLessonId, draftVideo.url)).status).toBe(200);

    expect((await readLesson(draft.videoLessonId)).status).toBe(404);
    expect((await readLesson(draft.videoLessonId, student.access_token)).status).toBe(404);
    expect((await get(draftVideo.url)).statusCode).toBe(401);
    expect((await get(draftVideo.url, {}, student.access_token)).statusCode).toBe(403);
    expect((await get(draftVideo.url, {}, other.access_token)).statusCode).toBe(403);

    const url = String((await readLesson(draft.videoLessonId, creator.access_token)).body.data.video_url);
    expect((await get(url)).statusCode).toBe(200);
    expect((await get(draftVideo.url, {}, admin.access_token)).statusCode).toBe(200);
  });
});

describe("attaching uploads", () => {
  it("a lesson takes an uploaded video by its url, signed or not, and stores the plain reference", async () => {
    const video = await uploadVideo();
    const viaSignedLink = await setLessonVideo(course.videoLessonId, video.playback_url);
    expect(viaSignedLink.status).toBe(200);
    expect(viaSignedLink.body.data.video_url).toMatch(SIGNED);
    const stored = (await ctx.database.db.execute(
      sql`select video_url from lessons where id = ${course.videoLessonId}`,
    )) as unknown as { rows: Array<{ video_url: string }> };
    expect(stored.rows[0]?.video_url).toBe(video.url);

    const created = await call<{ id: string; video_url: string }>(ctx.app, {
      method: "POST",
      url: `/api/v1/modules/${course.moduleId}/lessons`,
      token: creator.access_token,
      payload: { title: "Another take", kind: "video", video_url: video.url },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.video_url).toMatch(SIGNED);
  });

  it("a lesson refuses another creator's upload, an image, and an unknown or malformed media url", async () => {
    const foreign = await uploadVideo(other.access_token, null);
    const image = await uploadImage();
    for (const url of [
      foreign.url,
      image.url,
      "/api/v1/media/00000000-0000-4000-8000-000000000000",
      "/api/v1/media/not-an-id",
    ]) {
      const r = await setLessonVideo(course.videoLessonId, url);
      expect(r.status).toBe(400);
      expect(r.body.error?.code).toBe("VALIDATION_ERROR");
      expect(fieldsOf(r.body)).toHaveProperty("video_url");
    }
    // An admin may attach anyone's upload.
    expect((await setLessonVideo(course.videoLessonId, foreign.url, admin.access_token)).status).toBe(200);
  });

  it("demo videos reach readers signed, external video URLs unchanged", async () => {
    expect((await setLessonVideo(course.videoLessonId, "/media/demo/x.webm")).status).toBe(200);
    expect((await readLesson(course.videoLessonId, creator.access_token)).body.data.video_url).toMatch(
      /^\/media\/demo\/x\.webm\?exp=\d+&sig=[\w-]+$/,
    );
    const external = await setLessonVideo(course.videoLessonId, "https://cdn.example.com/v.mp4");
    expect(external.body.data.video_url).toBe("https://cdn.example.com/v.mp4");
  });

  it("refuses links that are not https or our own files: scripts, data, files, plain http, other paths", async () => {
    for (const url of [
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "file:///etc/passwd",
      "http://169.254.169.254/latest/meta-data/",
      "//evil.example/x.mp4",
      "https://user:pass@cdn.example.com/v.mp4",
      "/media/demo/../../.data/secrets.json",
      "/somewhere/else.mp4",
    ]) {
      const r = await setLessonVideo(course.videoLessonId, url);
      expect(r.status, url).toBe(400);
      expect(fieldsOf(r.body), url).toHaveProperty("video_url");
      const thumb = await call(ctx.app, {
        method: "PUT",
        url: `/api/v1/courses/${course.courseId}`,
        token: creator.access_token,
        payload: { thumbnail_url: url },
      });
      expect(thumb.status, url).toBe(400);
      expect(fieldsOf(thumb.body), url).toHaveProperty("thumbnail_url");
    }
    const demoThumb = await call<{ thumbnail_url: string }>(ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${course.courseId}`,
      token: creator.access_token,
      payload: { thumbnail_url: "/media/demo/photosynthesis-essentials.svg" },
    });
    expect(demoThumb.body.data.thumbnail_url).toBe("/media/demo/photosynthesis-essentials.svg");
  });

  it("a course takes an uploaded image as its public thumbnail, and refuses videos and others' images", async () => {
    const image = await uploadImage(creator.access_token, { course_id: course.courseId });
    const put = (thumbnail_url: string, token = creator.access_token) =>
      call<{ thumbnail_url: string | null }>(ctx.app, {
        method: "PUT",
        url: `/api/v1/courses/${course.courseId}`,
        token,
        payload: { thumbnail_url },
      });
    const ok = await put(image.url);
    expect(ok.status).toBe(200);
    expect(ok.body.data.thumbnail_url).toBe(image.url);
    const catalog = await call<{ items: Array<{ thumbnail_url: string | null }> }>(ctx.app, {
      method: "GET",
      url: "/api/v1/courses",
    });
    expect(catalog.body.data.items[0]?.thumbnail_url).toBe(image.url);
    expect((await get(image.url)).statusCode).toBe(200);

    const video = await uploadVideo();
    expect(fieldsOf((await put(video.url)).body)).toHaveProperty("thumbnail_url");
    const othersImage = await uploadImage(other.access_token);
    expect((await put(othersImage.url)).status).toBe(400);
  });

  it("a new course takes an image from its creator's library", async () => {
    const image = await uploadImage();
    const created = await call<{ thumbnail_url: string | null }>(ctx.app, {
      method: "POST",
      url: "/api/v1/courses",
      token: creator.access_token,
      payload: {
        title: "With a cover",
        category: "Science",
        level: "beginner",
        pricing: { is_free: true, price: 0 },
        thumbnail_url: image.url,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.thumbnail_url).toBe(image.url);
  });
});

describe("the OpenAPI document", () => {
  it("describes the upload as multipart and the media path", async () => {
    const doc = (await ctx.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    expect(doc.paths).toHaveProperty(["/api/v1/media/{id}"]);
    const uploadOp = doc.paths["/api/v1/media"].post;
    const schema = uploadOp.requestBody.content["multipart/form-data"].schema;
    expect(schema.properties.file).toMatchObject({ type: "string", format: "binary" });
    expect(schema.properties).toHaveProperty("course_id");
  });
});
