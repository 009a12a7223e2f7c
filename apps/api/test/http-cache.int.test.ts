import {
  categorySchema,
  courseDetailSchema,
  courseSummarySchema,
  envelope,
  pageOf,
  reviewSchema,
} from "@lumen/contracts";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from "../src/plugins/http-cache.js";
import {
  call,
  createTestContext,
  markVerified,
  register,
  type Session,
  type TestContext,
  userWithRole,
} from "./helpers.js";
import { buildCourse, enroll } from "./learning-fixtures.js";

let ctx: TestContext;
let creator: Session;
let learner: Session;
let courseId: string;
let draftId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  creator = await userWithRole(ctx, "creator@example.com", "creator");
  learner = await register(ctx.app, "learner@example.com");
  await markVerified(ctx, learner);
  ({ courseId } = await buildCourse(ctx, creator, { title: "Cached Cells" }));
  ({ courseId: draftId } = await buildCourse(ctx, creator, { title: "Secret Draft", publish: false }));
  await enroll(ctx, learner, courseId);
  await call(ctx.app, {
    method: "PUT",
    url: `/api/v1/courses/${courseId}/reviews/me`,
    token: learner.access_token,
    payload: { rating: 5, body: "Clear and short." },
  });
});
afterAll(async () => ctx?.close());

const get = (url: string, headers: Record<string, string> = {}, method: "GET" | "HEAD" = "GET") =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers });
const varyOf = (res: LightMyRequestResponse) =>
  String(res.headers.vary ?? "")
    .split(",")
    .map((v) => v.trim().toLowerCase());

const PUBLIC_READS: Array<[string, () => string, z.ZodType]> = [
  ["the catalog", () => "/courses?limit=12", pageOf(courseSummarySchema)],
  ["the categories", () => "/courses/categories", z.object({ items: z.array(categorySchema) })],
  ["suggestions", () => "/courses/suggest?q=cach", z.object({ items: z.array(z.object({ id: z.string() })) })],
  ["a published course's page", () => `/courses/${courseId}`, courseDetailSchema],
  ["a course's reviews", () => `/courses/${courseId}/reviews`, pageOf(reviewSchema)],
];

describe("public reads for guests", () => {
  it.each(PUBLIC_READS)("%s carry a strong ETag, public Cache-Control and Vary", async (_name, url, schema) => {
    const res = await get(url());
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(res.headers["cache-control"]).toBe(PUBLIC_CACHE_CONTROL);
    expect(varyOf(res)).toEqual(expect.arrayContaining(["accept-encoding", "authorization"]));
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    // The cached body is sent as stored: it still matches the route's contract.
    expect(envelope(schema).safeParse(res.json()).success).toBe(true);
  });

  it.each(PUBLIC_READS)("%s answer 304 to a matching If-None-Match, strong, weak or in a list", async (_n, url) => {
    const first = await get(url());
    const etag = String(first.headers.etag);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"stale", ${etag}`, "*"]) {
      const again = await get(url(), { "if-none-match": ifNoneMatch });
      expect(again.statusCode, ifNoneMatch).toBe(304);
      expect(again.body).toBe("");
      expect(again.headers.etag).toBe(etag);
      expect(again.headers["cache-control"]).toBe(PUBLIC_CACHE_CONTROL);
    }
    const other = await get(url(), { "if-none-match": '"something-else"' });
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe(first.body);
  });

  it("answers HEAD with the same headers and no body, and 304 when the tag matches", async () => {
    const full = await get("/courses?limit=12");
    const head = await get("/courses?limit=12", {}, "HEAD");
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe("");
    expect(head.headers.etag).toBe(full.headers.etag);
    expect(head.headers["cache-control"]).toBe(PUBLIC_CACHE_CONTROL);
    const conditional = await get("/courses?limit=12", { "if-none-match": String(full.headers.etag) }, "HEAD");
    expect(conditional.statusCode).toBe(304);
  });

  it("changes the ETag when the content changes, so the old tag gets the new body", async () => {
    const before = await get(`/courses/${courseId}`);
    const edit = await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${courseId}`,
      token: creator.access_token,
      payload: { subtitle: "Now with ETags" },
    });
    expect(edit.status).toBe(200);
    const after = await get(`/courses/${courseId}`, { "if-none-match": String(before.headers.etag) });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.json().data.subtitle).toBe("Now with ETags");
  });
});

describe("personal and other answers", () => {
  it("signed-in reads of public routes are private, no-store, never 304, and still vary on Authorization", async () => {
    const guest = await get(`/courses/${courseId}`);
    const auth = { authorization: `Bearer ${learner.access_token}` };
    const res = await get(`/courses/${courseId}`, { ...auth, "if-none-match": String(guest.headers.etag) });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
    expect(varyOf(res)).toContain("authorization");
    expect(res.json().data.enrollment).toMatchObject({ status: "active" });
    expect(res.json().data.access).toMatchObject({ can_view_content: true, can_edit: false });
    const catalog = await get("/courses?limit=12", auth);
    expect(catalog.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
  });

  it("errors on public routes are private: a draft is a 404 for guests", async () => {
    const res = await get(`/courses/${draftId}`);
    expect(res.statusCode).toBe(404);
    expect(res.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
    expect(res.headers.etag).toBeUndefined();
  });

  it.each([
    ["GET", "/auth/me", true],
    ["GET", "/enrollments/me", true],
    ["GET", "/courses/mine", true],
    ["GET", "/no/such/route", false],
    ["POST", "/courses", true],
  ] as const)("%s %s is private, no-store", async (method, url, signedIn) => {
    const res = await call(ctx.app, {
      method,
      url: `/api/v1${url}`,
      ...(signedIn ? { token: creator.access_token } : {}),
      ...(method === "POST" ? { payload: {} } : {}),
    });
    expect(res.res.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
    expect(res.res.headers.etag).toBeUndefined();
  });

  it("documents the 304 answer of each public read in the OpenAPI document", async () => {
    const doc = (await ctx.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    for (const path of ["/api/v1/courses", "/api/v1/courses/{id}", "/api/v1/courses/{id}/reviews"]) {
      expect(doc.paths[path].get.responses["304"], path).toBeDefined();
    }
    expect(doc.paths["/api/v1/courses/mine"].get.responses["304"]).toBeUndefined();
  });
});
