import { randomUUID } from "node:crypto";
import { type Job, Queue, UnrecoverableError, Worker } from "bullmq";
import type { FastifyBaseLogger } from "fastify";
import type { Redis } from "ioredis";
import {
  assertJobId,
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  type EnqueueOptions,
  JOBS_QUEUE_NAME,
  type JobHandler,
  type JobName,
  type JobPayloads,
  type JobQueue,
  PermanentJobError,
} from "./jobs.js";
import { createMemoryJobQueue } from "./memory-queue.js";

/** States in which a job still has work ahead of it (idle() waits for none to be left). */
const PENDING = ["waiting", "active", "delayed", "prioritized", "waiting-children"] as const;

/**
 * The BullMQ driver: jobs live in Redis, so they survive a restart and any API instance (or, later, a separate
 * worker process started with `worker: true` alone) can run them. Finished jobs are kept for a while (idempotency
 * by job id, and the later admin "Jobs" page); failed ones are kept as dead letters.
 */
export function createBullJobQueue(opts: {
  redis: Redis;
  prefix: string;
  log: Pick<FastifyBaseLogger, "warn" | "error">;
  /** Run a worker in this process (the API does; a producer-only process would not). */
  worker?: boolean;
  concurrency?: number;
  /**
   * How long a running job's lock lasts without renewal (BullMQ's lockDuration, default 30 s). A worker that
   * dies mid-job leaves its lock to expire; the stalled-job check (every half of this) then hands the job to
   * another worker.
   */
  lockMs?: number;
}): JobQueue {
  // BullMQ blocks on its connections: it needs its own, with no per-request retry limit (STACK-NOTES: pass a
  // client in ESM, never {host, port}).
  const connection = opts.redis.duplicate({ maxRetriesPerRequest: null, enableOfflineQueue: true });
  connection.on("error", () => {});
  // The producer fails fast instead: with Redis down a job runs in this process rather than a request waiting.
  const producer = opts.redis.duplicate({ maxRetriesPerRequest: 1, enableOfflineQueue: false });
  producer.on("error", () => {});
  const queue = new Queue(JOBS_QUEUE_NAME, { connection: producer, prefix: opts.prefix });
  const local = createMemoryJobQueue({ log: opts.log });
  queue.on("error", (err) => opts.log.warn({ err }, "job queue error"));
  const handlers = new Map<JobName, JobHandler<JobName>>();

  let worker: Worker | null = null;
  if (opts.worker !== false) {
    worker = new Worker(
      JOBS_QUEUE_NAME,
      async (job: Job) => {
        const handler = handlers.get(job.name as JobName);
        if (!handler) throw new Error(`no handler registered for job "${job.name}"`);
        try {
          await handler(job.data as never, {
            id: job.id ?? "",
            name: job.name as JobName,
            attempt: job.attemptsMade + 1,
          });
        } catch (err) {
          // BullMQ's own marker for "do not retry"; the interface's is driver-neutral.
          if (err instanceof PermanentJobError) throw new UnrecoverableError(err.message);
          throw err;
        }
      },
      {
        connection,
        prefix: opts.prefix,
        concurrency: opts.concurrency ?? 1,
        ...(opts.lockMs ? { lockDuration: opts.lockMs, stalledInterval: Math.max(500, opts.lockMs / 2) } : {}),
      },
    );
    worker.on("error", (err) => opts.log.warn({ err }, "job worker error"));
    worker.on("failed", (job, err) => {
      const final = job && job.attemptsMade >= (job.opts.attempts ?? 1);
      const fields = { err, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade };
      if (final) opts.log.error(fields, "job failed for good");
      else opts.log.warn(fields, "job failed; retrying");
    });
  }

  async function pendingCount(): Promise<number> {
    const counts = await queue.getJobCounts(...PENDING);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (!counts.delayed) return total;
    // A job scheduler always has its next run waiting as a delayed job: that is not work left to do.
    const delayed = await queue.getDelayed(0, -1);
    return total - delayed.filter((job) => job.repeatJobKey).length;
  }

  return {
    driver: "bullmq",
    register(name, handler) {
      handlers.set(name, handler as JobHandler<JobName>);
      local.register(name, handler);
    },
    async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}) {
      if (options.jobId !== undefined) assertJobId(options.jobId);
      const id = options.jobId ?? randomUUID();
      // BullMQ ignores an add whose job id exists (atomically); the lookup only tells the caller which happened.
      try {
        const existing = options.jobId ? await queue.getJob(id) : undefined;
        await queue.add(name, payload, {
          jobId: id,
          attempts: Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS),
          ...(options.delayMs && options.delayMs > 0 ? { delay: options.delayMs } : {}),
          backoff: { type: "exponential", delay: options.backoffMs ?? DEFAULT_BACKOFF_MS },
          removeOnComplete: { count: 1000 },
          removeOnFail: { count: 5000 },
        });
        return { id, accepted: !existing };
      } catch (err) {
        // Redis is down: the work is not lost and the request does not fail; this process runs it.
        opts.log.warn({ err, job: name }, "job queue unavailable; running the job in this process");
        return local.enqueue(name, payload, options);
      }
    },
    async overview(limit = 50) {
      const counts = await queue.getJobCounts("waiting", "active", "delayed", "completed", "failed", "prioritized");
      const failed = await queue.getFailed(0, Math.max(0, limit - 1));
      return {
        counts: {
          waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
          active: counts.active ?? 0,
          delayed: counts.delayed ?? 0,
          completed: counts.completed ?? 0,
          failed: counts.failed ?? 0,
        },
        failed: failed.map((job) => ({
          id: job.id ?? "",
          name: job.name,
          error: job.failedReason ?? "",
          attempts: job.attemptsMade,
          failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
        })),
      };
    },
    async retry(id) {
      const job = await queue.getJob(id);
      if (!job || !(await job.isFailed())) return false;
      await job.retry("failed", { resetAttemptsMade: true });
      return true;
    },
    async schedule(name, payload, everyMs) {
      // One scheduler per job name, shared by every process on this Redis: upserting it is idempotent.
      await queue.upsertJobScheduler(
        name,
        { every: everyMs },
        { name, data: payload, opts: { attempts: DEFAULT_ATTEMPTS, removeOnComplete: { count: 100 } } },
      );
    },
    /**
     * Waits on this process's worker events and re-reads the counts after each: no polling interval, and a
     * listener attached before every read so no event can slip between the read and the wait.
     */
    async idle() {
      if (!worker) throw new Error("idle() needs a worker in this process");
      await local.idle();
      const w = worker;
      for (;;) {
        let wake = () => {};
        const next = new Promise<void>((resolve) => {
          wake = resolve;
        });
        const events = ["completed", "failed", "drained"] as const;
        for (const e of events) w.on(e, wake);
        try {
          // Redis down: nothing queued there can move until it is back, so there is nothing to wait for.
          const pending = await pendingCount().catch(() => 0);
          if (pending === 0) return;
          await next;
        } finally {
          for (const e of events) w.off(e, wake);
        }
      }
    },
    async pause() {
      await worker?.pause();
    },
    async resume() {
      worker?.resume();
    },
    async close() {
      await local.close();
      await worker?.close();
      await queue.close().catch(() => {});
      connection.disconnect();
      producer.disconnect();
    },
  };
}
