import { AppError } from "../../lib/errors.js";
import type { AuthRepo } from "./auth.repo.js";

/** Brute-force rules: per account from one client, and per account from anywhere. */
export const LOGIN_LIMITS = [
  { scope: "client", max: 10, windowMs: 15 * 60_000 },
  { scope: "account", max: 100, windowMs: 60 * 60_000 },
] as const;

/**
 * Counts failed logins in PostgreSQL so every API instance sees the same numbers. A lock lasts only for the
 * rest of its window (until the oldest counted failure ages out): a stranger can't lock a user out for longer.
 */
export function createLoginThrottle(repo: Pick<AuthRepo, "loginFailuresSince" | "recordLoginFailure">) {
  async function lockedUntil(emailKey: string, clientKey: string, now: Date): Promise<Date | null> {
    let until: Date | null = null;
    for (const rule of LOGIN_LIMITS) {
      const since = new Date(now.getTime() - rule.windowMs);
      const failures = await repo.loginFailuresSince(emailKey, since, rule.scope === "client" ? clientKey : undefined);
      if (failures.length >= rule.max) {
        // The lock lifts when enough failures age out to bring the count below the limit.
        const deciding = failures[failures.length - rule.max] as Date;
        const end = new Date(deciding.getTime() + rule.windowMs);
        if (!until || end > until) until = end;
      }
    }
    return until;
  }

  return {
    /** Throws 429 while the account is locked for this client. */
    async assertNotLocked(emailKey: string, clientKey: string, now = new Date()): Promise<void> {
      const until = await lockedUntil(emailKey, clientKey, now);
      if (until) {
        const retryAfter = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
        throw new AppError(
          "RATE_LIMITED",
          "Too many failed sign-in attempts. Try again later or reset your password.",
          { retry_after_seconds: retryAfter },
          { "retry-after": String(retryAfter) },
        );
      }
    },
    /** Records a failure; returns true when this failure is the one that locks the account. */
    async recordFailure(emailKey: string, clientKey: string, now = new Date()): Promise<boolean> {
      const before = await lockedUntil(emailKey, clientKey, now);
      await repo.recordLoginFailure(emailKey, clientKey);
      if (before) return false;
      return (await lockedUntil(emailKey, clientKey, now)) !== null;
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
