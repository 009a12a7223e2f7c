import { createHash } from "node:crypto";
import { execRows } from "@lumen/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  call,
  createTestContext,
  fieldsOf,
  login,
  outbox,
  register,
  type Session,
  STRONG_PASSWORD,
  type TestContext,
} from "./helpers.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());
beforeEach(async () => ctx.reset());

const post = (url: string, payload?: unknown, token?: string) =>
  call<Session>(ctx.app, {
    method: "POST",
    url: `/api/v1${url}`,
    ...(payload !== undefined ? { payload: payload as object } : {}),
    ...(token ? { token } : {}),
  });
const me = (token: string) =>
  call<{ user: Session["user"] }>(ctx.app, { method: "GET", url: "/api/v1/auth/me", token });

describe("register", () => {
  it("creates a student account, returns a token pair and sets the refresh cookie", async () => {
    const { status, body, res } = await post("/auth/register", {
      email: "Ana@Example.com",
      password: STRONG_PASSWORD,
      full_name: "Ana",
    });
    expect(status).toBe(201);
    expect(body.success).toBe(true);
    expect(body.data.user).toMatchObject({
      email: "Ana@Example.com",
      role: "student",
      premium_status: false,
      email_verified: false,
    });
    expect(body.data).toMatchObject({ token_type: "bearer", expires_in: 900 });
    expect(body.data.refresh_token.length).toBeGreaterThanOrEqual(43);
    expect(body.data.user).not.toHaveProperty("password_hash");
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/lumen_refresh=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(typeof body.timestamp).toBe("string");
  });

  it("ignores role, premium_status and other privileged fields in the body", async () => {
    const { body } = await post("/auth/register", {
      email: "sneaky@example.com",
      password: STRONG_PASSWORD,
      full_name: "Sneaky",
      role: "admin",
      premium_status: true,
      email_verified: true,
      stats: { lessons_completed: 999 },
    });
    expect(body.data.user).toMatchObject({ role: "student", premium_status: false, email_verified: false });
    const stored = await me(body.data.access_token);
    expect(stored.body.data.user.role).toBe("student");
  });

  it("refuses a duplicate email in another case with 409", async () => {
    await register(ctx.app, "dup@example.com");
    const { status, body } = await post("/auth/register", {
      email: "DUP@EXAMPLE.COM",
      password: STRONG_PASSWORD,
      full_name: "Dup",
    });
    expect(status).toBe(409);
    expect(body.error?.code).toBe("CONFLICT");
  });

  it("lets exactly one of many concurrent registrations of one email win, with no 500", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        post("/auth/register", {
          email: i % 2 ? "race@example.com" : "RACE@example.com",
          password: STRONG_PASSWORD,
          full_name: `R${i}`,
        }),
      ),
    );
    const statuses = attempts.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(5);
  });

  it.each([
    [{ email: "not-an-email", password: STRONG_PASSWORD, full_name: "X" }, "email"],
    [{ email: "a@example.com", password: "short", full_name: "X" }, "password"],
    [{ email: "a@example.com", password: "x".repeat(129), full_name: "X" }, "password"],
    [{ email: "a@example.com", password: "password123", full_name: "X" }, "password"],
    [{ email: "a@example.com", password: "1234567890", full_name: "X" }, "password"],
    [{ email: "a@example.com", password: STRONG_PASSWORD, full_name: "" }, "full_name"],
    [{ email: "a@example.com", password: STRONG_PASSWORD }, "full_name"],
    [{ email: 42, password: STRONG_PASSWORD, full_name: "X" }, "email"],
  ])("rejects %j naming the bad field %s", async (payload, field) => {
    const { status, body } = await post("/auth/register", payload);
    expect(status).toBe(400);
    expect(body.error?.code).toBe("VALIDATION_ERROR");
    expect(fieldsOf(body)).toHaveProperty(field);
  });

  it("accepts a long passphrase with no composition rules", async () => {
    const { status } = await post("/auth/register", {
      email: "pass@example.com",
      password: "all lowercase words here",
      full_name: "P",
    });
    expect(status).toBe(201);
  });

  it("sends a verification email whose single-use link verifies the address", async () => {
    const s = await register(ctx.app, "verify@example.com");
    const mails = await outbox(ctx);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toContain("verify@example.com");
    const token = mails[0]?.token as string;
    expect(token.length).toBeGreaterThanOrEqual(43);
    const ok = await call<{ user: Session["user"] }>(ctx.app, {
      method: "GET",
      url: `/api/v1/auth/verify-email?token=${token}`,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data.user.email_verified).toBe(true);
    const again = await call(ctx.app, { method: "GET", url: `/api/v1/auth/verify-email?token=${token}` });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "CONFLICT", details: { reason: "already_verified" } });
    expect((await me(s.access_token)).body.data.user.email_verified).toBe(true);
  });

  it("tells a reused link of a verified address from a link that was replaced before it was used", async () => {
    const s = await register(ctx.app, "replaced@example.com");
    await post("/auth/verify-email/resend", undefined, s.access_token);
    const [old, fresh] = await outbox(ctx);
    const replaced = await call(ctx.app, { method: "GET", url: `/api/v1/auth/verify-email?token=${old?.token}` });
    expect(replaced.status).toBe(400);
    expect(replaced.body.error?.code).toBe("VALIDATION_ERROR");
    expect(
      (await call(ctx.app, { method: "GET", url: `/api/v1/auth/verify-email?token=${fresh?.token}` })).status,
    ).toBe(200);
    const reused = await call(ctx.app, { method: "GET", url: `/api/v1/auth/verify-email?token=${old?.token}` });
    expect(reused.status).toBe(409);
    expect(reused.body.error?.details).toEqual({ reason: "already_verified" });
    const unknown = await call(ctx.app, { method: "GET", url: `/api/v1/auth/verify-email?token=${"x".repeat(43)}` });
    expect(unknown.status).toBe(400);
  });

  it("stores verification tokens hashed, and refuses expired ones", async () => {
    await register(ctx.app, "exp@example.com");
    const [mail] = await outbox(ctx);
    const rows = await execRows<{ token_hash: string }>(ctx.database.db, sql`select token_hash from email_tokens`);
    expect(rows.rows[0]?.token_hash).not.toBe(mail?.token);
    await ctx.database.db.execute(sql`update email_tokens set expires_at = now() - interval '1 second'`);
    const res = await call(ctx.app, { method: "GET", url: `/api/v1/auth/verify-email?token=${mail?.token}` });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe("VALIDATION_ERROR");
  });

  it("rejects a verify-email call without a token", async () => {
    const res = await call(ctx.app, { method: "GET", url: "/api/v1/auth/verify-email" });
    expect(res.status).toBe(400);
    expect(res.body.error?.details?.in).toBe("querystring");
  });

  it("resends a verification email and the old link stops working", async () => {
    const s = await register(ctx.app, "resend@example.com");
    const resend = await post("/auth/verify-email/resend", undefined, s.access_token);
    expect(resend.status).toBe(200);
    const mails = await outbox(ctx);
    expect(mails).toHaveLength(2);
    const old = await call(ctx.app, { method: "GET", url: `/api/v1/auth/verify-email?token=${mails[0]?.token}` });
    expect(old.status).toBe(400);
    const fresh = await call(ctx.app, { method: "GET", url: `/api/v1/auth/verify-email?token=${mails[1]?.token}` });
    expect(fresh.status).toBe(200);
  });
});

