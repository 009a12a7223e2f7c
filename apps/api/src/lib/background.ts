import type { FastifyBaseLogger } from "fastify";

/**
 * Work a request causes but its answer must not wait for (or reveal by its duration): started after the answer
 * has gone out, errors logged, never lost silently. `drain()` waits for all of it (shutdown, tests).
 */
export function createBackgroundTasks(log: Pick<FastifyBaseLogger, "error">) {
  const pending = new Set<Promise<void>>();
  return {
    run(name: string, task: () => Promise<void>): void {
      const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(task)
        .catch((err) => log.error({ err, task: name }, "background task failed"))
        .finally(() => pending.delete(done));
      pending.add(done);
    },
    async drain(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
export type BackgroundTasks = ReturnType<typeof createBackgroundTasks>;
