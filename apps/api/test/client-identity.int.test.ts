import { GATEWAY_CLIENT_IP_HEADER, GATEWAY_SECRET_HEADER } from "@lumen/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FieldCipher } from "../src/lib/crypto.js";
import {
  call,
  createTestContext,
  login,
  register,
  STRONG_PASSWORD,
  type TestContext,
  userWithRole,
} from "./helpers.js";

// A small per-client limit and a long window, so no window resets mid-test on a slow machine.
const LIMIT = 5;
const trustProxy = ["10.1.0.0/16", "192.0.2.1"];
/** Rate-limit checks (their windows outlive a reset: every test uses addresses of its own). */
let limited: TestContext;
/** Login checks, with the default generous request limit. */
let ctx: TestContext;
beforeAll(async () => {
  limited = await createTestContext({ config: { rateLimit: { max: LIMIT, windowSeconds: 3600 }, trustProxy } });
  ctx = await createTestContext({ config: { trustProxy } });
});
afterAll(async () => {
  await limited?.close();
  await ctx?.close();
});
beforeEach(async () => ctx.reset());

let next = 0;
/** A documentation-range address no other test in this file has used. */
const freshAddress = () => `203.0.113.${++next}`;

const catalogFrom = (peer: string, headers: Record<string, string> = {}) =>
  limited.app.inject({ method: "GET", url: "/api/v1/courses?limit=1", remoteAddress: peer, headers });

const gateway = (clientIp: string, secret = limited.config.gatewaySecret) => ({
  [GATEWAY_SECRET_HEADER]: secret,
  [GATEWAY_CLIENT_IP_HEADER]: clientIp,
});

describe("client identity", () => {
  it("ignores X-Forwarded-For from a peer that is not a trusted proxy, so rotating it voids no limit", async () => {
    const peer = "198.51.100.40";
    for (let i = 0; i < LIMIT; i++) {
      expect((await catalogFrom(peer, { "x-forwarded-for": `198.18.0.${i}` })).statusCode).toBe(200);
    }
    const r = await catalogFrom(peer, { "x-forwarded-for": "198.18.1.1" });
    expect(r.statusCode).toBe(429);
    expect(r.json().error.code).toBe("RATE_LIMITED");
  });

  it("gives every visitor behind the web gateway a bucket of their own: one flood never blocks another", async () => {
    const flooder = freshAddress();
    const visitor = freshAddress();
    for (let i = 0; i < LIMIT; i++) expect((await catalogFrom("127.0.0.1", gateway(flooder))).statusCode).toBe(200);
    expect((await catalogFrom("127.0.0.1", gateway(flooder))).statusCode).toBe(429);
    // Same gateway (same socket peer), another visitor: untouched.
    expect((await catalogFrom("127.0.0.1", gateway(visitor))).statusCode).toBe(200);
  });

  it("ignores the gateway's client header without the exact secret", async () => {
    const peer = "198.51.100.41";
    for (let i = 0; i < LIMIT; i++) {
      const forged = gateway(`198.18.2.${i}`, `${limited.config.gatewaySecret.slice(0, -1)}x`);
      expect((await catalogFrom(peer, forged)).statusCode).toBe(200);
    }
    expect((await catalogFrom(peer, gateway("198.18.3.1", "not the secret"))).statusCode).toBe(429);
    expect((await catalogFrom(peer, { [GATEWAY_CLIENT_IP_HEADER]: "198.18.3.2" })).statusCode).toBe(429);
  });

  it("believes X-Forwarded-For only through the load balancers listed in TRUST_PROXY", async () => {
    const client = freshAddress();
    const other = freshAddress();
    for (let i = 0; i < LIMIT; i++) {
      expect((await catalogFrom("10.1.4.4", { "x-forwarded-for": `198.18.9.9, ${client}` })).statusCode).toBe(200);
    }
    // The same client through another listed balancer: one bucket, whatever it claims further left.
    expect((await catalogFrom("192.0.2.1", { "x-forwarded-for": client })).statusCode).toBe(429);
    expect((await catalogFrom("10.1.4.4", { "x-forwarded-for": other })).statusCode).toBe(200);
    // A peer outside the list is the client itself, whatever it forwards.
    const outsider = "10.2.0.1";
    for (let i = 0; i < LIMIT; i++) {
      await catalogFrom(outsider, { "x-forwarded-for": `198.18.4.${i}` });
    }
    expect((await catalogFrom(outsider, { "x-forwarded-for": freshAddress() })).statusCode).toBe(429);
  });

  it("throttles logins per visitor behind the gateway and records the visitor's address", async () => {
    const admin = await userWithRole(ctx, "admin@example.com", "admin");
    await register(ctx.app, "owner@example.com");
    const attacker = "198.18.7.7";
    const owner = "198.18.8.8";
    const loginVia = (clientIp: string, password: string) =>
      call(ctx.app, {
        method: "POST",
        url: "/api/v1/auth/login",
        remoteAddress: "127.0.0.1",
        headers: gateway(clientIp, ctx.config.gatewaySecret),
        payload: { email: "owner@example.com", password },
      });
    for (let i = 0; i < 10; i++) expect((await loginVia(attacker, `wrong guess ${i}`)).status).toBe(401);
    expect((await loginVia(attacker, STRONG_PASSWORD)).status).toBe(429);
    // The attacker shares the gateway's socket with every visitor, yet the owner is not locked out.
    expect((await loginVia(owner, STRONG_PASSWORD)).status).toBe(200);
    const events = await call<{ items: Array<{ type: string; ip_address: string | null }> }>(ctx.app, {
      method: "GET",
      url: "/api/v1/admin/security-events?limit=50",
      token: admin.access_token,
      remoteAddress: freshAddress(),
    });
    const failed = events.body.data.items.filter((e) => e.type === "login_failed");
    expect(failed.length).toBe(10);
    expect(new Set(failed.map((e) => e.ip_address))).toEqual(new Set([attacker]));
  });
});

