// OWASP API2:2023 Broken Authentication: forged, tampered, expired and replayed tokens.
import { createSecretKey, randomUUID } from "node:crypto";
import { decodeJwt, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, outbox, register, type Session } from "../helpers.js";
import { buildWorld, call, snapshot, type World } from "./world.js";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(async () => w?.ctx.close());

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");

/** A token with the real claims of `s`, re-signed with `secret` and changed by `edit`. */
async function forge(s: Session, opts: { secret?: string; edit?: Record<string, unknown>; exp?: number } = {}) {
  const claims = { ...decodeJwt(s.access_token), ...(opts.edit ?? {}) };
  const key = createSecretKey(Buffer.from(opts.secret ?? w.ctx.config.jwt.secret, "utf8"));
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" });
  if (opts.exp !== undefined) jwt.setExpirationTime(opts.exp);
  return jwt.sign(key);
}

describe("API2 forged and tampered access tokens", () => {
  const cases: Array<[string, () => Promise<string>]> = [
    [
      "alg none, claiming admin",
      async () => {
        const claims = { ...decodeJwt(w.learner.access_token), role: "admin" };
        return `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`;
      },
    ],
    [
      "a payload changed to admin under the original signature",
      async () => {
        const [h, , sig] = w.learner.access_token.split(".");
        return `${h}.${b64({ ...decodeJwt(w.learner.access_token), role: "admin" })}.${sig}`;
      },
    ],
    [
      "signed with another secret",
      () => forge(w.learner, { secret: "not-the-secret-not-the-secret-123", edit: { role: "admin" } }),
    ],
    ["expired an hour ago", () => forge(w.learner, { exp: Math.floor(Date.now() / 1000) - 3600 })],
    ["another audience", () => forge(w.learner, { edit: { aud: "someone-else" } })],
    ["another issuer", () => forge(w.learner, { edit: { iss: "evil" } })],
    ["an unknown session", () => forge(w.learner, { edit: { sid: randomUUID() } })],
    ["a stale token version", () => forge(w.learner, { edit: { ver: 999 } })],
    ["another user's subject under the learner's session", () => forge(w.learner, { edit: { sub: w.admin.user.id } })],
    ["the wrong token type", () => forge(w.learner, { edit: { typ: "refresh" } })],
    [
      "HS512 instead of HS256",
      async () => {
        const key = createSecretKey(Buffer.from(w.ctx.config.jwt.secret, "utf8"));
        return new SignJWT({ ...decodeJwt(w.learner.access_token) }).setProtectedHeader({ alg: "HS512" }).sign(key);
      },
    ],
    ["garbage", async () => "not.a.token"],
    ["the refresh token used as an access token", async () => w.learner.refresh_token],
  ];
  it.each(cases)("refuses %s (401 UNAUTHORIZED) and changes nothing", async (_n, make) => {
    const token = await make();
    const before = await snapshot(w.ctx);
    for (const url of ["/api/v1/auth/me", "/api/v1/admin/users"]) {
      const res = await call(w.ctx.app, { method: "GET", url, token });
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 401, code: "UNAUTHORIZED" });
    }
    const write = await call(w.ctx.app, {
      method: "PUT",
      url: `/api/v1/admin/users/${w.learner.user.id}`,
      token,
      payload: { role: "admin" },
    });
    expect(write.status).toBe(401);
    expect(await snapshot(w.ctx)).toEqual(before);
  });
});

describe("API2 replayed refresh tokens and ended sessions", () => {
  it("revokes the whole family when a spent refresh token is replayed", async () => {
    const s = await register(w.ctx.app, "replay@example.com");
    const first = await call<Session>(w.ctx.app, {
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refresh_token: s.refresh_token },
    });
    expect(first.status).toBe(200);
    // The legitimate client moves on (so the old token is no lost-answer retry), then the thief replays it.
    const second = await call<Session>(w.ctx.app, {
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refresh_token: first.body.data.refresh_token },
    });
    expect(second.status).toBe(200);
    const replay = await call(w.ctx.app, {
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refresh_token: s.refresh_token },
    });
    expect({ status: replay.status, code: replay.body.error?.code }).toEqual({ status: 401, code: "UNAUTHORIZED" });
    // The replay ended the session: the legitimate newest pair is dead too.
    const next = await call(w.ctx.app, {
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refresh_token: second.body.data.refresh_token },
    });
    expect(next.status).toBe(401);
    const me = await call(w.ctx.app, { method: "GET", url: "/api/v1/auth/me", token: second.body.data.access_token });
    expect(me.status).toBe(401);
  });

  it("refuses an access token after logout", async () => {
    const s = (await login(w.ctx.app, w.outsider.user.email)).body.data;
    const out = await call(w.ctx.app, {
      method: "POST",
      url: "/api/v1/auth/logout",
      token: s.access_token,
      payload: { refresh_token: s.refresh_token },
    });
    expect(out.status).toBe(200);
    const me = await call(w.ctx.app, { method: "GET", url: "/api/v1/auth/me", token: s.access_token });
    expect({ status: me.status, code: me.body.error?.code }).toEqual({ status: 401, code: "UNAUTHORIZED" });
  });

  it("refuses a made-up refresh token", async () => {
    const before = await snapshot(w.ctx);
    const res = await call(w.ctx.app, {
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refresh_token: "A".repeat(43) },
    });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 401, code: "UNAUTHORIZED" });
    expect(await snapshot(w.ctx)).toEqual(before);
  });

  it("uses a password-reset link once, and ends every session it had", async () => {
    const s = await register(w.ctx.app, "reset-once@example.com");
    await call(w.ctx.app, { method: "POST", url: "/api/v1/auth/reset-password", payload: { email: s.user.email } });
    await w.ctx.app.mail.flush();
    const mail = (await outbox(w.ctx)).filter((m) => m.to.includes("reset-once") && /reset/i.test(m.subject)).at(-1);
    expect(mail?.token).toBeTruthy();
    const payload = { token: mail?.token, new_password: "a brand new passphrase here" };
    const first = await call(w.ctx.app, { method: "POST", url: "/api/v1/auth/reset-password", payload });
    expect(first.status).toBe(200);
    const again = await call(w.ctx.app, {
      method: "POST",
      url: "/api/v1/auth/reset-password",
      payload: { ...payload, new_password: "the attacker's passphrase" },
    });
    expect({ status: again.status, code: again.body.error?.code }).toEqual({ status: 400, code: "VALIDATION_ERROR" });
    expect((await call(w.ctx.app, { method: "GET", url: "/api/v1/auth/me", token: s.access_token })).status).toBe(401);
    expect((await login(w.ctx.app, s.user.email, "the attacker's passphrase")).status).toBe(401);
  });

  it("refuses a forged email-verification token", async () => {
    const before = await snapshot(w.ctx);
    const res = await call(w.ctx.app, { method: "GET", url: `/api/v1/auth/verify-email?token=${"B".repeat(43)}` });
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 400, code: "VALIDATION_ERROR" });
    expect(await snapshot(w.ctx)).toEqual(before);
  });

  it("refuses a wrong password with the same answer as an unknown account", async () => {
    const wrong = await login(w.ctx.app, w.learner.user.email, "definitely not the password");
    const unknown = await login(w.ctx.app, "nobody-here@example.com", "definitely not the password");
    expect({ status: wrong.status, code: wrong.body.error?.code }).toEqual({ status: 401, code: "UNAUTHORIZED" });
    expect(unknown.body.error).toEqual(wrong.body.error);
  });
});
