import { execRows } from "@lumen/db";
import { seedDemo } from "@lumen/db/seed";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/modules/auth/password.js";
import { call, createTestContext, login, register, type Session, type TestContext } from "./helpers.js";
import { type LlmStub, startAnthropicStub } from "./support/llm-stubs.js";

type Generated = {
  questions: Array<{
    question: string;
    type: string;
    options: string[];
    correct_answer: unknown;
    explanation: string;
    source: { lesson_id: string; start_seconds?: number };
  }>;
  provider: string;
};

async function demo(ctx: TestContext) {
  await seedDemo(ctx.database.db, { hashPassword });
  await ctx.app.ai.indexAll();
  const [lesson] = (
    await execRows<{ id: string; course_id: string }>(
      ctx.database.db,
      sql`select id, course_id from lessons where title = 'The Calvin cycle'`,
    )
  ).rows;
  return lesson as { id: string; course_id: string };
}

const generate = (ctx: TestContext, who: Session, lessonId: string, extra: object = {}) =>
  call<Generated>(ctx.app, {
    method: "POST",
    url: "/api/v1/ai/quiz-generate",
    token: who.access_token,
    payload: { lesson_id: lessonId, num_questions: 4, difficulty: "medium", ...extra },
  });

describe("quiz generation offline (NLP)", () => {
  let ctx: TestContext;
  let lesson: { id: string; course_id: string };
  let ada: Session;
  beforeAll(async () => {
    ctx = await createTestContext();
    lesson = await demo(ctx);
    ada = (await login(ctx.app, "ada@lumen.dev", "lumen-creator-demo")).body.data as Session;
  });
  afterAll(async () => ctx?.close());

  it("builds valid questions from the lesson, each pointing at its source second", async () => {
    const res = await generate(ctx, ada, lesson.id);
    expect(res.status).toBe(200);
    expect(res.body.data.provider).toBe("offline");
    expect(res.body.data.questions.length).toBeGreaterThan(0);
    expect(res.body.data.questions.length).toBeLessThanOrEqual(4);
    for (const q of res.body.data.questions) {
      expect(q.source.lesson_id).toBe(lesson.id);
      // Explanations say why with the lesson's own sentence and where it is said.
      expect(q.explanation).toMatch(/“The Calvin cycle”, at \d+:\d\d/);
      expect(q).not.toHaveProperty("kind");
      if (q.type === "single_choice") expect((q.correct_answer as number) < q.options.length).toBe(true);
      if (q.type === "true_false") expect(typeof q.correct_answer).toBe("boolean");
    }
  });

  it("is for the lesson's owner and enrolled learners only", async () => {
    const outsider = await register(ctx.app, "outsider@example.com");
    expect((await generate(ctx, outsider, lesson.id)).status).toBe(403);
    expect((await generate(ctx, ada, lesson.id, { num_questions: 21 })).status).toBe(400);
    expect((await generate(ctx, ada, lesson.id, { difficulty: "impossible" })).status).toBe(400);
  });
});

describe("quiz generation on Claude", () => {
  let ctx: TestContext;
  let stub: LlmStub;
  let lesson: { id: string; course_id: string };
  let ada: Session;
  beforeAll(async () => {
    stub = await startAnthropicStub();
    ctx = await createTestContext({
      config: {
        ai: {
          anthropicApiKey: "k",
          anthropicBaseUrl: stub.url,
          timeoutMs: 2000,
          maxOutputTokens: 800,
          userDailyLimit: 50,
          premiumDailyLimit: 50,
          platformDailyLimit: 100,
          cacheTtlSeconds: 0,
        },
      },
    });
    lesson = await demo(ctx);
    ada = (await login(ctx.app, "ada@lumen.dev", "lumen-creator-demo")).body.data as Session;
  });
  afterAll(async () => {
    await ctx?.close();
    await stub?.close();
  });

  const valid = {
    questions: [
      {
        question: "Where does the Calvin cycle run?",
        type: "single_choice",
        options: ["Stroma", "Thylakoid"],
        correct_answer: 0,
        explanation: "In the stroma.",
        source_id: 1,
      },
      {
        question: "The Calvin cycle makes ATP.",
        type: "true_false",
        options: ["True", "False"],
        correct_answer: false,
        explanation: "It spends ATP.",
        source_id: 1,
      },
    ],
  };

  it("returns the model's questions, validated, with sources mapped to lesson and second", async () => {
    stub.reply({ text: JSON.stringify(valid) });
    const res = await generate(ctx, ada, lesson.id, { num_questions: 2 });
    expect(res.status).toBe(200);
    expect(res.body.data.questions).toHaveLength(2);
    expect(res.body.data.questions[0]).toMatchObject({
      type: "single_choice",
      correct_answer: 0,
      source: { lesson_id: lesson.id },
    });
    expect(JSON.stringify(stub.requests.at(-1)?.body)).toContain("<source id=");
    // The model is told the kind of thinking the difficulty asks for, as the offline generator does it.
    expect(JSON.stringify(stub.requests.at(-1)?.body)).toContain("cause and effect");
  });

  it("retries invalid output once, then reports a clear error instead of passing it on", async () => {
    const bad = { questions: [{ ...valid.questions[0], correct_answer: 7 }] };
    let calls = 0;
    stub.reply(() => {
      calls++;
      return { text: JSON.stringify(calls === 1 ? bad : valid) };
    });
    const recovered = await generate(ctx, ada, lesson.id, { num_questions: 2 });
    expect(recovered.status).toBe(200);
    expect(calls).toBe(2);
    stub.reply({ text: JSON.stringify(bad) });
    const failed = await generate(ctx, ada, lesson.id, { num_questions: 2 });
    expect(failed.status).toBe(503);
    expect(failed.body.error?.details).toMatchObject({ reason: "invalid_output" });
  });
});
