import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FieldCipher, randomToken, sha256 } from "./crypto.js";

describe("FieldCipher", () => {
  const cipher = new FieldCipher(randomBytes(32));

  it("round-trips and never produces the same ciphertext twice", () => {
    const a = cipher.encrypt("203.0.113.7");
    const b = cipher.encrypt("203.0.113.7");
    expect(a).not.toBe(b);
    expect(a).not.toContain("203.0.113.7");
    expect(cipher.decrypt(a)).toBe("203.0.113.7");
  });

  it("detects tampering (GCM authentication)", () => {
    const sealed = cipher.encrypt("secret");
    const parts = sealed.split(".");
    const ct = Buffer.from(parts[3] as string, "base64url");
    ct[0] = (ct[0] ?? 0) ^ 1;
    parts[3] = ct.toString("base64url");
    expect(() => cipher.decrypt(parts.join("."))).toThrow();
  });

  it("refuses data sealed with another key", () => {
    const other = new FieldCipher(randomBytes(32));
    expect(() => other.decrypt(cipher.encrypt("x"))).toThrow();
  });

  it("keeps null as null", () => {
    expect(cipher.encryptNullable(null)).toBeNull();
    expect(cipher.decryptNullable(null)).toBeNull();
  });

  it("gives a stable keyed hash per key", () => {
    expect(cipher.keyedHash("1.2.3.4")).toBe(cipher.keyedHash("1.2.3.4"));
    expect(new FieldCipher(randomBytes(32)).keyedHash("1.2.3.4")).not.toBe(cipher.keyedHash("1.2.3.4"));
  });
});

describe("tokens", () => {
  it("are at least 256 bits of URL-safe randomness", () => {
    const t = randomToken();
    expect(Buffer.from(t, "base64url")).toHaveLength(32);
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(t);
  });

  it("hash to 64 hex characters", () => {
    expect(sha256("abc")).toMatch(/^[0-9a-f]{64}$/);
  });
});
