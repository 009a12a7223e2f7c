import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createLlmProvider, estimateCostUsd, type LlmProvider } from "../src/modules/ai/ai.provider.js";
import { type LlmStub, startAnthropicStub, startOpenAiStub } from "./support/llm-stubs.js";

const request = {
  system: "You are a tutor. <source id=1>Plants make sugar.</source>",
  messages: [{ role: "user" as const, content: "Why?" }],
  maxOutputTokens: 321,
};

describe("anthropic provider against a Messages API server", () => {
  let stub: LlmStub;
  let provider: LlmProvider;
  beforeAll(async () => {
    stub = await startAnthropicStub();
    provider = createLlmProvider({
      anthropicApiKey: "test-key",
      anthropicBaseUrl: stub.url,
      model: "claude-sonnet-4-5",
      timeoutMs: 2000,
      maxOutputTokens: 500,
    }) as LlmProvider;
  });
  afterAll(async () => stub?.close());

  it("sends the model, system prompt, messages and token limit, and reads text and usage", async () => {
    stub.reply({ text: "Because light powers it [1].", inputTokens: 200, outputTokens: 12 });
    const result = await provider.generate(request);
    expect(provider.name).toBe("anthropic");
    expect(result).toEqual({ text: "Because light powers it [1].", inputTokens: 200, outputTokens: 12 });
    const sent = stub.requests.at(-1);
    expect(sent?.path).toBe("/v1/messages");
    expect(sent?.headers["x-api-key"]).toBe("test-key");
    expect(sent?.body).toMatchObject({ model: "claude-sonnet-4-5", max_tokens: 321 });
    expect(JSON.stringify(sent?.body.system)).toContain("Plants make sugar.");
    expect(sent?.body.messages).toEqual([{ role: "user", content: [{ type: "text", text: "Why?" }] }]);
  });

  it("streams text deltas over SSE and reports usage at the end", async () => {
    stub.reply({ text: "The Calvin cycle spends ATP and NADPH to fix carbon.", outputTokens: 15 });
    const { textStream, done } = provider.stream(request);
    const deltas: string[] = [];
    for await (const d of textStream) deltas.push(d);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join("")).toBe("The Calvin cycle spends ATP and NADPH to fix carbon.");
    expect(await done).toMatchObject({ outputTokens: 15 });
    expect(stub.requests.at(-1)?.body.stream).toBe(true);
  });

  it("returns structured output validated by the schema", async () => {
    const schema = z.object({ questions: z.array(z.object({ question: z.string(), answer: z.string() })) });
    stub.reply({
      text: JSON.stringify({ questions: [{ question: "Where does the Calvin cycle run?", answer: "stroma" }] }),
    });
    const { object } = await provider.generateObject(schema, request);
    expect(object.questions[0]?.answer).toBe("stroma");
  });

  it("rejects structured output that does not match the schema", async () => {
    const schema = z.object({ questions: z.array(z.object({ question: z.string() })).min(1) });
    stub.reply({ text: JSON.stringify({ questions: "not a list" }) });
    await expect(provider.generateObject(schema, request)).rejects.toThrow();
  });

  it("turns a provider error into 503 SERVICE_UNAVAILABLE", async () => {
    stub.reply({ text: "", status: 500 });
    await expect(provider.generate(request)).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
  });

  it("gives up quickly on a slow provider with 503 SERVICE_UNAVAILABLE", async () => {
    const slow = createLlmProvider({
      anthropicApiKey: "k",
      anthropicBaseUrl: stub.url,
      timeoutMs: 200,
      maxOutputTokens: 100,
    }) as LlmProvider;
    stub.reply({ text: "late", delayMs: 3000 });
    await expect(slow.generate(request)).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      details: { reason: "timeout" },
    });
  });
});

describe("openai-compatible provider against a chat-completions server", () => {
  let stub: LlmStub;
  let provider: LlmProvider;
  beforeAll(async () => {
    stub = await startOpenAiStub();
    provider = createLlmProvider({
      openaiBaseUrl: stub.url,
      model: "llama3.1",
      timeoutMs: 2000,
      maxOutputTokens: 400,
    }) as LlmProvider;
  });
  afterAll(async () => stub?.close());

  it("sends the model, the system prompt as a system message and the token limit", async () => {
    stub.reply({ text: "Light reactions make ATP.", inputTokens: 50, outputTokens: 6 });
    const result = await provider.generate(request);
    expect(provider.name).toBe("openai-compatible");
    expect(result).toEqual({ text: "Light reactions make ATP.", inputTokens: 50, outputTokens: 6 });
    const sent = stub.requests.at(-1);
    expect(sent?.path).toBe("/v1/chat/completions");
    expect(sent?.body).toMatchObject({ model: "llama3.1", max_tokens: 321 });
    const messages = sent?.body.messages as Array<{ role: string; content: string }>;
    expect(messages[0]).toMatchObject({ role: "system" });
    expect(messages[0]?.content).toContain("Plants make sugar.");
    expect(messages[1]).toMatchObject({ role: "user", content: "Why?" });
  });

  it("streams deltas over SSE", async () => {
    stub.reply({ text: "Chlorophyll absorbs red and blue light." });
    const { textStream, done } = provider.stream(request);
    let text = "";
    for await (const d of textStream) text += d;
    expect(text).toBe("Chlorophyll absorbs red and blue light.");
    expect((await done).text).toBe(text);
  });
});

describe("provider selection and cost", () => {
  it("is offline (no LLM) without a key or a base URL", () => {
    expect(createLlmProvider({ timeoutMs: 1000, maxOutputTokens: 100 })).toBeNull();
  });

  it("estimates Claude's cost per token and nothing for local servers", () => {
    expect(estimateCostUsd("anthropic", "claude-sonnet-4-5", { inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBe(
      18,
    );
    expect(estimateCostUsd("openai-compatible", "llama3.1", { inputTokens: 5000, outputTokens: 5000 })).toBe(0);
  });
});
