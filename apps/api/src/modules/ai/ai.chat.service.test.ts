import type { ChatBody } from "@lumen/contracts";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "../../lib/errors.js";
import { failure } from "../../lib/errors.testing.js";
import type { AccessService, LessonContext } from "../access/access.service.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { AiLimits } from "./ai.budget.js";
import { createMemoryCache } from "./ai.cache.js";
import { createChatService, type OfflineTutor, type Retrieval } from "./ai.chat.service.js";
import type { Passage } from "./ai.context.js";
import type { LlmProvider, LlmRequest, LlmUsage } from "./ai.provider.js";
import type { AiRepo, ConversationRow } from "./ai.repo.js";

const LEA = { userId: "lea", role: "student" } as AuthContext;
const TOM = { userId: "tom", role: "student" } as AuthContext;
const LIMITS: AiLimits = { userDailyLimit: 2, premiumDailyLimit: 5, platformDailyLimit: 100, cacheTtlSeconds: 3600 };
const LESSON_CTX = {
  course: { id: "course-1", creatorId: "ada", status: "published", isFree: true },
  lesson: { id: "lesson-1", courseId: "course-1", title: "Comets", kind: "text", durationSeconds: 0 },
  enrolled: true,
} as unknown as LessonContext & { enrolled: boolean };

/** The lesson's only passage: questions about comets find it, anything else finds nothing. */
const COMETS: Passage = {
  courseId: "course-1",
  lessonId: "lesson-1",
  lessonTitle: "Comets",
  courseTitle: "Astronomy",
  source: "lesson",
  heading: "Comets",
  text: "Comets are made of ice and dust. Near the Sun the ice turns to gas and forms a glowing tail.",
  cues: [],
  startSeconds: null,
};
const NOT_COVERED = "The course material doesn't cover that yet.";

const ask = (message: string, over: Partial<ChatBody> = {}): ChatBody => ({ message, lesson_id: "lesson-1", ...over });

/** A model that cites the first passage (a grounded answer), one that cites nothing, and one that is down. */
const MODEL = {
  cites: async () => ({ text: "Comets are ice and dust [1].", inputTokens: 1000, outputTokens: 200 }),
  citesNothing: async () => ({ text: "I can't find that in your course.", inputTokens: 900, outputTokens: 20 }),
  down: async (): Promise<never> => {
    throw new AppError("SERVICE_UNAVAILABLE", "The AI tutor is unavailable right now.");
  },
};

type UsageRow = { id: string; userId: string; status: "reserved" | "ok" | "failed"; cached: boolean };
type ChatStore = Pick<
  AiRepo,
  | "reserve"
  | "settle"
  | "refund"
  | "recordCached"
  | "findUser"
  | "recentQuestions"
  | "openQuizzes"
  | "findConversation"
  | "messages"
  | "createConversation"
  | "appendExchange"
>;

/**
 * The chat service over in-memory collaborators and a real in-memory answer cache. `usage` is the usage log as
 * the repository keeps it: `reserve` counts the user's reserved and settled rows against their limit, as the
 * SQL does. `spent` fills it with answers already charged today; `model` plugs in an LLM, offline without one.
 */
