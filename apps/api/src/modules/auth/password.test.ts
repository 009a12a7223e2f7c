import { describe, expect, it } from "vitest";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password.js";

describe("argon2id passwords", () => {
  it("verify the right password only, and never throw on a malformed hash", async () => {
    const h = await hashPassword("river stone cloud");
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, "river stone cloud")).toBe(true);
    expect(await verifyPassword(h, "river stone clouds")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });

  it("burn a check for unknown accounts without failing", async () => {
    await expect(burnPasswordCheck("anything at all")).resolves.toBeUndefined();
  });
});
