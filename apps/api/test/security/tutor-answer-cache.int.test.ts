import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, type TestContext } from "../helpers.js";
import { type LlmStub, startAnthropicStub } from "../support/llm-stubs.js";
import { askTutor, buildTutorWorld, enrollDirectly, learner, PAID_MARKER, type TutorWorld } from "./tutor-fixtures.js";

/**
 * OWASP API3 (issue 11 item 2): the response cache only serves an answer to someone who would have produced
 * the same one: a buyer's answer with paid citations never reaches a non-buyer, and one learner's private
 * question, sent to the model as context, never comes back in another learner's answer.
 */
describe("the tutor's answer cache (offline)", () => {
  let ctx: TestContext;
  let world: TutorWorld;
  let stranger: Session;
  let buyer: Session;

  beforeAll(async () => {
    ctx = await createTestContext();
    world = await buildTutorWorld(ctx);
    stranger = await learner(ctx, "stranger@example.com");
    buyer = await learner(ctx, "buyer@example.com");
    await enrollDirectly(ctx, buyer, world.paidCourseId);
    for (const who of [stranger, buyer]) await enrollDirectly(ctx, who, world.freeCourseId);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("never serves a buyer's answer to a non-buyer, and still serves the buyer's repeat from the cache", async () => {
    const bought = await askTutor(ctx, buyer, { message: "Why do quasars shine?", lesson_id: world.previewLessonId });
    expect(bought.status).toBe(200);
    expect(bought.body.data.cached).toBe(false);
    expect(JSON.stringify(bought.body.data)).toContain(PAID_MARKER);

    const other = await askTutor(ctx, stranger, { message: "Why do quasars shine?", lesson_id: world.previewLessonId });
    expect(other.status).toBe(200);
    expect(other.body.data.cached).toBe(false);
    expect(JSON.stringify(other.body.data)).not.toContain(PAID_MARKER);
    expect(other.body.data.citations.some((c) => c.lesson_id === world.paidLessonId)).toBe(false);

    const again = await askTutor(ctx, buyer, { message: "why do quasars shine", lesson_id: world.previewLessonId });
    expect(again.body.data.cached).toBe(true);
    expect(again.body.data.answer).toBe(bought.body.data.answer);
  });

  it("a learner who shares what the other may read gets the cached answer", async () => {
    const first = await askTutor(ctx, stranger, { message: "What are comets made of?", lesson_id: world.freeLessonId });
    const second = await askTutor(ctx, buyer, { message: "What are comets made of?", lesson_id: world.freeLessonId });
    expect(first.body.data.cached).toBe(false);
    expect(second.body.data.cached).toBe(true);
    expect(second.body.data.answer).toBe(first.body.data.answer);
  });
});

describe("the tutor's answer cache (with a model)", () => {
  let ctx: TestContext;
  let stub: LlmStub;
  let world: TutorWorld;
  let alice: Session;
  let bob: Session;

  beforeAll(async () => {
    stub = await startAnthropicStub();
    ctx = await createTestContext({
      config: {
        ai: {
          anthropicApiKey: "sk-test",
          anthropicBaseUrl: stub.url,
          model: "claude-sonnet-4-5",
          timeoutMs: 5000,
          maxOutputTokens: 400,
          userDailyLimit: 50,
          premiumDailyLimit: 50,
          platformDailyLimit: 1000,
          cacheTtlSeconds: 3600,
        },
      },
    });
    world = await buildTutorWorld(ctx);
    alice = await learner(ctx, "alice@example.com");
    bob = await learner(ctx, "bob@example.com");
    for (const who of [alice, bob]) await enrollDirectly(ctx, who, world.freeCourseId);
    // A model that repeats the learner context it was given: the worst case for a shared cache.
    stub.reply((body) => {
      const system = JSON.stringify(body.system ?? "");
      const at = system.indexOf("Recent questions: ");
      const recent = at < 0 ? "none" : system.slice(at + 18, at + 218).split("\\n")[0];
      return { text: `Comets are icy bodies [1]. You recently asked: ${recent}` };
    });
  });
  afterAll(async () => {
    await ctx?.close();
    await stub?.close();
  });

  it("never puts one learner's private question into another learner's answer", async () => {
    const secret = "my exam password is tangerine77, what are comets?";
    expect((await askTutor(ctx, alice, { message: secret, lesson_id: world.freeLessonId })).status).toBe(200);
    const mine = await askTutor(ctx, alice, { message: "What is a comet tail?", lesson_id: world.freeLessonId });
    expect(mine.body.data.answer).toContain("tangerine77");

    const theirs = await askTutor(ctx, bob, { message: "What is a comet tail?", lesson_id: world.freeLessonId });
    expect(theirs.status).toBe(200);
    expect(theirs.body.data.cached).toBe(false);
    expect(theirs.body.data.answer).not.toContain("tangerine77");
  });

  it("still serves a learner's own repeated question from the cache without calling the model", async () => {
    const first = await askTutor(ctx, bob, { message: "How does a comet tail form?", lesson_id: world.freeLessonId });
    const calls = stub.requests.length;
    const again = await askTutor(ctx, bob, { message: "How does a comet tail form", lesson_id: world.freeLessonId });
    expect(again.body.data.cached).toBe(true);
    expect(again.body.data.answer).toBe(first.body.data.answer);
    expect(stub.requests.length).toBe(calls);
  });
});