function setup(opts: { model?: (req: LlmRequest) => Promise<{ text: string } & LlmUsage>; spent?: number } = {}) {
  const usage: UsageRow[] = Array.from({ length: opts.spent ?? 0 }, (_, i) => ({
    id: `spent-${i + 1}`,
    userId: LEA.userId,
    status: "ok",
    cached: false,
  }));
  const counted = (userId: string) =>
    usage.filter((u) => u.userId === userId && !u.cached && u.status !== "failed").length;
  const repo: ChatStore = {
    reserve: vi.fn(async (input) => {
      const used = counted(input.userId);
      if (used >= input.userLimit) return { ok: false as const, scope: "user" as const, used, limit: input.userLimit };
      const id = `usage-${usage.length + 1}`;
      usage.push({ id, userId: input.userId, status: "reserved", cached: false });
      return { ok: true as const, usageId: id, used: used + 1, limit: input.userLimit };
    }),
    settle: vi.fn(async (usageId: string) => {
      for (const u of usage) if (u.id === usageId) u.status = "ok";
    }),
    refund: vi.fn(async (usageId: string) => {
      for (const u of usage) if (u.id === usageId) u.status = "failed";
    }),
    recordCached: vi.fn(async (input) => {
      usage.push({ id: `usage-${usage.length + 1}`, userId: input.userId, status: "ok", cached: true });
    }),
    findUser: vi.fn(async () => undefined),
    recentQuestions: vi.fn(async () => []),
    openQuizzes: vi.fn(async () => []),
    findConversation: vi.fn(async () => undefined),
    messages: vi.fn(async () => []),
    createConversation: vi.fn(
      async (values): Promise<ConversationRow> => ({
        ...values,
        id: `conversation-${values.userId}`,
        createdAt: new Date("2026-11-02T10:00:00Z"),
        updatedAt: new Date("2026-11-02T10:00:00Z"),
      }),
    ),
    appendExchange: vi.fn(async () => {}),
  };
  const access: Pick<AccessService, "readableLesson" | "visibleCourse" | "canManage" | "enrolledCourse"> = {
    readableLesson: vi.fn(async () => LESSON_CTX),
    visibleCourse: vi.fn(async () => LESSON_CTX.course),
    canManage: vi.fn(() => false),
    enrolledCourse: vi.fn(async () => LESSON_CTX.course),
  };
  const retrieval: Retrieval = {
    search: vi.fn(async ({ query }) => (/comet/i.test(query) ? [COMETS] : [])),
    lessonPassages: vi.fn(async () => [COMETS]),
  };
  // Grounded exactly when a passage was found: the budget rules only look at that flag.
  const compose = vi.fn(({ passages }: { passages: Passage[] }) => {
    const first = passages[0];
    if (!first?.lessonId) return { answer: NOT_COVERED, citations: [], grounded: false };
    return {
      answer: `${first.text} [1]`,
      citations: [{ lesson_id: first.lessonId, title: first.heading, excerpt: first.text }],
      grounded: true,
    };
  });
  const offline: OfflineTutor = { composeAnswer: compose, composeSummary: compose };
  const llm = opts.model
    ? {
        name: "anthropic" as const,
        model: "claude-haiku-test",
        generate: vi.fn(opts.model),
        stream: vi.fn(() => {
          throw new Error("not streamed: these tests pass no onDelta");
        }),
        generateObject: vi.fn(async () => {
          throw new Error("the chat never asks for structured output");
        }),
      }
    : null;
  const analytics = { record: vi.fn(async () => {}) };
  const service = createChatService({
    // The service takes whole collaborators; it only ever calls what these fakes provide.
    repo: repo as AiRepo,
    access: access as AccessService,
    enrollments: { listForUser: vi.fn(async () => []) },
    retrieval,
    offline,
    llm: llm satisfies LlmProvider | null,
    cache: createMemoryCache(),
    analytics,
    limits: LIMITS,
  });
  return { service, repo, access, usage, llm, compose, analytics };
}

describe("the tutor's budget, offline", () => {
  it("a grounded answer reserves one unit of the learner's limit and settles it", async () => {
    const { service, repo, usage } = setup();
    const result = await service.chat(LEA, ask("What are comets made of?"));
    expect(result).toMatchObject({ grounded: true, cached: false, provider: "offline", model: "lumen-offline-1" });
    expect(repo.reserve).toHaveBeenCalledTimes(1);
    expect(repo.reserve).toHaveBeenCalledWith(
      expect.objectContaining({ userId: "lea", kind: "chat", userLimit: LIMITS.userDailyLimit }),
    );
    expect(repo.settle).toHaveBeenCalledWith("usage-1", {
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      latencyMs: expect.any(Number),
    });
    expect(usage).toEqual([{ id: "usage-1", userId: "lea", status: "ok", cached: false }]);
  });

  it("a question the material does not cover costs nothing: no unit is reserved", async () => {
    const { service, repo, usage } = setup();
    const result = await service.chat(LEA, ask("What is the capital of Mongolia?"));
    expect(result).toMatchObject({ answer: NOT_COVERED, grounded: false, cached: false });
    expect(repo.reserve).not.toHaveBeenCalled();
    expect(usage).toEqual([]);
  });

  it("a cache hit charges nothing, records a cached usage row, and is served even with the budget spent", async () => {
    const { service, repo, usage, compose } = setup({ spent: LIMITS.userDailyLimit - 1 });
    expect((await service.chat(LEA, ask("What are comets made of?"))).cached).toBe(false);
    const hit = await service.chat(LEA, ask("what are comets made of"));
    expect(hit).toMatchObject({ cached: true, grounded: true });
    expect(compose).toHaveBeenCalledTimes(1);
    expect(repo.reserve).toHaveBeenCalledTimes(1);
    expect(repo.recordCached).toHaveBeenCalledWith({
      userId: "lea",
      kind: "chat",
      provider: "offline",
      model: "lumen-offline-1",
      latencyMs: expect.any(Number),
    });
    expect(usage.filter((u) => u.cached)).toEqual([{ id: "usage-3", userId: "lea", status: "ok", cached: true }]);
  });

  it("offline answers are shared: another learner asking the same gets the cached answer", async () => {
    const { service, repo, compose } = setup();
    await service.chat(LEA, ask("What are comets made of?"));
    const tom = await service.chat(TOM, ask("What are comets made of?"));
    expect(tom).toMatchObject({ cached: true, grounded: true });
    expect(compose).toHaveBeenCalledTimes(1);
    expect(repo.reserve).toHaveBeenCalledTimes(1);
  });

  it("past the daily limit a grounded answer is 429 AI_LIMIT_EXCEEDED, while a refusal is still free", async () => {
    const { service, repo } = setup({ spent: LIMITS.userDailyLimit });
    const err = await failure(service.chat(LEA, ask("What are comets made of?")));
    expect(err).toMatchObject({
      status: 429,
      code: "AI_LIMIT_EXCEEDED",
      details: { scope: "user", limit: LIMITS.userDailyLimit },
    });
    expect(repo.appendExchange).not.toHaveBeenCalled();
    expect((await service.chat(LEA, ask("What is the capital of Mongolia?"))).grounded).toBe(false);
  });
});

