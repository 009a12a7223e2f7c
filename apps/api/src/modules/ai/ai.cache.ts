import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/** Answer cache: Redis when configured (shared by every instance), otherwise in process. Never fatal. */
export interface AnswerCache {
  get<T>(key: string): Promise<T | null>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
}

/** Case, spacing and trailing punctuation don't make a question different. */
export function normalizeQuestion(question: string): string {
  return question
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s?!.]+$/, "")
    .trim();
}

/**
 * The key of an answer: every input its prompt was built from, so the cache only ever serves an answer to
 * someone who would have produced the same one. `inputs` carries the passages retrieved for this caller
 * (so what they may read is part of the key), the mode, hint mode and withheld quiz answers, the learner
 * context and the conversation. `owner` scopes answers built with personal context (recent questions,
 * history) to their user: no one else's answer can echo them.
 */
export function cacheKey(parts: {
  question: string;
  provider: string;
  model: string;
  inputs: unknown;
  owner?: string | null;
}): string {
  const raw = JSON.stringify([
    normalizeQuestion(parts.question),
    parts.provider,
    parts.model,
    parts.owner ?? "",
    parts.inputs,
  ]);
  return `ai:answer:${createHash("sha256").update(raw).digest("hex")}`;
}

export function createMemoryCache(maxEntries = 5000, now: () => number = Date.now): AnswerCache {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  return {
    async get<T>(key: string) {
      const hit = entries.get(key);
      if (!hit) return null;
      if (hit.expiresAt <= now()) {
        entries.delete(key);
        return null;
      }
      return JSON.parse(hit.value) as T;
    },
    async set(key, value, ttlSeconds) {
      if (ttlSeconds <= 0) return;
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, { value: JSON.stringify(value), expiresAt: now() + ttlSeconds * 1000 });
    },
  };
}

export function createRedisCache(redis: Redis, prefix: string, fallback: AnswerCache): AnswerCache {
  return {
    async get<T>(key: string) {
      try {
        const raw = await redis.get(`${prefix}${key}`);
        return raw ? (JSON.parse(raw) as T) : null;
      } catch {
        return fallback.get<T>(key);
      }
    },
    async set(key, value, ttlSeconds) {
      if (ttlSeconds <= 0) return;
      try {
        await redis.set(`${prefix}${key}`, JSON.stringify(value), "EX", ttlSeconds);
      } catch {
        await fallback.set(key, value, ttlSeconds);
      }
    },
  };
}
