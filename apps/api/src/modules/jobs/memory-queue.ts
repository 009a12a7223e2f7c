import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import {
  assertJobId,
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  type EnqueueOptions,
  type FailedJob,
  type JobHandler,
  type JobName,
  type JobPayloads,
  type JobQueue,
  PermanentJobError,
  retryDelay,
} from "./jobs.js";

interface MemoryJob {
  id: string;
  name: JobName;
  payload: unknown;
  attempt: number;
  attempts: number;
  backoffMs: number;
}

/** Finished job ids remembered for idempotency (BullMQ keeps as many completed jobs). */
const REMEMBERED = 1000;
/** Dead letters kept for the admin console (BullMQ keeps 5000; a process's memory holds fewer). */
const DEAD_LETTERS = 500;

/**
 * The in-process driver (no Redis): jobs run one at a time on this process's event loop, after the request that
 * enqueued them has been answered. Nothing survives a restart, which is what embedded mode accepts (the startup
 * backfill re-indexes what is missing).
 */
export function createMemoryJobQueue(opts: { log: Pick<FastifyBaseLogger, "warn" | "error"> }): JobQueue {
  const handlers = new Map<JobName, JobHandler<JobName>>();
  const waiting: MemoryJob[] = [];
  const known = new Set<string>();
  const finished: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const schedules = new Map<JobName, NodeJS.Timeout>();
  const dead = new Map<string, { job: MemoryJob; failed: FailedJob }>();
  let completed = 0;
  let running: Promise<void> | null = null;
  let paused = false;
  let closed = false;
  let idleWaiters: Array<() => void> = [];

  const busy = () => waiting.length > 0 || running !== null || timers.size > 0;
  /** Wakes the idle() waiters once nothing is waiting, running or scheduled for a retry. */
  function settle() {
    if (busy()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  }

  function forget(id: string) {
    finished.push(id);
    if (finished.length > REMEMBERED) known.delete(finished.shift() as string);
  }

  async function run(job: MemoryJob) {
    const handler = handlers.get(job.name);
    try {
      if (!handler) throw new Error(`no handler registered for job "${job.name}"`);
      await handler(job.payload as never, { id: job.id, name: job.name, attempt: job.attempt });
      completed++;
      forget(job.id);
    } catch (err) {
      if (job.attempt < job.attempts && !closed && !(err instanceof PermanentJobError)) {
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            waiting.push({ ...job, attempt: job.attempt + 1 });
            pump();
          },
          retryDelay(job.backoffMs, job.attempt),
        );
        timers.add(timer);
        opts.log.warn({ err, job: job.name, jobId: job.id, attempt: job.attempt }, "job failed; retrying");
      } else {
        forget(job.id);
        dead.delete(job.id);
        dead.set(job.id, {
          job,
          failed: {
            id: job.id,
            name: job.name,
            error: (err as Error).message ?? String(err),
            attempts: job.attempt,
            failedAt: new Date(),
          },
        });
        if (dead.size > DEAD_LETTERS) dead.delete(dead.keys().next().value as string);
        opts.log.error({ err, job: job.name, jobId: job.id, attempt: job.attempt }, "job failed for good");
      }
    }
  }

  function pump() {
    if (running || paused || closed) return settle();
    const job = waiting.shift();
    if (!job) return settle();
    // Later than the current request's reply: setImmediate runs after the pending I/O callbacks.
    running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => run(job))
      .finally(() => {
        running = null;
        pump();
      });
  }

  const queue: JobQueue = {
    driver: "memory",
    register(name, handler) {
      handlers.set(name, handler as JobHandler<JobName>);
    },
    async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}) {
      if (closed) throw new Error("the job queue is closed");
      if (options.jobId !== undefined) assertJobId(options.jobId);
      const id = options.jobId ?? randomUUID();
      if (known.has(id)) return { id, accepted: false };
      known.add(id);
      const job: MemoryJob = {
        id,
        name,
        payload,
        attempt: 1,
        attempts: Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS),
        backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS,
      };
      if (options.delayMs && options.delayMs > 0) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          waiting.push(job);
          pump();
        }, options.delayMs);
        timers.add(timer);
      } else {
        waiting.push(job);
        pump();
      }
      return { id, accepted: true };
    },
    async overview(limit = 50) {
      const failed = [...dead.values()].map((d) => d.failed).reverse();
      return {
        counts: {
          waiting: waiting.length,
          active: running ? 1 : 0,
          delayed: timers.size,
          completed,
          failed: dead.size,
        },
        failed: failed.slice(0, limit),
      };
    },
    async retry(id) {
      const entry = dead.get(id);
      if (!entry || closed) return false;
      dead.delete(id);
      known.add(id);
      waiting.push({ ...entry.job, attempt: 1 });
      pump();
      return true;
    },
    async schedule(name, payload, everyMs) {
      clearInterval(schedules.get(name));
      const timer = setInterval(() => {
        if (closed) return;
        // One run per tick at most: a schedule whose last run is still queued is not queued twice.
        void queue.enqueue(name, payload, { jobId: `schedule.${name}.${Math.floor(Date.now() / everyMs)}` });
      }, everyMs);
      // A schedule never keeps the process alive, nor idle() waiting.
      timer.unref();
      schedules.set(name, timer);
    },
    idle() {
      if (!busy()) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    async pause() {
      paused = true;
      await running;
    },
    async resume() {
      paused = false;
      pump();
    },
    async close() {
      closed = true;
      for (const t of schedules.values()) clearInterval(t);
      schedules.clear();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await running;
      waiting.length = 0;
      settle();
    },
  };
  return queue;
}
