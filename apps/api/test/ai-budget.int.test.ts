import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "./helpers.js";
import { askTutor, buildTutorWorld, enrollDirectly, learner, type TutorWorld } from "./security/tutor-fixtures.js";

/** Issue 13 item 4: the daily budget counts answers only; refusals and "not covered" cost nothing. */
describe("the tutor's daily budget", () => {
  let ctx: TestContext;
  let world: TutorWorld;
  let student: Session;

  beforeAll(async () => {
    ctx = await createTestContext({
      config: {
        ai: {
          timeoutMs: 5000,
          maxOutputTokens: 400,
          userDailyLimit: 2,
          premiumDailyLimit: 2,
          platformDailyLimit: 100,
          cacheTtlSeconds: 3600,
        },
      },
    });
    world = await buildTutorWorld(ctx);
    student = await learner(ctx, "budget@example.com");
    await enrollDirectly(ctx, student, world.freeCourseId);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const used = async () =>
    (await call<{ used: number }>(ctx.app, { method: "GET", url: "/api/v1/ai/usage/me", token: student.access_token }))
      .body.data.used;

  it("charges answers, not refusals, and still refuses for free past the limit", async () => {
    for (const message of ["What is the capital of Mongolia?", "Who won the 1998 football world cup?"]) {
      const res = await askTutor(ctx, student, { message, lesson_id: world.freeLessonId });
      expect(res.status).toBe(200);
      expect(res.body.data.grounded).toBe(false);
    }
    expect(await used()).toBe(0);
    for (const message of ["What are comets made of?", "What forms the glowing tail of a comet?"]) {
      const res = await askTutor(ctx, student, { message, lesson_id: world.freeLessonId });
      expect(res.status).toBe(200);
      expect(res.body.data.grounded).toBe(true);
    }
    expect(await used()).toBe(2);
    const over = await askTutor(ctx, student, {
      message: "When does a comet's ice turn to gas?",
      lesson_id: world.freeLessonId,
    });
    expect(over.status).toBe(429);
    expect(over.body.error?.code).toBe("AI_LIMIT_EXCEEDED");
    const refusal = await askTutor(ctx, student, {
      message: "What is the capital of Peru?",
      lesson_id: world.freeLessonId,
    });
    expect(refusal.status).toBe(200);
    expect(refusal.body.data.grounded).toBe(false);
    expect(await used()).toBe(2);
  });
});