describe("the tutor's budget, with a model", () => {
  it("a grounded answer is settled with the model's tokens and cost", async () => {
    const { service, repo, usage, llm } = setup({ model: MODEL.cites });
    const result = await service.chat(LEA, ask("What are comets made of?"));
    expect(result).toMatchObject({ grounded: true, provider: "anthropic", model: "claude-haiku-test" });
    expect(llm?.generate).toHaveBeenCalledTimes(1);
    expect(repo.settle).toHaveBeenCalledWith("usage-1", {
      inputTokens: 1000,
      outputTokens: 200,
      // Haiku: $1 in, $5 out per million tokens.
      costUsd: 0.002,
      latencyMs: expect.any(Number),
    });
    expect(repo.refund).not.toHaveBeenCalled();
    expect(usage).toEqual([{ id: "usage-1", userId: "lea", status: "ok", cached: false }]);
  });

  it("an answer citing nothing is refunded, and not cached", async () => {
    const { service, repo, usage, llm } = setup({ model: MODEL.citesNothing });
    const result = await service.chat(LEA, ask("What are comets made of?"));
    expect(result).toMatchObject({ grounded: false, cached: false });
    expect(repo.refund).toHaveBeenCalledWith("usage-1", expect.any(Number));
    expect(repo.settle).not.toHaveBeenCalled();
    expect(usage).toEqual([{ id: "usage-1", userId: "lea", status: "failed", cached: false }]);
    expect((await service.chat(LEA, ask("What are comets made of?"))).cached).toBe(false);
    expect(llm?.generate).toHaveBeenCalledTimes(2);
  });

  it("a provider error refunds the unit and reaches the caller unchanged, recording no exchange", async () => {
    const { service, repo, usage } = setup({ model: MODEL.down });
    const err = await failure(service.chat(LEA, ask("What are comets made of?")));
    expect(err).toMatchObject({ status: 503, code: "SERVICE_UNAVAILABLE" });
    expect(repo.refund).toHaveBeenCalledWith("usage-1", expect.any(Number));
    expect(repo.settle).not.toHaveBeenCalled();
    expect(usage).toEqual([{ id: "usage-1", userId: "lea", status: "failed", cached: false }]);
    expect(repo.appendExchange).not.toHaveBeenCalled();
  });

  it("a question no passage covers is answered offline for free, without calling the model", async () => {
    const { service, repo, llm } = setup({ model: MODEL.cites });
    const result = await service.chat(LEA, ask("What is the capital of Mongolia?"));
    expect(result).toMatchObject({ answer: NOT_COVERED, grounded: false });
    expect(llm?.generate).not.toHaveBeenCalled();
    expect(repo.reserve).not.toHaveBeenCalled();
  });

  it("past the daily limit answers 429 AI_LIMIT_EXCEEDED and never calls the model", async () => {
    const { service, repo, llm } = setup({ model: MODEL.cites, spent: LIMITS.userDailyLimit });
    const err = await failure(service.chat(LEA, ask("What are comets made of?")));
    expect(err).toMatchObject({ status: 429, code: "AI_LIMIT_EXCEEDED", details: { scope: "user" } });
    expect(err.headers?.["retry-after"]).toMatch(/^[1-9]\d*$/);
    expect(llm?.generate).not.toHaveBeenCalled();
    expect(repo.refund).not.toHaveBeenCalled();
    expect(repo.appendExchange).not.toHaveBeenCalled();
  });

  it("caches answers per learner: the same question from another learner asks the model again", async () => {
    const { service, repo, llm } = setup({ model: MODEL.cites });
    await service.chat(LEA, ask("What are comets made of?"));
    expect((await service.chat(LEA, ask("What are comets made of?"))).cached).toBe(true);
    expect(llm?.generate).toHaveBeenCalledTimes(1);
    const tom = await service.chat(TOM, ask("What are comets made of?"));
    expect(tom.cached).toBe(false);
    expect(llm?.generate).toHaveBeenCalledTimes(2);
    expect(repo.reserve).toHaveBeenLastCalledWith(expect.objectContaining({ userId: "tom" }));
  });
});

describe("the question's scope", () => {
  it("a video position without its lesson is a VALIDATION_ERROR, before any access check or charge", async () => {
    const { service, access, repo } = setup();
    const err = await failure(
      service.chat(LEA, { message: "What are comets made of?", course_id: "course-1", position_seconds: 42 }),
    );
    expect(err).toMatchObject({
      status: 400,
      code: "VALIDATION_ERROR",
      details: { in: "body", fields: { position_seconds: ["Send lesson_id with position_seconds"] } },
    });
    expect(access.visibleCourse).not.toHaveBeenCalled();
    expect(access.readableLesson).not.toHaveBeenCalled();
    expect(repo.reserve).not.toHaveBeenCalled();
  });
});
