// OWASP API8:2023 Security Misconfiguration, with injection (part of it in the 2023 list): SQL and markup in every
// free-text and cursor parameter, forged keyset cursors (issue 11 item 14), CORS, headers, cookies and the error
// envelope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "../../src/lib/cursor.js";
import { buildWorld, call, snapshot, type World } from "./world.js";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(async () => w?.ctx.close());

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  "\\' UNION SELECT password_hash FROM users --",
  "%' AND pg_sleep(5) IS NULL --",
  "$1::text",
  "<script>alert(1)</script>",
  // A template-injection probe, on purpose: the string must reach the server unexpanded.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal placeholder is the attack
  "${7*7}{{7*7}}",
  "\u0000",
];

type Who = "guest" | "learner" | "owner" | "admin";
/** Every free-text query parameter of a listing, and who may call it. */
const TEXT_PARAMS: Array<[string, Who, (v: string) => string]> = [
  ["catalog search q", "guest", (v) => `/courses?q=${encodeURIComponent(v)}`],
  ["catalog category", "guest", (v) => `/courses?category=${encodeURIComponent(v)}`],
  ["suggest q", "guest", (v) => `/courses/suggest?q=${encodeURIComponent(v)}`],
  ["admin users q", "admin", (v) => `/admin/users?q=${encodeURIComponent(v)}`],
  ["admin courses q", "admin", (v) => `/admin/courses?q=${encodeURIComponent(v)}`],
];

describe("API8 injection in free-text query parameters", () => {
  const cases = TEXT_PARAMS.flatMap(([name, who, url]) =>
    INJECTIONS.map((v) => [name, JSON.stringify(v), who, url(v)] as const),
  );
  it.each(cases)("treats %s = %s as plain text", async (_n, _v, who, url) => {
    const before = await snapshot(w.ctx);
    const res = await call<{ items: unknown[] }>(w.ctx.app, {
      method: "GET",
      url: `/api/v1${url}`,
      ...(who === "guest" ? {} : { token: w[who].access_token }),
    });
    // Either a clean refusal of the input or an ordinary (empty) answer: never a database error.
    expect([200, 400]).toContain(res.status);
    if (res.status === 400) expect(res.body.error?.code).toBe("VALIDATION_ERROR");
    else expect(Array.isArray(res.body.data.items) || Array.isArray(res.body.data)).toBe(true);
    expect(res.res.body).not.toMatch(/password_hash|argon2|syntax error|pg_sleep/i);
    expect(await snapshot(w.ctx)).toEqual(before);
  });

  it("refuses a NUL character in a body field (400 naming it), which PostgreSQL text can't hold", async () => {
    const before = await snapshot(w.ctx);
    const res = await call(w.ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${w.course.courseId}/reviews/me`,
      token: w.learner.access_token,
      payload: { rating: 4, body: "nul\u0000here" },
    });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 400, code: "VALIDATION_ERROR" });
    expect(Object.keys((res.body.error?.details?.fields as object) ?? {})).toEqual(["body"]);
    expect(await snapshot(w.ctx)).toEqual(before);
  });

  it("stores injection in free-text bodies verbatim, as text (title, description, review, tutor question)", async () => {
    const evil = "Robert'); DROP TABLE courses; -- <img src=x onerror=alert(1)>";
    const course = await call<{ id: string; title: string }>(w.ctx.app, {
      method: "POST",
      url: "/api/v1/courses",
      token: w.owner.access_token,
      payload: {
        title: evil,
        description: evil,
        category: "Science",
        level: "beginner",
        pricing: { is_free: true, price: 0 },
      },
    });
    expect(course.status).toBe(201);
    expect(course.body.data.title).toBe(evil);
    const review = await call<{ body: string }>(w.ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${w.course.courseId}/reviews/me`,
      token: w.learner.access_token,
      payload: { rating: 4, body: evil },
    });
    expect(review.body.data.body).toBe(evil);
    const chat = await call(w.ctx.app, {
      method: "POST",
      url: "/api/v1/ai/chat",
      token: w.learner.access_token,
      payload: { message: evil, course_id: w.course.courseId },
    });
    expect(chat.status).toBe(200);
    const catalog = await call<{ items: unknown[] }>(w.ctx.app, { method: "GET", url: "/api/v1/courses" });
    expect(catalog.body.data.items.length).toBeGreaterThan(0);
  });
});

const b64 = (raw: string) => Buffer.from(raw).toString("base64url");
const UUID = "00000000-0000-4000-8000-000000000000";