describe("credentials at rest", () => {
  it("hash passwords with argon2id, m=19456 KiB, t=2", async () => {
    await register(ctx.app, "argon@example.com");
    const { rows } = await execRows<{ password_hash: string }>(ctx.database.db, sql`select password_hash from users`);
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("store refresh tokens only as their SHA-256", async () => {
    const s = await register(ctx.app, "hashed@example.com");
    const { rows } = await execRows<{ token_hash: string }>(
      ctx.database.db,
      sql`select token_hash from refresh_tokens`,
    );
    const expected = createHash("sha256").update(s.refresh_token).digest("hex");
    expect(rows.map((r) => r.token_hash)).toEqual([expected]);
  });

  it("give verification links 24 hours", async () => {
    await register(ctx.app, "day@example.com");
    await ctx.app.mail.flush(); // the link is minted after the answer
    const { rows } = await execRows<{ hours: number }>(
      ctx.database.db,
      sql`select extract(epoch from (expires_at - created_at)) / 3600 as hours from email_tokens where purpose = 'verify_email'`,
    );
    expect(Number(rows[0]?.hours)).toBeCloseTo(24, 2);
  });
});

describe("login", () => {
  it("signs in with the email in any case", async () => {
    await register(ctx.app, "case@example.com");
    const { status, body } = await login(ctx.app, "CASE@example.COM");
    expect(status).toBe(200);
    expect(body.data.user.email).toBe("case@example.com");
  });

  it("answers the same 401 for a wrong password and an unknown email", async () => {
    await register(ctx.app, "known@example.com");
    const wrong = await login(ctx.app, "known@example.com", "wrong password here");
    const unknown = await login(ctx.app, "nobody@example.com", "wrong password here");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error?.message).toBe(unknown.body.error?.message);
  });

  it("validates the body", async () => {
    const { status, body } = await post("/auth/login", { email: "nope" });
    expect(status).toBe(400);
    expect(Object.keys(fieldsOf(body))).toEqual(expect.arrayContaining(["email", "password"]));
  });
});

describe("refresh", () => {
  it("rotates the refresh token: the new one works, the old one is spent", async () => {
    const s = await register(ctx.app, "rot@example.com");
    const first = await post("/auth/refresh", { refresh_token: s.refresh_token });
    expect(first.status).toBe(200);
    expect(first.body.data.refresh_token).not.toBe(s.refresh_token);
    const second = await post("/auth/refresh", { refresh_token: first.body.data.refresh_token });
    expect(second.status).toBe(200);
  });

  it("revokes the whole family when a spent token is presented after its successor was used", async () => {
    const s = await register(ctx.app, "reuse@example.com");
    const next = await post("/auth/refresh", { refresh_token: s.refresh_token });
    const successor = await post("/auth/refresh", { refresh_token: next.body.data.refresh_token });
    const latest = await post("/auth/refresh", { refresh_token: successor.body.data.refresh_token });
    expect(latest.status).toBe(200);
    const reuse = await post("/auth/refresh", { refresh_token: next.body.data.refresh_token });
    expect(reuse.status).toBe(401);
    // The legitimate holder's newer token and access token of that session die with the family.
    const afterTheft = await post("/auth/refresh", { refresh_token: latest.body.data.refresh_token });
    expect(afterTheft.status).toBe(401);
    expect((await me(latest.body.data.access_token)).status).toBe(401);
    const events = await execRows<{ type: string }>(
      ctx.database.db,
      sql`select type from security_events where type = 'refresh_token_reuse'`,
    );
    expect(events.rows).toHaveLength(1);
  });

  it("lets a refresh whose answer was lost be retried with the old token, once, within the grace", async () => {
    const s = await register(ctx.app, "lost-answer@example.com");
    // The browser left the page mid-refresh: this pair never reached it.
    const lost = await post("/auth/refresh", { refresh_token: s.refresh_token });
    expect(lost.status).toBe(200);
    const retry = await post("/auth/refresh", { refresh_token: s.refresh_token });
    expect(retry.status).toBe(200);
    expect((await me(retry.body.data.access_token)).status).toBe(200);
    // The pair that was lost can no longer refresh: the session keeps one live refresh token.
    expect((await post("/auth/refresh", { refresh_token: lost.body.data.refresh_token })).status).toBe(401);
    expect((await me(retry.body.data.access_token)).status).toBe(401);
    const events = await execRows<{ id: string }>(
      ctx.database.db,
      sql`select id from security_events where type = 'refresh_token_reuse' and user_id = ${s.user.id}`,
    );
    expect(events.rows).toHaveLength(1);
  });

  it("treats the old token as reuse once the grace is over, even if its successor was never used", async () => {
    const s = await register(ctx.app, "late-retry@example.com");
    const next = await post("/auth/refresh", { refresh_token: s.refresh_token });
    expect(next.status).toBe(200);
    await ctx.database.db.execute(
      sql`update refresh_tokens set used_at = used_at - interval '31 seconds' where user_id = ${s.user.id} and used_at is not null`,
    );
    expect((await post("/auth/refresh", { refresh_token: s.refresh_token })).status).toBe(401);
    expect((await post("/auth/refresh", { refresh_token: next.body.data.refresh_token })).status).toBe(401);
  });

  it("reads the refresh token from the httpOnly cookie when the body has none", async () => {
    const s = await register(ctx.app, "cookie@example.com");
    const res = await call<Session>(ctx.app, {
      method: "POST",
      url: "/api/v1/auth/refresh",
      cookies: { lumen_refresh: s.refresh_token },
    });
    expect(res.status).toBe(200);
    expect(String(res.res.headers["set-cookie"])).toContain(`lumen_refresh=${res.body.data.refresh_token}`);
  });

  it("refuses an unknown, a malformed and a missing refresh token", async () => {
    expect((await post("/auth/refresh", { refresh_token: "x".repeat(43) })).status).toBe(401);
    expect((await post("/auth/refresh", { refresh_token: "short" })).status).toBe(400);
    expect((await post("/auth/refresh", {})).status).toBe(401);
  });

  it("refuses a refresh token past its 7-day lifetime", async () => {
    const s = await register(ctx.app, "old@example.com");
    await ctx.database.db.execute(sql`update refresh_tokens set expires_at = now() - interval '1 second'`);
    expect((await post("/auth/refresh", { refresh_token: s.refresh_token })).status).toBe(401);
  });

  it("refuses to refresh beyond the session's absolute end", async () => {
    const s = await register(ctx.app, "abs@example.com");
    await ctx.database.db.execute(sql`update auth_sessions set expires_at = now() - interval '1 second'`);
    expect((await post("/auth/refresh", { refresh_token: s.refresh_token })).status).toBe(401);
  });

  it("issues refresh tokens valid for 7 days", async () => {
    await register(ctx.app, "seven@example.com");
    const rows = await execRows<{ days: number }>(
      ctx.database.db,
      sql`select extract(epoch from (expires_at - created_at)) / 86400 as days from refresh_tokens`,
    );
    expect(Number(rows.rows[0]?.days)).toBeCloseTo(7, 2);
  });
});

describe("logout", () => {
  it("revokes the refresh token and the access tokens of that session, but not other sessions", async () => {
    const a = await register(ctx.app, "out@example.com");
    const other = (await login(ctx.app, "out@example.com")).body.data;
    const res = await post("/auth/logout", { refresh_token: a.refresh_token });
    expect(res.status).toBe(200);
    expect(String(res.res.headers["set-cookie"])).toMatch(/lumen_refresh=;/);
    expect((await me(a.access_token)).status).toBe(401);
    expect((await post("/auth/refresh", { refresh_token: a.refresh_token })).status).toBe(401);
    expect((await me(other.access_token)).status).toBe(200);
  });

  it("ends the bearer token's session when no refresh token is given", async () => {
    const a = await register(ctx.app, "out2@example.com");
    expect((await post("/auth/logout", {}, a.access_token)).status).toBe(200);
    expect((await me(a.access_token)).status).toBe(401);
  });

  it("asks for a token when given neither", async () => {
    expect((await post("/auth/logout", {})).status).toBe(401);
  });
});

describe("password reset", () => {
  it("answers the same for unknown emails and sends nothing", async () => {
    const res = await post("/auth/reset-password", { email: "ghost@example.com" });
    expect(res.status).toBe(200);
    expect(await outbox(ctx)).toHaveLength(0);
    await register(ctx.app, "real@example.com");
    const known = await post("/auth/reset-password", { email: "real@example.com" });
    expect(known.status).toBe(200);
    expect(known.body.message).toBe(res.body.message);
  });

  it("sets the new password with the emailed token, once, and ends every session", async () => {
    const s = await register(ctx.app, "reset@example.com");
    await post("/auth/reset-password", { email: "RESET@example.com" });
    const mail = (await outbox(ctx)).find((m) => m.subject.includes("Reset"));
    expect(mail?.token).toBeTruthy();
    const newPassword = "a brand new passphrase";
    const ok = await post("/auth/reset-password", { token: mail?.token, new_password: newPassword });
    expect(ok.status).toBe(200);
    expect((await me(s.access_token)).status).toBe(401);
    expect((await post("/auth/refresh", { refresh_token: s.refresh_token })).status).toBe(401);
    expect((await login(ctx.app, "reset@example.com")).status).toBe(401);
    expect((await login(ctx.app, "reset@example.com", newPassword)).status).toBe(200);
    const reuse = await post("/auth/reset-password", { token: mail?.token, new_password: "yet another passphrase" });
    expect(reuse.status).toBe(400);
    const events = await execRows<{ type: string }>(
      ctx.database.db,
      sql`select type from security_events order by created_at`,
    );
    expect(events.rows.map((r) => r.type)).toEqual(
      expect.arrayContaining(["password_reset_requested", "password_reset"]),
    );
  });

  it("refuses a reset token after 30 minutes", async () => {
    await register(ctx.app, "late@example.com");
    await post("/auth/reset-password", { email: "late@example.com" });
    const mail = (await outbox(ctx)).find((m) => m.subject.includes("Reset"));
    await ctx.database.db.execute(
      sql`update email_tokens set created_at = created_at - interval '31 minutes', expires_at = expires_at - interval '31 minutes' where purpose = 'reset_password'`,
    );
    expect(
      (await post("/auth/reset-password", { token: mail?.token, new_password: "a brand new passphrase" })).status,
    ).toBe(400);
  });

  it("checks the new password against the policy and names the fields", async () => {
    const weak = await post("/auth/reset-password", { token: "x".repeat(43), new_password: "short" });
    expect(weak.status).toBe(400);
    expect(fieldsOf(weak.body)).toHaveProperty("new_password");
    const empty = await post("/auth/reset-password", {});
    expect(empty.status).toBe(400);
    expect(fieldsOf(empty.body)).toHaveProperty("email");
    const noPassword = await post("/auth/reset-password", { token: "x".repeat(43) });
    expect(fieldsOf(noPassword.body)).toHaveProperty("new_password");
  });

  it("stores the reset token hashed, with a 30-minute expiry", async () => {
    await register(ctx.app, "ttl@example.com");
    await post("/auth/reset-password", { email: "ttl@example.com" });
    const mail = (await outbox(ctx)).find((m) => m.subject.includes("Reset"));
    const rows = await execRows<{ token_hash: string; minutes: number }>(
      ctx.database.db,
      sql`select token_hash, extract(epoch from (expires_at - created_at)) / 60 as minutes from email_tokens where purpose = 'reset_password'`,
    );
    expect(rows.rows[0]?.token_hash).not.toContain(mail?.token as string);
    expect(Number(rows.rows[0]?.minutes)).toBeCloseTo(30, 1);
  });
});

describe("me", () => {
  it("needs a bearer token", async () => {
    const res = await call(ctx.app, { method: "GET", url: "/api/v1/auth/me" });
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe("UNAUTHORIZED");
    const bad = await call(ctx.app, { method: "GET", url: "/api/v1/auth/me", headers: { authorization: "Basic abc" } });
    expect(bad.status).toBe(401);
  });

  it("returns the user without secrets", async () => {
    const s = await register(ctx.app, "me@example.com");
    const res = await me(s.access_token);
    expect(res.body.data.user).toMatchObject({ email: "me@example.com", role: "student" });
    expect(JSON.stringify(res.body)).not.toMatch(/password|token_version|argon2/);
  });
});
