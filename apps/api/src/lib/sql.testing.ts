import type { Executor } from "@lumen/db";
import { type Mock, vi } from "vitest";

/** The `tx` a recording transaction hands its callback: tests assert that writes received it. */
export const FAKE_TX = { tx: true } as unknown as Executor;

/**
 * A repository's `transaction()` for service unit tests: runs the callback with FAKE_TX and records "begin" and
 * "commit" in `steps` around it, so a test reads which writes ran inside one transaction and in what order.
 * Unit tests only (`*.testing.ts` stays out of the build).
 */
export function recordingTransaction(steps: string[]) {
  const run = async <T>(fn: (tx: Executor) => Promise<T>): Promise<T> => {
    steps.push("begin");
    const out = await fn(FAKE_TX);
    steps.push("commit");
    return out;
  };
  // A Mock loses the callback's type parameter; the cast keeps it, so the fake fits the repository's signature.
  return vi.fn(run) as unknown as typeof run & Mock;
}