/** Listing routes with a cursor, and who may call them (a fresh learner for the learner-only ones). */
const CURSOR_ROUTES: Array<[string, Who, (w: World) => string]> = [
  ["catalog", "guest", () => "/courses"],
  ["studio courses", "owner", () => "/courses/mine"],
  ["reviews", "guest", (w) => `/courses/${w.course.courseId}/reviews`],
  ["quiz attempts", "learner", (w) => `/lessons/${w.course.textLessonId}/quiz/attempts`],
  ["tutor conversations", "learner", () => "/ai/conversations"],
  ["admin users", "admin", () => "/admin/users"],
  ["admin courses", "admin", () => "/admin/courses"],
  ["admin security events", "admin", () => "/admin/security-events"],
];
const BAD_CURSORS: Array<[string, string]> = [
  ["not base64 JSON", "!!!"],
  ["JSON of the wrong shape", b64('{"x":1}')],
  ["a SQL string as the time", encodeCursor({ t: "2024-01-01'; DROP TABLE users; --", id: UUID })],
  ["a time Date.parse accepts but SQL does not", encodeCursor({ t: "1", id: UUID })],
  ["an id of 36 dashes", encodeCursor({ t: "2024-01-01T00:00:00.000Z", id: "-".repeat(36) })],
  ["a year 0 time", encodeCursor({ t: "0000-01-01T00:00:00.000Z", id: UUID })],
];

describe("API8 forged cursors answer 400, never 500 (issue 11 item 14)", () => {
  const cases = CURSOR_ROUTES.flatMap(([route, who, url]) =>
    BAD_CURSORS.map(([name, cursor]) => [route, name, who, url, cursor] as const),
  );
  it.each(cases)("%s: refuses %s", async (_r, _n, who, url, cursor) => {
    const res = await call(w.ctx.app, {
      method: "GET",
      url: `/api/v1${url(w)}?cursor=${encodeURIComponent(cursor)}`,
      ...(who === "guest" ? {} : { token: w[who].access_token }),
    });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 400, code: "VALIDATION_ERROR" });
  });

  const SORTED: Array<[string, string, Record<string, string | number | null>]> = [
    ["popular", "a string as an enrollment count", { v: "abc", id: UUID, s: "popular" }],
    ["popular", "a count beyond int", { v: 1e12, id: UUID, s: "popular" }],
    ["popular", "a fractional count", { v: 1.5, id: UUID, s: "popular" }],
    ["rating", "a string as a rating", { v: "five", id: UUID, s: "rating" }],
    ["newest", "a number as a date", { v: 42, id: UUID, s: "newest" }],
    ["newest", "a loose date string", { v: "1", id: UUID, s: "newest" }],
    ["newest", "null as a date", { v: null, id: UUID, s: "newest" }],
    ["relevance", "a string as a rank", { v: "high", id: UUID, s: "relevance", q: "cells" }],
  ];
  it.each(SORTED)("catalog sorted by %s: refuses %s", async (sort, _n, cursor) => {
    const q = sort === "relevance" ? "&q=cells" : "";
    const res = await call(w.ctx.app, {
      method: "GET",
      url: `/api/v1/courses?sort=${sort}${q}&cursor=${encodeCursor(cursor)}`,
    });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 400, code: "VALIDATION_ERROR" });
  });

  it("still follows a real cursor of each sort", async () => {
    for (const sort of ["newest", "popular", "rating"]) {
      const first = await call<{ next_cursor: string | null }>(w.ctx.app, {
        method: "GET",
        url: `/api/v1/courses?sort=${sort}&limit=1`,
      });
      expect(first.body.data.next_cursor).not.toBeNull();
      const next = await call(w.ctx.app, {
        method: "GET",
        url: `/api/v1/courses?sort=${sort}&limit=1&cursor=${first.body.data.next_cursor}`,
      });
      expect(next.status).toBe(200);
    }
  });
});

describe("API8 misconfiguration", () => {
  it("sends no CORS grant to a foreign origin", async () => {
    const res = await w.ctx.app.inject({
      method: "OPTIONS",
      url: "/api/v1/auth/me",
      headers: { origin: "https://evil.example", "access-control-request-method": "GET" },
    });
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    expect(res.headers["access-control-allow-credentials"]).toBeUndefined();
  });

  it("sets the refresh cookie httpOnly, SameSite=Strict and scoped to the auth path", async () => {
    const res = await call(w.ctx.app, {
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: w.outsider.user.email, password: "correct horse battery staple" },
    });
    const cookie = String(res.res.headers["set-cookie"] ?? "");
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth/i);
  });

  it("answers malformed JSON, unknown routes and wrong methods in the envelope, without internals", async () => {
    const bad = await w.ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"email": "x",',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });
    const unknown = await w.ctx.app.inject({ method: "GET", url: "/api/v1/../../etc/passwd" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ success: false, error: { code: "NOT_FOUND" } });
    for (const r of [bad, unknown]) expect(r.body).not.toMatch(/at .*\.(ts|js):\d+|node_modules|stack/i);
  });

  it("sends nosniff and no framing on API answers", async () => {
    const res = await w.ctx.app.inject({ method: "GET", url: "/api/v1/courses" });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(String(res.headers["x-frame-options"] ?? res.headers["content-security-policy"] ?? "")).not.toBe("");
  });
});
