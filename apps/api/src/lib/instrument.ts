import type { AnswerCache } from "../modules/ai/ai.cache.js";
import { estimateCostUsd, type LlmProvider, type LlmUsage } from "../modules/ai/ai.provider.js";
import type { AnalyticsRecorder } from "../modules/analytics/analytics.recorder.js";
import type { Metrics } from "./metrics.js";

/**
 * Decorators that count what passes through an interface, so the services stay free of metrics code:
 * app.ts wraps the real implementation before handing it to the services.
 */

export function instrumentCache(cache: AnswerCache, name: string, metrics: Metrics): AnswerCache {
  return {
    async get<T>(key: string) {
      const value = await cache.get<T>(key);
      metrics.cache.inc({ cache: name, result: value === null ? "miss" : "hit" });
      return value;
    },
    set: (key, value, ttl) => cache.set(key, value, ttl),
  };
}

export function instrumentLlm(llm: LlmProvider, metrics: Metrics): LlmProvider {
  const provider = llm.name;
  const settle = <T extends LlmUsage>(started: number, work: Promise<T>): Promise<T> =>
    work.then(
      (result) => {
        metrics.ai.latency.observe({ provider }, (performance.now() - started) / 1000);
        metrics.ai.requests.inc({ provider, outcome: "ok" });
        metrics.ai.tokens.inc({ provider, direction: "input" }, result.inputTokens);
        metrics.ai.tokens.inc({ provider, direction: "output" }, result.outputTokens);
        metrics.ai.cost.inc({ provider }, estimateCostUsd(provider, llm.model, result));
        return result;
      },
      (err: unknown) => {
        metrics.ai.requests.inc({ provider, outcome: "error" });
        throw err;
      },
    );
  return {
    name: llm.name,
    model: llm.model,
    generate: (req) => settle(performance.now(), llm.generate(req)),
    generateObject: (schema, req) => settle(performance.now(), llm.generateObject(schema, req)),
    stream(req) {
      const started = performance.now();
      const result = llm.stream(req);
      return { textStream: result.textStream, done: settle(started, result.done) };
    },
  };
}

/** Learning events (enrollments, completions, quiz attempts, tutor questions) as business counters. */
export function instrumentRecorder(recorder: AnalyticsRecorder, metrics: Metrics): AnalyticsRecorder {
  return {
    async record(event, tx) {
      await recorder.record(event, tx);
      metrics.business.inc({ event: event.type });
    },
  };
}
