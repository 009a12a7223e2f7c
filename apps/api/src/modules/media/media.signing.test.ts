import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createMediaSigner } from "./media.signing.js";

const ID = "0b7e3c1a-8f0e-4c1e-9a55-3f2d8e1b6c70";
const at = (seconds: number) => () => seconds * 1000;
const expOf = (url: string) => Number(new URL(url, "http://x").searchParams.get("exp"));

describe("media signer", () => {
  const key = randomBytes(32);

  it("gives the same URL throughout a quarter of the lifetime, so caches hit", () => {
    const ttl = 4 * 3600;
    const a = createMediaSigner(key, ttl, at(1_700_000_000)).url(ID);
    const b = createMediaSigner(key, ttl, at(1_700_000_000 + 60)).url(ID);
    expect(a).toBe(b);
    expect(a).toMatch(new RegExp(`^/api/v1/media/${ID}\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}$`));
  });

  it("keeps a link alive between the TTL and 1.25 times the TTL", () => {
    const ttl = 3600;
    for (const now of [1_700_000_000, 1_700_000_001, 1_700_000_899, 1_700_000_900]) {
      const lifetime = expOf(createMediaSigner(key, ttl, at(now)).url(ID)) - now;
      expect(lifetime).toBeGreaterThanOrEqual(ttl);
      expect(lifetime).toBeLessThan(ttl * 1.25);
    }
  });

  it("verifies its own links until they expire, and nothing signed with another key", () => {
    const url = createMediaSigner(key, 3600, at(1_700_000_000)).url(ID);
    const params = new URL(url, "http://x").searchParams;
    const exp = params.get("exp") ?? undefined;
    const sig = params.get("sig") ?? undefined;
    const later = createMediaSigner(key, 3600, at(expOf(url) - 1));
    expect(later.verify(ID, exp, sig)).toBe(expOf(url));
    expect(later.secondsLeft(expOf(url))).toBe(1);
    expect(() => createMediaSigner(key, 3600, at(expOf(url))).verify(ID, exp, sig)).toThrowError(
      expect.objectContaining({ code: "FORBIDDEN", details: { reason: "expired" } }),
    );
    expect(() => createMediaSigner(randomBytes(32), 3600, at(1_700_000_000)).verify(ID, exp, sig)).toThrowError(
      expect.objectContaining({ details: { reason: "invalid_signature" } }),
    );
  });
});
