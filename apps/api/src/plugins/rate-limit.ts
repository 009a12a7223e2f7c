import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../lib/errors.js";
import type { RateLimitStore } from "./rate-limit-store.js";

const EXEMPT = /^\/(health|docs)(\/|$|\?)/;

/**
 * `max` requests per window per user (per client address when anonymous: see plugins/client-ip), on every route but health and docs.
 * Sets X-RateLimit-* headers; past the limit answers 429 RATE_LIMITED with Retry-After.
 */
export function registerRateLimit(
  app: FastifyInstance,
  opts: {
    store: RateLimitStore;
    max: number;
    windowSeconds: number;
    identify: (req: FastifyRequest) => Promise<string | null>;
  },
): void {
  const windowMs = opts.windowSeconds * 1000;
  app.addHook("onRequest", async (request, reply) => {
    if (EXEMPT.test(request.url)) return;
    const userId = await opts.identify(request);
    const key = userId ? `u:${userId}` : `ip:${request.clientIp}`;
    const { count, resetMs } = await opts.store.hit(key, windowMs);
    const resetSeconds = Math.max(1, Math.ceil(resetMs / 1000));
    reply.header("x-ratelimit-limit", opts.max);
    reply.header("x-ratelimit-remaining", Math.max(0, opts.max - count));
    reply.header("x-ratelimit-reset", resetSeconds);
    if (count > opts.max) {
      throw new AppError(
        "RATE_LIMITED",
        `Too many requests: the limit is ${opts.max} per ${opts.windowSeconds} seconds. Try again in ${resetSeconds} s.`,
        { limit: opts.max, window_seconds: opts.windowSeconds, retry_after_seconds: resetSeconds },
        { "retry-after": String(resetSeconds) },
      );
    }
  });
}
