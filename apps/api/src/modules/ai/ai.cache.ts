import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/** Answer cache: Redis when configured (shared by every instance), otherwise in process. Never fatal. */
export interface AnswerCache {
  get<T>(key: string): Promise<T | null>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
}

/** Same question, same scope, same model → same key: case, spacing and trailing punctuation don't matter. */
export function cacheKey(parts: {
  question: string;
  courseId?: string | null;
  lessonId?: string | null;
  provider: string;
  model: string;
  variant?: string;
}): string {
  const normalized = parts.question
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s?!.]+$/, "")
    .trim();
  const raw = [
    normalized,
    parts.courseId ?? "",
    parts.lessonId ?? "",
    parts.provider,
    parts.model,
    parts.variant ?? "",
  ].join("\u0000");
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
