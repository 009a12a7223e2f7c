import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { createFileTransport } from "../src/modules/mail/mail-transport.js";
import { call, createTestContext, type TestContext, testConfig } from "./helpers.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe("API conventions", () => {
  it("answers unknown routes with 404 in the envelope", async () => {
    const { status, body } = await call(ctx.app, { method: "GET", url: "/api/v1/nope" });
    expect(status).toBe(404);
    expect(body).toMatchObject({ success: false, error: { code: "NOT_FOUND" } });
    expect(typeof body.timestamp).toBe("string");
  });

  it("answers a wrong method with 405 and an Allow header", async () => {
    const { status, body, res } = await call(ctx.app, { method: "DELETE", url: "/api/v1/auth/login" });
    expect(status).toBe(405);
    expect(body.error?.code).toBe("METHOD_NOT_ALLOWED");
    expect(res.headers.allow).toContain("POST");
  });

  it("answers malformed JSON with 400 VALIDATION_ERROR", async () => {
    const { status, body } = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"email": "a@b.c", ',
    });
    expect(status).toBe(400);
    expect(body.error?.code).toBe("VALIDATION_ERROR");
  });

  it("answers a body over 1 MiB with 413 PAYLOAD_TOO_LARGE", async () => {
    const { status, body } = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ email: "a@example.com", password: "x".repeat(1024 * 1024) }),
    });
    expect(status).toBe(413);
    expect(body.error?.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers an unsupported content type with 415", async () => {
    const { status, body } = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/xml" },
      payload: "<login/>",
    });
    expect(status).toBe(415);
    expect(body.error?.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    // text/plain too: not a string for the schema to refuse as "expected object".
    const text = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "text/plain" },
      payload: '{"email":"a@b.c","password":"x"}',
    });
    expect(text.status).toBe(415);
    expect(text.body.error?.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("answers router errors in the envelope: an over-long path segment, a malformed %-escape", async () => {
    for (const url of [`/api/v1/courses/${"a".repeat(600)}`, "/api/v1/courses/%E0%A4%A"]) {
      const res = await ctx.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe("VALIDATION_ERROR");
      // Nothing of the URL is echoed back.
      expect(res.body, url).not.toContain("aaaaaaaaaa");
    }
  });

  it("puts a request id on every response, honouring a safe incoming one", async () => {
    const a = await call(ctx.app, { method: "GET", url: "/health" });
    expect(a.res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const b = await call(ctx.app, { method: "GET", url: "/api/v1/nope", headers: { "x-request-id": "trace-123" } });
    expect(b.res.headers["x-request-id"]).toBe("trace-123");
    const c = await call(ctx.app, {
      method: "GET",
      url: "/health",
      headers: { "x-request-id": "bad id with spaces\n" },
    });
    expect(c.res.headers["x-request-id"]).not.toContain(" ");
  });

  it("serves security headers", async () => {
    const { res } = await call(ctx.app, { method: "GET", url: "/health" });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBeDefined();
    expect(res.headers["strict-transport-security"]).toBeDefined();
  });

  it("allows CORS only for configured origins", async () => {
    const allowed = await ctx.app.inject({
      method: "OPTIONS",
      url: "/api/v1/courses",
      headers: { origin: "http://localhost:3000", "access-control-request-method": "GET" },
    });
    expect(allowed.headers["access-control-allow-origin"]).toBe("http://localhost:3000");
    expect(allowed.headers["access-control-allow-credentials"]).toBe("true");
    const denied = await ctx.app.inject({
      method: "OPTIONS",
      url: "/api/v1/courses",
      headers: { origin: "https://evil.example", "access-control-request-method": "GET" },
    });
    expect(denied.headers["access-control-allow-origin"]).toBeUndefined();
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe("FORBIDDEN");
  });

  it("serves the OpenAPI 3.1 document generated from the routes, and the docs", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    for (const path of [
      "/api/v1/auth/register",
      "/api/v1/auth/login",
      "/api/v1/auth/refresh",
      "/api/v1/auth/logout",
      "/api/v1/auth/verify-email",
      "/api/v1/auth/reset-password",
      "/api/v1/auth/me",
      "/api/v1/admin/users",
      "/api/v1/admin/users/{id}",
      "/api/v1/admin/security-events",
      "/api/v1/courses",
      "/api/v1/courses/suggest",
      "/api/v1/courses/{id}",
      "/api/v1/courses/{id}/enroll",
      "/api/v1/courses/{id}/modules",
      "/api/v1/courses/{id}/modules/reorder",
      "/api/v1/courses/{id}/progress",
      "/api/v1/modules/{id}",
      "/api/v1/modules/{id}/lessons",
      "/api/v1/modules/{id}/lessons/reorder",
      "/api/v1/lessons/{id}",
      "/api/v1/lessons/{id}/start",
      "/api/v1/lessons/{id}/progress",
      "/api/v1/lessons/{id}/complete",
      "/api/v1/progress/user/{user_id}",
      "/api/v1/enrollments/me",
      "/api/v1/admin/courses/{id}/grants",
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
    const register = doc.paths["/api/v1/auth/register"].post;
    expect(JSON.stringify(register.requestBody)).toContain("full_name");
    const docs = await ctx.app.inject({ method: "GET", url: "/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain("swagger");
  });

  it("reports liveness and readiness", async () => {
    const live = await call<{ status: string }>(ctx.app, { method: "GET", url: "/health" });
    expect(live.body.data.status).toBe("ok");
    const ready = await call(ctx.app, { method: "GET", url: "/health/ready" });
    expect(ready.status).toBe(200);
    expect(ready.body.data).toMatchObject({ database: "ok", migrations: "applied" });
  });

  it("answers 503 on readiness and the API until migrations are applied", async () => {
    const app = await buildApp({
      config: testConfig(ctx.config.dataDir),
      database: ctx.database,
      mailTransport: createFileTransport(ctx.outboxDir),
      ready: false,
      logger: false,
      redisPrefix: `t${randomBytes(4).toString("hex")}:`,
    });
    const ready = await call(app, { method: "GET", url: "/health/ready" });
    expect(ready.status).toBe(503);
    expect(ready.body.error).toMatchObject({ code: "SERVICE_UNAVAILABLE", details: { migrations: "pending" } });
    expect((await call(app, { method: "GET", url: "/health" })).status).toBe(200);
    const api = await call(app, { method: "GET", url: "/api/v1/courses" });
    expect(api.status).toBe(503);
    app.markReady();
    expect((await call(app, { method: "GET", url: "/health/ready" })).status).toBe(200);
    await app.close();
  });

  it("hides internals of unexpected errors behind INTERNAL_ERROR with the request id", async () => {
    const app = await buildApp({
      config: testConfig(ctx.config.dataDir),
      database: ctx.database,
      mailTransport: createFileTransport(ctx.outboxDir),
      logger: false,
    });
    app.get("/boom", async () => {
      throw new Error('relation "secret_table" does not exist at /srv/app/file.ts:12');
    });
    const { status, body, res } = await call(app, { method: "GET", url: "/boom" });
    expect(status).toBe(500);
    expect(body.error?.code).toBe("INTERNAL_ERROR");
    expect(JSON.stringify(body)).not.toContain("secret_table");
    expect(body.error?.details).toMatchObject({ request_id: res.headers["x-request-id"] });
    await app.close();
  });
});
