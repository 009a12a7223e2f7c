import { execRows } from "@lumen/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, createTestContext, login, register, STRONG_PASSWORD, type TestContext } from "./helpers.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());
beforeEach(async () => ctx.reset());

/** Whole seconds since `start` (rounded up): bounds derive from the time a test really took, not a guess at it. */
const secondsSince = (start: number) => Math.ceil((Date.now() - start) / 1000);

const loginFrom = (ip: string, email: string, password: string) =>
  call(ctx.app, { method: "POST", url: "/api/v1/auth/login", payload: { email, password }, remoteAddress: ip });

describe("login brute-force protection", () => {
  it("answers 429 to the 11th attempt after 10 failures from one client, even with the right password", async () => {
    await register(ctx.app, "victim@example.com");
    const started = Date.now();
    for (let i = 0; i < 10; i++) {
      const r = await loginFrom("10.0.0.1", "victim@example.com", `wrong password ${i}`);
      expect(r.status).toBe(401);
    }
    const eleventh = await loginFrom("10.0.0.1", "victim@example.com", STRONG_PASSWORD);
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.error?.code).toBe("RATE_LIMITED");
    // The lock lasts until the first failure is 15 minutes old: whatever the attempts took is already gone.
    const retryAfter = Number(eleventh.res.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(15 * 60 - secondsSince(started));
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const types = (await execRows<{ type: string }>(ctx.database.db, sql`select type from security_events`)).rows.map(
      (r) => r.type,
    );
    expect(types.filter((t) => t === "login_failed")).toHaveLength(10);
    expect(types).toContain("login_locked");
  });

  it("does not lock the owner out from another client", async () => {
    await register(ctx.app, "owner@example.com");
    for (let i = 0; i < 10; i++) await loginFrom("10.0.0.2", "owner@example.com", "attacker guess");
    expect((await loginFrom("10.0.0.3", "owner@example.com", STRONG_PASSWORD)).status).toBe(200);
  });

  it("after 100 failures in an hour refuses clients that failed on the account, not its owner", async () => {
    await register(ctx.app, "target@example.com");
    // 100 failures spread over many clients (inserted directly: 100 argon2 checks would only slow the test).
    const emailKey = "target@example.com";
    const started = Date.now();
    await ctx.database.db.execute(
      sql`insert into login_failures (email_key, client_key, created_at) select ${emailKey}, 'client-' || g, now() - interval '30 minutes' from generate_series(1, 100) g`,
    );
    // A client that has not failed still signs in with the right password (slowed down, never refused).
    expect((await loginFrom("10.9.9.8", "target@example.com", STRONG_PASSWORD)).status).toBe(200);
    // One that fails while the account is past its threshold is refused for the rest of the window.
    expect((await loginFrom("10.9.9.9", "target@example.com", "a wrong guess")).status).toBe(401);
    const res = await loginFrom("10.9.9.9", "target@example.com", STRONG_PASSWORD);
    expect(res.status).toBe(429);
    const retryAfter = Number(res.res.headers["retry-after"]);
    // The failures were 30 minutes old when inserted: the hour-long lock has 30 minutes left, less the time since.
    expect(retryAfter).toBeGreaterThanOrEqual(30 * 60 - secondsSince(started));
    expect(retryAfter).toBeLessThanOrEqual(30 * 60 + 1);
  }, 30_000);

  it("lifts the lock when the window has passed", async () => {
    await register(ctx.app, "later@example.com");
    for (let i = 0; i < 10; i++) await loginFrom("10.0.0.4", "later@example.com", "bad guess here");
    expect((await loginFrom("10.0.0.4", "later@example.com", STRONG_PASSWORD)).status).toBe(429);
    await ctx.database.db.execute(sql`update login_failures set created_at = created_at - interval '16 minutes'`);
    expect((await loginFrom("10.0.0.4", "later@example.com", STRONG_PASSWORD)).status).toBe(200);
  });

  it("counts failures for unknown emails the same way", async () => {
    for (let i = 0; i < 10; i++)
      expect((await loginFrom("10.0.0.5", "ghost@example.com", "some password")).status).toBe(401);
    expect((await loginFrom("10.0.0.5", "ghost@example.com", "some password")).status).toBe(429);
  });

  it("forgets a client's failures after it signs in successfully", async () => {
    await register(ctx.app, "forgetful@example.com");
    for (let i = 0; i < 9; i++) await loginFrom("10.0.0.6", "forgetful@example.com", "typo password");
    expect((await loginFrom("10.0.0.6", "forgetful@example.com", STRONG_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 9; i++) await loginFrom("10.0.0.6", "forgetful@example.com", "typo password");
    expect((await loginFrom("10.0.0.6", "forgetful@example.com", STRONG_PASSWORD)).status).toBe(200);
  });

  it("refuses disabled accounts at login with 403 and records the attempt", async () => {
    const s = await register(ctx.app, "off@example.com");
    await ctx.database.db.execute(sql`update users set disabled = true where id = ${s.user.id}`);
    const res = await login(ctx.app, "off@example.com");
    expect(res.status).toBe(403);
    const types = (await execRows<{ type: string }>(ctx.database.db, sql`select type from security_events`)).rows.map(
      (r) => r.type,
    );
    expect(types).toContain("disabled_login_attempt");
  });
});

describe("security alerts", () => {
  it("log a lockout as a security_alert at warn level", async () => {
    const { Writable } = await import("node:stream");
    const { buildApp } = await import("../src/app.js");
    const { createFileTransport } = await import("../src/modules/mail/mail-transport.js");
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const app = await buildApp({
      config: { ...ctx.config, logLevel: "warn" },
      database: ctx.database,
      mailTransport: createFileTransport(ctx.outboxDir),
      logStream: stream,
    });
    for (let i = 0; i < 10; i++) {
      await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "alert@example.com", password: "guess guess guess" },
        remoteAddress: "10.1.1.1",
      });
    }
    await app.close();
    const alert = lines.map((l) => JSON.parse(l)).find((l) => l.security_alert === "login_locked");
    expect(alert).toBeDefined();
    expect(alert.level).toBe(40);
  });
});
