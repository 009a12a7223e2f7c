import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createMemoryStore, createRedisStore } from "../src/plugins/rate-limit-store.js";
import { call, createTestContext, register, type TestContext } from "./helpers.js";

const contexts: TestContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.close();
});

async function limitedApp(redis?: Redis | null) {
  // The production limit (100 per window) with a long window, so a slow machine can't let the window reset
  // mid-test; the 60 s default is checked in env.test.ts.
  const ctx = await createTestContext({
    config: { rateLimit: { max: 100, windowSeconds: 3600 } },
    ...(redis !== undefined ? { redis } : {}),
  });
  contexts.push(ctx);
  return ctx;
}

describe("rate limiting", () => {
  it("answers the 101st request in a minute with 429, Retry-After and rate-limit headers", async () => {
    const { app } = await limitedApp();
    for (let i = 1; i <= 100; i++) {
      const r = await app.inject({ method: "GET", url: "/api/v1/courses", remoteAddress: "192.0.2.10" });
      expect(r.statusCode).toBe(200);
      if (i === 1) {
        expect(r.headers["x-ratelimit-limit"]).toBe("100");
        expect(r.headers["x-ratelimit-remaining"]).toBe("99");
      }
    }
    const { status, body, res } = await call(app, {
      method: "GET",
      url: "/api/v1/courses",
      remoteAddress: "192.0.2.10",
    });
    expect(status).toBe(429);
    expect(body.error?.code).toBe("RATE_LIMITED");
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(res.headers["retry-after"])).toBeLessThanOrEqual(3600);
    expect(res.headers["x-ratelimit-remaining"]).toBe("0");
    // Another client still gets through: anonymous limits are per IP.
    expect((await app.inject({ method: "GET", url: "/api/v1/courses", remoteAddress: "192.0.2.11" })).statusCode).toBe(
      200,
    );
    // Health checks are never limited.
    expect((await app.inject({ method: "GET", url: "/health", remoteAddress: "192.0.2.10" })).statusCode).toBe(200);
  });

  it("counts per user when signed in, whatever the IP", async () => {
    const { app } = await limitedApp();
    const s = await register(app, "busy@example.com");
    const headers = { authorization: `Bearer ${s.access_token}` };
    for (let i = 0; i < 100; i++) {
      const r = await app.inject({
        method: "GET",
        url: "/api/v1/auth/me",
        headers,
        remoteAddress: `198.51.100.${i % 250}`,
      });
      expect(r.statusCode).toBe(200);
    }
    const r = await app.inject({ method: "GET", url: "/api/v1/auth/me", headers, remoteAddress: "203.0.113.1" });
    expect(r.statusCode).toBe(429);
  });

  it("falls back to the in-memory limiter when Redis is unreachable, never to no limit", async () => {
    // Port 1 on loopback refuses connections: a Redis that is down.
    const deadRedis = new Redis("redis://127.0.0.1:1", {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    deadRedis.on("error", () => {});
    const { app } = await limitedApp(deadRedis);
    let last = 0;
    for (let i = 0; i < 101; i++)
      last = (await app.inject({ method: "GET", url: "/api/v1/courses", remoteAddress: "192.0.2.20" })).statusCode;
    expect(last).toBe(429);
    // Degraded, not down: the instance stays in the load balancer and reports the outage.
    const ready = await call(app, { method: "GET", url: "/health/ready" });
    expect(ready.status).toBe(200);
    expect(ready.body.data).toMatchObject({ redis: "down", database: "ok" });
    deadRedis.disconnect();
  });
});

describe("rate-limit stores", () => {
  it("memory store resets after the window", async () => {
    let now = 0;
    const store = createMemoryStore(() => now);
    expect((await store.hit("k", 1000)).count).toBe(1);
    expect((await store.hit("k", 1000)).count).toBe(2);
    now = 1001;
    expect((await store.hit("k", 1000)).count).toBe(1);
  });

  it.runIf(process.env.REDIS_URL)("redis store shares one window between two app instances", async () => {
    const a = new Redis(process.env.REDIS_URL as string);
    const b = new Redis(process.env.REDIS_URL as string);
    // A prefix of its own, so runs sharing this Redis (other suites, other machines' CI) never share a window.
    const prefix = `lumen-test:${randomUUID()}:`;
    const storeA = createRedisStore(a, { prefix, fallback: createMemoryStore() });
    const storeB = createRedisStore(b, { prefix, fallback: createMemoryStore() });
    const started = Date.now();
    await storeA.hit("shared", 60_000);
    const hit = await storeB.hit("shared", 60_000);
    expect(hit.count).toBe(2);
    // One window, opened by A's hit: B sees what is left of it, less whatever the two round trips took.
    expect(hit.resetMs).toBeGreaterThanOrEqual(60_000 - (Date.now() - started) - 1);
    expect(hit.resetMs).toBeLessThanOrEqual(60_000);
    a.disconnect();
    b.disconnect();
  });
});
