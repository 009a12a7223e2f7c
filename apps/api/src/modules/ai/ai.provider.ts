import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { embedMany, generateText, type LanguageModel, Output, streamText } from "ai";
import type { z } from "zod";
import { AppError } from "../../lib/errors.js";

/**
 * The LLM vendor adapter: Claude through the Anthropic Messages API, or any OpenAI-compatible server
 * (Ollama, vLLM, llama.cpp…). The offline tutor needs no LLM and is selected when neither is configured.
 */
export type ProviderName = "anthropic" | "openai-compatible" | "offline";

export interface AiSettings {
  anthropicApiKey?: string | undefined;
  anthropicBaseUrl?: string | undefined;
  openaiBaseUrl?: string | undefined;
  openaiApiKey?: string | undefined;
  model?: string | undefined;
  /** An OpenAI-compatible server's embedding model (e.g. nomic-embed-text); Claude has no embeddings API. */
  embeddingModel?: string | undefined;
  timeoutMs: number;
  maxOutputTokens: number;
}

export interface LlmMessage {
  role: "user" | "assistant";
  content: string;
}

export interface LlmRequest {
  system: string;
  messages: LlmMessage[];
  maxOutputTokens?: number;
}

export interface LlmUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface LlmProvider {
  readonly name: Exclude<ProviderName, "offline">;
  readonly model: string;
  generate(req: LlmRequest): Promise<{ text: string } & LlmUsage>;
  /** Text deltas as they arrive; `done` resolves with the whole text and usage. */
  stream(req: LlmRequest): { textStream: AsyncIterable<string>; done: Promise<{ text: string } & LlmUsage> };
  /** Structured output validated by the Zod schema (the SDK retries nothing: the caller decides). */
  generateObject<T>(schema: z.ZodType<T>, req: LlmRequest): Promise<{ object: T } & LlmUsage>;
}

export const DEFAULT_ANTHROPIC_MODEL = "claude-sonnet-4-5";
export const DEFAULT_OPENAI_COMPATIBLE_MODEL = "llama3.1";

/** USD per million tokens (input, output), for the usage log's estimated cost. Local servers cost nothing. */
const PRICES: Array<{ match: RegExp; input: number; output: number }> = [
  { match: /opus/i, input: 15, output: 75 },
  { match: /sonnet/i, input: 3, output: 15 },
  { match: /haiku/i, input: 1, output: 5 },
];

export function estimateCostUsd(provider: ProviderName, model: string, usage: LlmUsage): number {
  if (provider !== "anthropic") return 0;
  const price = PRICES.find((p) => p.match.test(model)) ?? { input: 3, output: 15 };
  return Math.round(((usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000) * 1e6) / 1e6;
}

/** Provider failures and timeouts become 503 SERVICE_UNAVAILABLE: the tutor is down, not the request wrong. */
function unavailable(provider: string, err: unknown): AppError {
  const timedOut =
    err instanceof Error &&
    (err.name === "TimeoutError" || err.name === "AbortError" || /aborted|timeout/i.test(err.message));
  return new AppError(
    "SERVICE_UNAVAILABLE",
    timedOut
      ? "The AI tutor took too long to answer. Try again in a moment."
      : "The AI tutor is unavailable right now. Try again in a moment.",
    { provider, reason: timedOut ? "timeout" : "provider_error" },
  );
}

function llmProvider(
  name: LlmProvider["name"],
  model: LanguageModel,
  modelId: string,
  settings: AiSettings,
): LlmProvider {
  const common = (req: LlmRequest) => ({
    model,
    system: req.system,
    messages: req.messages,
    maxOutputTokens: req.maxOutputTokens ?? settings.maxOutputTokens,
    maxRetries: 0,
    abortSignal: AbortSignal.timeout(settings.timeoutMs),
  });
  const usageOf = (u: { inputTokens: number | undefined; outputTokens: number | undefined }): LlmUsage => ({
    inputTokens: u.inputTokens ?? 0,
    outputTokens: u.outputTokens ?? 0,
  });
  return {
    name,
    model: modelId,
    async generate(req) {
      try {
        const result = await generateText(common(req));
        return { text: result.text, ...usageOf(result.usage) };
      } catch (err) {
        throw unavailable(name, err);
      }
    },
    stream(req) {
      let failure: unknown = null;
      const result = streamText({
        ...common(req),
        onError: ({ error }) => {
          failure = error;
        },
      });
      async function* deltas() {
        for await (const delta of result.textStream) yield delta;
        if (failure) throw unavailable(name, failure);
      }
      const done = (async () => {
        const [text, usage] = await Promise.all([result.text, result.totalUsage]);
        if (failure) throw unavailable(name, failure);
        return { text, ...usageOf(usage) };
      })();
      done.catch(() => {});
      return { textStream: deltas(), done };
    },
    async generateObject(schema, req) {
      try {
        const result = await generateText({ ...common(req), output: Output.object({ schema }) });
        return { object: result.output as never, ...usageOf(result.usage) };
      } catch (err) {
        if (err instanceof Error && /No object generated|did not match|validation|parse/i.test(err.message)) throw err;
        throw unavailable(name, err);
      }
    },
  };
}

/** Claude when ANTHROPIC_API_KEY is set, an OpenAI-compatible server when AI_BASE_URL is, else null (offline). */
export function createLlmProvider(settings: AiSettings): LlmProvider | null {
  if (settings.anthropicApiKey) {
    const anthropic = createAnthropic({
      apiKey: settings.anthropicApiKey,
      ...(settings.anthropicBaseUrl ? { baseURL: settings.anthropicBaseUrl } : {}),
    });
    const model = settings.model ?? DEFAULT_ANTHROPIC_MODEL;
    return llmProvider("anthropic", anthropic(model), model, settings);
  }
  if (settings.openaiBaseUrl) {
    const server = createOpenAICompatible({
      name: "openai-compatible",
      baseURL: settings.openaiBaseUrl,
      ...(settings.openaiApiKey ? { apiKey: settings.openaiApiKey } : {}),
    });
    const model = settings.model ?? DEFAULT_OPENAI_COMPATIBLE_MODEL;
    return llmProvider("openai-compatible", server.chatModel(model), model, settings);
  }
  return null;
}

/** Embeddings from the OpenAI-compatible server when it offers them (AI_EMBEDDING_MODEL); null otherwise. */
export function createProviderEmbedder(
  settings: AiSettings,
): { model: string; dimensions: number; embed(texts: string[]): Promise<number[][]> } | null {
  if (!settings.openaiBaseUrl || !settings.embeddingModel || settings.anthropicApiKey) return null;
  const server = createOpenAICompatible({
    name: "openai-compatible",
    baseURL: settings.openaiBaseUrl,
    ...(settings.openaiApiKey ? { apiKey: settings.openaiApiKey } : {}),
  });
  const model = server.textEmbeddingModel(settings.embeddingModel);
  const embedder = {
    model: `openai-compatible:${settings.embeddingModel}`,
    dimensions: 0,
    async embed(texts: string[]): Promise<number[][]> {
      if (texts.length === 0) return [];
      const { embeddings } = await embedMany({
        model,
        values: texts,
        maxRetries: 1,
        abortSignal: AbortSignal.timeout(settings.timeoutMs),
      });
      embedder.dimensions = embeddings[0]?.length ?? 0;
      // Unit length, like the local embedder, so cosine and pgvector's <=> agree.
      return embeddings.map((v) => {
        const norm = Math.hypot(...v) || 1;
        return v.map((x) => x / norm);
      });
    },
  };
  return embedder;
}
