import { describe, expect, it } from "vitest";
import { ACCOUNT_SLOWDOWN_MS, createLoginThrottle, LOGIN_LIMITS } from "./login-throttle.js";

/** An in-memory stand-in for the failure table: (email, client, at). */
function memoryRepo(rows: Array<{ email: string; client: string; at: Date }> = []) {
  return {
    rows,
    async loginFailuresSince(emailKey: string, since: Date, clientKey?: string) {
      return rows
        .filter((r) => r.email === emailKey && r.at > since && (!clientKey || r.client === clientKey))
        .map((r) => r.at)
        .sort((a, b) => a.getTime() - b.getTime());
    },
    async recordLoginFailure(emailKey: string, clientKey: string) {
      rows.push({ email: emailKey, client: clientKey, at: new Date() });
    },
  };
}

const now = new Date("2026-12-01T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("login throttle", () => {
  it("refuses a client after its 10th failure on an account in 15 minutes", async () => {
    const repo = memoryRepo(Array.from({ length: 10 }, (_, i) => ({ email: "a", client: "c1", at: minutesAgo(i) })));
    const throttle = createLoginThrottle(repo, { wait: async () => {} });
    await expect(throttle.admit("a", "c1", now)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(throttle.admit("a", "c2", now)).resolves.toBeUndefined();
  });

  it("past the account threshold slows a client that has not failed, and refuses one that has", async () => {
    const waits: number[] = [];
    const rows = Array.from({ length: LOGIN_LIMITS.account.max }, (_, i) => ({
      email: "a",
      client: `attacker-${i}`,
      at: minutesAgo(40),
    }));
    const throttle = createLoginThrottle(memoryRepo(rows), {
      wait: async (ms) => {
        waits.push(ms);
      },
    });
    await expect(throttle.admit("a", "owner", now)).resolves.toBeUndefined();
    expect(waits).toEqual([ACCOUNT_SLOWDOWN_MS]);
    // The lock ends when the oldest counted failure leaves the hour: 20 minutes from now.
    await expect(throttle.admit("a", "attacker-3", now)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      headers: { "retry-after": String(20 * 60) },
    });
    expect(waits).toHaveLength(1);
  });

  it("below the account threshold never waits", async () => {
    const waits: number[] = [];
    const rows = Array.from({ length: LOGIN_LIMITS.account.max - 1 }, (_, i) => ({
      email: "a",
      client: `c-${i}`,
      at: minutesAgo(10),
    }));
    const throttle = createLoginThrottle(memoryRepo(rows), {
      wait: async (ms) => {
        waits.push(ms);
      },
    });
    await throttle.admit("a", "owner", now);
    expect(waits).toEqual([]);
  });
});
