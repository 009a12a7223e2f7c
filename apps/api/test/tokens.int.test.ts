import { createHmac } from "node:crypto";
import { decodeJwt, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, register, type Session, type TestContext } from "./helpers.js";

let ctx: TestContext;
let session: Session;
let claims: Record<string, unknown>;

beforeAll(async () => {
  ctx = await createTestContext();
  session = await register(ctx.app, "jwt@example.com");
  claims = decodeJwt(session.access_token);
});
afterAll(async () => ctx?.close());

const me = (token: string) => call(ctx.app, { method: "GET", url: "/api/v1/auth/me", token });
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");

/** A compact token signed with the platform's secret by hand, for headers and claims jose would not produce. */
const hmacSigned = (header: string, payload: string) =>
  `${header}.${payload}.${createHmac("sha256", ctx.config.jwt.secret).update(`${header}.${payload}`).digest("base64url")}`;

async function sign(
  overrides: Record<string, unknown>,
  opts: { secret?: string; alg?: string; exp?: number; aud?: string; iss?: string } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  const { sub, role, sid, ver, typ } = claims as Record<string, string | number>;
  return new SignJWT({ role, sid, ver, typ, ...overrides })
    .setProtectedHeader({ alg: opts.alg ?? "HS256" })
    .setSubject(String(sub))
    .setIssuer(opts.iss ?? ctx.config.jwt.issuer)
    .setAudience(opts.aud ?? ctx.config.jwt.audience)
    .setIssuedAt(now)
    .setExpirationTime(opts.exp ?? now + 900)
    .setJti("test-jti")
    .sign(new TextEncoder().encode(opts.secret ?? ctx.config.jwt.secret));
}

describe("access tokens", () => {
  it("carry sub, role, iat, exp, jti, iss, aud and typ, and last 15 minutes", () => {
    expect(claims).toMatchObject({
      sub: session.user.id,
      role: "student",
      iss: "lumen",
      aud: "lumen-api",
      typ: "access",
    });
    expect(typeof claims.jti).toBe("string");
    expect((claims.exp as number) - (claims.iat as number)).toBe(900);
  });

  it("are accepted when genuine", async () => {
    expect((await me(session.access_token)).status).toBe(200);
    expect((await me(await sign({}))).status).toBe(200);
  });

  it("are refused with alg none", async () => {
    const [, payload] = session.access_token.split(".");
    const unsigned = `${b64({ alg: "none", typ: "JWT" })}.${payload}.`;
    const res = await me(unsigned);
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe("UNAUTHORIZED");
  });

  it("are refused when signed with another key", async () => {
    expect((await me(await sign({}, { secret: "another-secret-another-secret-another-secret" }))).status).toBe(401);
  });

  it("are refused with an algorithm outside the allowlist, even with the right key", async () => {
    expect((await me(await sign({}, { alg: "HS512" }))).status).toBe(401);
  });

  it("are refused for another audience or issuer", async () => {
    expect((await me(await sign({}, { aud: "another-api" }))).status).toBe(401);
    expect((await me(await sign({}, { iss: "someone-else" }))).status).toBe(401);
  });

  it("are refused once expired", async () => {
    const res = await me(await sign({}, { exp: Math.floor(Date.now() / 1000) - 5 }));
    expect(res.status).toBe(401);
    expect(res.body.error?.message).toMatch(/expired/i);
  });

  it("are refused when their typ is not access", async () => {
    expect((await me(await sign({ typ: "refresh" }))).status).toBe(401);
  });

  it("are refused when tampered with", async () => {
    const [h, , s] = session.access_token.split(".");
    const tampered = `${h}.${b64({ ...claims, role: "admin" })}.${s}`;
    expect((await me(tampered)).status).toBe(401);
  });

  it("are refused when a signature is spelled differently, even if it decodes to the same bytes", async () => {
    const token = await sign({});
    expect((await me(`${token}=`)).status).toBe(401);
    expect((await me(`${token}*`)).status).toBe(401);
    expect((await me(`${token}.`)).status).toBe(401);
  });

  it("are refused when their header asks for critical extensions", async () => {
    const [, payload] = (await sign({})).split(".");
    expect((await me(hmacSigned(b64({ alg: "HS256", crit: ["exp"] }), payload ?? ""))).status).toBe(401);
    expect((await me(hmacSigned(b64({ alg: "HS256", typ: "JWT" }), payload ?? ""))).status).toBe(200);
  });

  it("are refused before their not-before time, or without a jti", async () => {
    expect((await me(await sign({ nbf: Math.floor(Date.now() / 1000) + 600 }))).status).toBe(401);
    const [header, payload] = (await sign({})).split(".");
    const { jti: _jti, ...withoutJti } = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as object & {
      jti?: string;
    };
    expect((await me(hmacSigned(header ?? "", b64(withoutJti)))).status).toBe(401);
  });

  it("take the role from the account, not from the token", async () => {
    const res = await call<{ user: { role: string } }>(ctx.app, {
      method: "GET",
      url: "/api/v1/admin/users",
      token: await sign({ role: "admin" }),
    });
    expect(res.status).toBe(403);
  });

  it("are refused for a session that does not exist", async () => {
    expect((await me(await sign({ sid: "00000000-0000-4000-8000-000000000000" }))).status).toBe(401);
  });

  it("make a public route answer 401 when invalid, so clients know to refresh", async () => {
    const res = await call(ctx.app, { method: "GET", url: "/api/v1/courses", token: "garbage.token.value" });
    expect(res.status).toBe(401);
  });
});
