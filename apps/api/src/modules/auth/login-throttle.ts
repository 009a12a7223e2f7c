import { AppError } from "../../lib/errors.js";
import type { AuthRepo } from "./auth.repo.js";

/** Brute-force rules: per account from one client, and per account from anywhere. */
export const LOGIN_LIMITS = {
  client: { max: 10, windowMs: 15 * 60_000 },
  account: { max: 100, windowMs: 60 * 60_000 },
} as const;

/** How long each attempt on an account past its threshold waits before the password is even checked. */
export const ACCOUNT_SLOWDOWN_MS = 2_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Counts failed logins in PostgreSQL so every API instance sees the same numbers. A lock lasts only for the
 * rest of its window (until the oldest counted failure ages out): a stranger can't lock a user out for longer.
 *
 * Past the per-account threshold the account is under a distributed attack, but refusing everyone would hand
 * the attacker a way to lock any chosen account against its owner. So a client that has itself failed on the
 * account in that window is refused, and every other client is slowed down instead: its attempt waits
 * ACCOUNT_SLOWDOWN_MS and then a correct password still signs in.
 */
export function createLoginThrottle(
  repo: Pick<AuthRepo, "loginFailuresSince" | "recordLoginFailure">,
  opts: { wait?: (ms: number) => Promise<void> } = {},
) {
  const wait = opts.wait ?? sleep;

  /** When the count reaches `max`, the lock lifts as soon as enough failures age out to go below it again. */
  const lockEnd = (failures: Date[], max: number, windowMs: number): Date | null =>
    failures.length >= max ? new Date((failures[failures.length - max] as Date).getTime() + windowMs) : null;

  async function assess(emailKey: string, clientKey: string, now: Date) {
    const { client, account } = LOGIN_LIMITS;
    const accountSince = new Date(now.getTime() - account.windowMs);
    const clientSince = new Date(now.getTime() - client.windowMs);
    const [accountFailures, clientFailures] = await Promise.all([
      repo.loginFailuresSince(emailKey, accountSince),
      repo.loginFailuresSince(emailKey, accountSince, clientKey),
    ]);
    const recentClientFailures = clientFailures.filter((d) => d >= clientSince);
    let until = lockEnd(recentClientFailures, client.max, client.windowMs);
    const accountLock = lockEnd(accountFailures, account.max, account.windowMs);
    let slowDown = false;
    if (accountLock) {
      if (clientFailures.length > 0) {
        if (!until || accountLock > until) until = accountLock;
      } else {
        slowDown = true;
      }
    }
    return { until, slowDown };
  }

  return {
    /** Throws 429 while the account is locked for this client; waits first when the account is under attack. */
    async admit(emailKey: string, clientKey: string, now = new Date()): Promise<void> {
      const { until, slowDown } = await assess(emailKey, clientKey, now);
      if (until) {
        const retryAfter = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
        throw new AppError(
          "RATE_LIMITED",
          "Too many failed sign-in attempts. Try again later or reset your password.",
          { retry_after_seconds: retryAfter },
          { "retry-after": String(retryAfter) },
        );
      }
      if (slowDown) await wait(ACCOUNT_SLOWDOWN_MS);
    },
    /** Records a failure; returns true when this failure is the one that locks the account for this client. */
    async recordFailure(emailKey: string, clientKey: string, now = new Date()): Promise<boolean> {
      const before = await assess(emailKey, clientKey, now);
      await repo.recordLoginFailure(emailKey, clientKey);
      if (before.until) return false;
      return (await assess(emailKey, clientKey, now)).until !== null;
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
