import { createHmac } from "node:crypto";
import { ACCESS_TOKEN_TTL_SECONDS } from "@lumen/contracts";
import { describe, expect, it } from "vitest";
import { createTokenSigner } from "./tokens.js";

const SECRET = "unit-test-secret-unit-test-secret-0123456789";
const ids = { userId: "u-1", role: "student" as const, sessionId: "s-1", tokenVersion: 0 };

function signer(clock: { ms: number }, remember?: number) {
  return createTokenSigner({
    secret: SECRET,
    issuer: "lumen",
    audience: "lumen-api",
    now: () => clock.ms,
    ...(remember === undefined ? {} : { remember }),
  });
}

/** A token signed with the right key over a payload of our choosing. */
function forge(payload: Record<string, unknown>, header: Record<string, unknown> = { alg: "HS256", typ: "JWT" }) {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const body = `${part(header)}.${part(payload)}`;
  return `${body}.${createHmac("sha256", SECRET).update(body).digest("base64url")}`;
}

describe("access tokens", () => {
  it("verifies what it signed, and refuses a changed signature, payload or algorithm", async () => {
    const clock = { ms: Date.parse("2026-12-01T10:00:00Z") };
    const tokens = signer(clock);
    const token = await tokens.sign(ids);
    expect(await tokens.verify(token)).toMatchObject({ sub: "u-1", sid: "s-1", role: "student", ver: 0 });
    const [h, p, sig = ""] = token.split(".");
    const flipped = `${h}.${p}.${sig.slice(0, -2)}${sig.endsWith("AA") ? "BA" : "AA"}`;
    await expect(tokens.verify(flipped)).rejects.toThrow("Invalid access token");
    const claims = JSON.parse(Buffer.from(p ?? "", "base64url").toString());
    const admin = Buffer.from(JSON.stringify({ ...claims, role: "admin" })).toString("base64url");
    await expect(tokens.verify(`${h}.${admin}.${sig}`)).rejects.toThrow("Invalid access token");
    await expect(tokens.verify(forge(claims, { alg: "none" }))).rejects.toThrow("Invalid access token");
    await expect(tokens.verify(forge({ ...claims, aud: "elsewhere" }))).rejects.toThrow("Invalid access token");
  });

  it("answers a token verified before from memory, its expiry still checked on every call", async () => {
    const clock = { ms: Date.parse("2026-12-01T10:00:00Z") };
    const tokens = signer(clock);
    const token = await tokens.sign(ids);
    const first = await tokens.verify(token);
    expect(await tokens.verify(token)).toBe(first); // the same claims, not verified again
    expect(Object.isFrozen(first)).toBe(true);
    clock.ms += ACCESS_TOKEN_TTL_SECONDS * 1000;
    await expect(tokens.verify(token)).rejects.toThrow("Access token expired");
    await expect(tokens.verify(token)).rejects.toThrow("Access token expired");
  });

  it("does not remember a token refused, nor one not valid yet, and forgets the oldest when full", async () => {
    const clock = { ms: Date.parse("2026-12-01T10:00:00Z") };
    const tokens = signer(clock, 2);
    const now = Math.floor(clock.ms / 1000);
    const claims = { sub: "u-1", role: "student", sid: "s-1", ver: 0, typ: "access", iss: "lumen", aud: "lumen-api" };
    const later = forge({ ...claims, jti: "j-0", iat: now, nbf: now + 60, exp: now + 600 });
    await expect(tokens.verify(later)).rejects.toThrow("Invalid access token");
    clock.ms += 60_000;
    expect((await tokens.verify(later)).jti).toBe("j-0");
    const [a, b, c] = [1, 2, 3].map((i) => forge({ ...claims, jti: `j-${i}`, iat: now, exp: now + 600 }));
    const kept = await tokens.verify(a ?? "");
    await tokens.verify(b ?? "");
    await tokens.verify(c ?? "");
    // `a` was pushed out by `c`: verified afresh (equal claims, another object).
    const again = await tokens.verify(a ?? "");
    expect(again).toEqual(kept);
    expect(again).not.toBe(kept);
  });
});
