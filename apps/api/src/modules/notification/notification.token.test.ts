import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUnsubscribeTokens } from "./notification.token.js";

const USER = "4f9c1a52-3b7e-4c1d-9a2e-1b2c3d4e5f60";

describe("unsubscribe tokens", () => {
  const tokens = createUnsubscribeTokens(randomBytes(32));

  it("name the user and kind they were signed for, as one URL-safe word", () => {
    const token = tokens.sign(USER, "lesson.published");
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(tokens.verify(token)).toEqual({ userId: USER, kind: "lesson.published" });
    expect(tokens.verify(tokens.sign(USER, "weekly.progress"))).toEqual({ userId: USER, kind: "weekly.progress" });
  });

  it("are refused when altered, truncated, or signed under another key", () => {
    const token = tokens.sign(USER, "payment.refunded");
    const flipped = `${token.slice(0, 5)}${token[5] === "A" ? "B" : "A"}${token.slice(6)}`;
    expect(tokens.verify(flipped)).toBeNull();
    expect(tokens.verify(token.slice(0, -1))).toBeNull();
    expect(tokens.verify("")).toBeNull();
    expect(createUnsubscribeTokens(randomBytes(32)).verify(token)).toBeNull();
  });
});
