import { describe, expect, it } from "vitest";
import { passwordSchema, registerBodySchema, resetPasswordBodySchema } from "./auth.js";
import { isCommonPassword } from "./common-passwords.js";

describe("password policy", () => {
  it("accepts 10 to 128 characters with no composition rules", () => {
    expect(passwordSchema.safeParse("plainwords").success).toBe(true);
    expect(passwordSchema.safeParse("river stone cloud").success).toBe(true);
    expect(passwordSchema.safeParse("a".repeat(9)).success).toBe(false);
    expect(passwordSchema.safeParse(`x${"y".repeat(127)}`).success).toBe(true);
    expect(passwordSchema.safeParse("z".repeat(129)).success).toBe(false);
  });

  it("refuses the most common passwords, repeats and keyboard runs, in any case", () => {
    for (const p of [
      "Password123",
      "qwertyuiop",
      "1234567890",
      "ILOVEYOU123",
      "aaaaaaaaaaaa",
      "abcabcabcabc",
      "0987654321",
    ]) {
      expect(isCommonPassword(p)).toBe(true);
    }
    expect(isCommonPassword("purple elephant dances")).toBe(false);
  });
});

describe("register body", () => {
  it("trims the email and name, and ignores unknown fields", () => {
    const parsed = registerBodySchema.parse({
      email: " a@example.com ",
      password: "river stone cloud",
      full_name: " Ann ",
      role: "admin",
    });
    expect(parsed).toEqual({ email: "a@example.com", password: "river stone cloud", full_name: "Ann" });
  });
});

describe("reset-password body", () => {
  it("takes an email, or a token with a new password", () => {
    expect(resetPasswordBodySchema.safeParse({ email: "a@example.com" }).success).toBe(true);
    expect(
      resetPasswordBodySchema.safeParse({ token: "t".repeat(43), new_password: "river stone cloud" }).success,
    ).toBe(true);
    expect(resetPasswordBodySchema.safeParse({ token: "t".repeat(43) }).success).toBe(false);
    expect(resetPasswordBodySchema.safeParse({}).success).toBe(false);
  });
});
