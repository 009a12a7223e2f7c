import type { Redis } from "ioredis";

export interface Hit {
  count: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
}

export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<Hit>;
}

/** Fixed windows in process memory: the default, and the fallback whenever Redis is unreachable. */
export function createMemoryStore(now: () => number = Date.now): RateLimitStore & { size(): number } {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let lastSweep = now();
  return {
    async hit(key, windowMs) {
      const t = now();
      if (t - lastSweep > windowMs) {
        for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
        lastSweep = t;
      }
      let w = windows.get(key);
      if (!w || w.resetAt <= t) {
        w = { count: 0, resetAt: t + windowMs };
        windows.set(key, w);
      }
      w.count += 1;
      return { count: w.count, resetMs: w.resetAt - t };
    },
    size: () => windows.size,
  };
}

// INCR and set the expiry on the first hit, atomically; returns [count, pttl].
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

/**
 * Shared windows in Redis, so every API instance counts the same requests. When Redis fails or is slow, the
 * hit is counted in memory instead: degraded to per-instance limits, never to no limit.
 */
export function createRedisStore(
  redis: Redis,
  opts: { prefix: string; fallback: RateLimitStore; timeoutMs?: number; onFallback?: (err: unknown) => void },
): RateLimitStore {
  const timeoutMs = opts.timeoutMs ?? 250;
  return {
    async hit(key, windowMs) {
      let timer: NodeJS.Timeout | undefined;
      try {
        const result = (await Promise.race([
          redis.eval(HIT_SCRIPT, 1, `${opts.prefix}${key}`, String(windowMs)),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error("redis rate-limit timeout")), timeoutMs);
          }),
        ])) as [number, number];
        return { count: Number(result[0]), resetMs: Number(result[1]) };
      } catch (err) {
        opts.onFallback?.(err);
        return opts.fallback.hit(key, windowMs);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
