import { seedDemo } from "@lumen/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/modules/auth/password.js";
import { call, createTestContext, register, type TestContext } from "./helpers.js";

type Path = { items: Array<{ kind: string; course_id: string; title: string; reason: string }> };

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.database.db, { hashPassword });
});
afterAll(async () => ctx?.close());

describe("learning goals in the learning path", () => {
  it("puts a course that matches a goal first and says which goal", async () => {
    const me = await register(ctx.app, "goals@path.test");
    const path = async () =>
      (await call<Path>(ctx.app, { method: "GET", url: "/api/v1/ai/learning-path", token: me.access_token })).body.data
        .items;
    const before = await path();
    expect(before.some((i) => i.reason.startsWith("Matches your goal"))).toBe(false);

    const saved = await call(ctx.app, {
      method: "PATCH",
      url: "/api/v1/users/me",
      token: me.access_token,
      payload: { learning_goals: ["Travel in Spain", "of the and"] },
    });
    expect(saved.status).toBe(200);
    const after = await path();
    expect(after[0]).toMatchObject({ kind: "next_course", title: "Spanish for Travellers" });
    expect(after[0]?.reason).toMatch(/^Matches your goal “Travel in Spain”/);
    // A goal of stop words alone matches nothing and breaks nothing.
    expect(after.filter((i) => i.reason.includes("of the and"))).toEqual([]);
  });
});