describe("per-account threshold", () => {
  it("slows down instead of refusing the owner's correct password from a client that has not failed", async () => {
    await register(ctx.app, "target@example.com");
    // 100 failures in the last half hour from 100 other clients: the account's threshold (inserted directly: 100
    // argon2 checks would only slow the test down).
    await ctx.database.db.execute(
      sql`insert into login_failures (email_key, client_key, created_at) select 'target@example.com', 'client-' || g, now() - interval '30 minutes' from generate_series(1, 100) g`,
    );
    // One of those clients comes back: it has failed on this account, so it is refused even with the password.
    const cipher = new FieldCipher(ctx.config.encryptionKey);
    const known = freshAddress();
    await ctx.database.db.execute(
      sql`update login_failures set client_key = ${cipher.keyedHash(known)} where client_key = 'client-1'`,
    );
    const refused = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: known,
      payload: { email: "target@example.com", password: STRONG_PASSWORD },
    });
    expect(refused.status).toBe(429);
    const ownerAddress = freshAddress();
    const owner = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: ownerAddress,
      payload: { email: "target@example.com", password: STRONG_PASSWORD },
    });
    expect(owner.status).toBe(200);
    // A fresh attacker address gets one (slowed) wrong guess, then it has failed and is refused.
    const newcomer = freshAddress();
    const first = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: newcomer,
      payload: { email: "target@example.com", password: "one more guess" },
    });
    expect(first.status).toBe(401);
    const second = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: newcomer,
      payload: { email: "target@example.com", password: STRONG_PASSWORD },
    });
    expect(second.status).toBe(429);
    expect(second.body.error?.code).toBe("RATE_LIMITED");
    expect((await login(ctx.app, "target@example.com")).status).toBe(200);
  }, 30_000);
});
