import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { createBullJobQueue } from "../src/modules/jobs/bullmq-queue.js";
import { type JobQueue, PermanentJobError } from "../src/modules/jobs/jobs.js";
import { createMemoryJobQueue } from "../src/modules/jobs/memory-queue.js";

const REDIS_URL = process.env.REDIS_URL;
const silent = { warn() {}, error() {} };

/** The same contract for both drivers: BullMQ runs against the real Redis when REDIS_URL is set (as in CI). */
const drivers: Array<[string, () => { queue: JobQueue; close(): Promise<void> }]> = [
  ["in-process", () => ({ queue: createMemoryJobQueue({ log: silent }), close: async () => {} })],
];
if (REDIS_URL) {
  drivers.push([
    "BullMQ",
    () => {
      const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
      const queue = createBullJobQueue({
        redis,
        prefix: `lumen-test:${randomBytes(6).toString("hex")}:bull`,
        log: silent,
      });
      return { queue, close: async () => redis.disconnect() };
    },
  ]);
}

describe.each(drivers)("jobs (%s driver)", (_name, make) => {
  let env: ReturnType<typeof make>;
  afterEach(async () => {
    await env.queue.close();
    await env.close();
  });

  it("runs a job after enqueue returns, and idle() resolves once it has run", async () => {
    env = make();
    const ran: string[] = [];
    env.queue.register("lesson.reindex", async ({ lessonId }) => {
      ran.push(lessonId);
    });
    const { accepted } = await env.queue.enqueue("lesson.reindex", { lessonId: "a" });
    expect(accepted).toBe(true);
    await env.queue.idle();
    expect(ran).toEqual(["a"]);
  });

  it("accepts a job id once", async () => {
    env = make();
    const ran: string[] = [];
    env.queue.register("lesson.reindex", async ({ lessonId }) => {
      ran.push(lessonId);
    });
    await env.queue.pause();
    expect((await env.queue.enqueue("lesson.reindex", { lessonId: "a" }, { jobId: "same" })).accepted).toBe(true);
    expect((await env.queue.enqueue("lesson.reindex", { lessonId: "b" }, { jobId: "same" })).accepted).toBe(false);
    await env.queue.resume();
    await env.queue.idle();
    expect((await env.queue.enqueue("lesson.reindex", { lessonId: "c" }, { jobId: "same" })).accepted).toBe(false);
    await env.queue.idle();
    expect(ran).toEqual(["a"]);
  });

  it("refuses a job id BullMQ cannot key (empty or with a colon) on either driver, running nothing", async () => {
    env = make();
    const ran: string[] = [];
    env.queue.register("lesson.reindex", async ({ lessonId }) => {
      ran.push(lessonId);
    });
    for (const jobId of ["lesson.reindex:a", ""]) {
      await expect(env.queue.enqueue("lesson.reindex", { lessonId: "a" }, { jobId })).rejects.toThrow(/Invalid job id/);
    }
    await env.queue.idle();
    expect(ran).toEqual([]);
  });

  it("retries a failing handler with backoff until it succeeds", async () => {
    env = make();
    const attempts: number[] = [];
    env.queue.register("lesson.reindex", async (_payload, job) => {
      attempts.push(job.attempt);
      if (job.attempt < 3) throw new Error("flaky");
    });
    await env.queue.enqueue("lesson.reindex", { lessonId: "a" }, { attempts: 3, backoffMs: 5 });
    await env.queue.idle();
    expect(attempts).toEqual([1, 2, 3]);
  });

  it("gives up after the last attempt and stays usable", async () => {
    env = make();
    const seen: string[] = [];
    env.queue.register("lesson.reindex", async ({ lessonId }, job) => {
      seen.push(`${lessonId}:${job.attempt}`);
      if (lessonId === "bad") throw new Error("always");
    });
    await env.queue.enqueue("lesson.reindex", { lessonId: "bad" }, { attempts: 2, backoffMs: 5 });
    await env.queue.idle();
    await env.queue.enqueue("lesson.reindex", { lessonId: "good" });
    await env.queue.idle();
    expect(seen).toEqual(["bad:1", "bad:2", "good:1"]);
  });

  it("keeps a job that failed its last attempt as a dead letter, and retries it on demand", async () => {
    env = make();
    let healthy = false;
    const seen: string[] = [];
    env.queue.register("lesson.reindex", async ({ lessonId }, job) => {
      seen.push(`${lessonId}:${job.attempt}`);
      if (!healthy) throw new Error("index unavailable");
    });
    const { id } = await env.queue.enqueue("lesson.reindex", { lessonId: "x" }, { attempts: 2, backoffMs: 5 });
    await env.queue.idle();
    const before = await env.queue.overview();
    expect(before.counts.failed).toBe(1);
    expect(before.failed).toEqual([
      expect.objectContaining({ id, name: "lesson.reindex", error: "index unavailable", attempts: 2 }),
    ]);
    expect(before.failed[0]?.failedAt).toBeInstanceOf(Date);

    expect(await env.queue.retry("no-such-job")).toBe(false);
    healthy = true;
    expect(await env.queue.retry(id)).toBe(true);
    await env.queue.idle();
    expect(seen).toEqual(["x:1", "x:2", "x:1"]);
    const after = await env.queue.overview();
    expect(after.counts.failed).toBe(0);
    expect(after.failed).toEqual([]);
    expect(after.counts.completed).toBeGreaterThanOrEqual(1);
    // A job that is not failed is not retried again.
    expect(await env.queue.retry(id)).toBe(false);
  });

  it("fails a job at once on a PermanentJobError, without using up its retries", async () => {
    env = make();
    const seen: number[] = [];
    env.queue.register("lesson.reindex", async (_payload, job) => {
      seen.push(job.attempt);
      throw new PermanentJobError("lesson is gone");
    });
    await env.queue.enqueue("lesson.reindex", { lessonId: "gone" }, { attempts: 5, backoffMs: 5 });
    await env.queue.idle();
    expect(seen).toEqual([1]);
    expect((await env.queue.overview()).failed[0]?.error).toBe("lesson is gone");
  });

  it("runs a scheduled job repeatedly, and idle() does not wait for its next run", async () => {
    env = make();
    let runs = 0;
    let twice = () => {};
    const ranTwice = new Promise<void>((resolve) => {
      twice = resolve;
    });
    env.queue.register("maintenance.cleanup", async () => {
      runs++;
      if (runs === 2) twice();
    });
    await env.queue.schedule("maintenance.cleanup", {}, 50);
    await ranTwice;
    await env.queue.idle();
    expect(runs).toBeGreaterThanOrEqual(2);
  });

  it("holds a delayed job until its delay has passed", async () => {
    env = make();
    const ran: string[] = [];
    const enqueuedAt = Date.now();
    let ranAt = 0;
    env.queue.register("lesson.reindex", async ({ lessonId }) => {
      ranAt = Date.now();
      ran.push(lessonId);
    });
    await env.queue.enqueue("lesson.reindex", { lessonId: "later" }, { delayMs: 200 });
    expect((await env.queue.overview()).counts.delayed).toBe(1);
    await env.queue.idle();
    expect(ran).toEqual(["later"]);
    expect(ranAt - enqueuedAt).toBeGreaterThanOrEqual(190);
  });

  it("holds jobs while paused and runs them on resume", async () => {
    env = make();
    const ran: string[] = [];
    env.queue.register("lesson.reindex", async ({ lessonId }) => {
      ran.push(lessonId);
    });
    await env.queue.pause();
    await env.queue.enqueue("lesson.reindex", { lessonId: "a" });
    await env.queue.enqueue("lesson.reindex", { lessonId: "b" });
    expect(ran).toEqual([]);
    await env.queue.resume();
    await env.queue.idle();
    expect(ran.sort()).toEqual(["a", "b"]);
  });
});

describe.skipIf(!REDIS_URL)("jobs split between an API (producer) and a worker process", () => {
  it("a producer only enqueues; the worker sharing its Redis runs the job", async () => {
    const prefix = `lumen-test:${randomBytes(6).toString("hex")}:bull`;
    const producerRedis = new Redis(REDIS_URL as string, { maxRetriesPerRequest: 1 });
    const workerRedis = new Redis(REDIS_URL as string, { maxRetriesPerRequest: 1 });
    const producer = createBullJobQueue({ redis: producerRedis, prefix, log: silent, worker: false });
    const ranInProducer: string[] = [];
    producer.register("lesson.reindex", async ({ lessonId }) => {
      ranInProducer.push(lessonId);
    });
    try {
      expect((await producer.enqueue("lesson.reindex", { lessonId: "from-api" })).accepted).toBe(true);
      const worker = createBullJobQueue({ redis: workerRedis, prefix, log: silent });
      const ranInWorker: string[] = [];
      worker.register("lesson.reindex", async ({ lessonId }) => {
        ranInWorker.push(lessonId);
      });
      try {
        await worker.idle();
        expect(ranInWorker).toEqual(["from-api"]);
        expect(ranInProducer).toEqual([]);
      } finally {
        await worker.close();
      }
    } finally {
      await producer.close();
      producerRedis.disconnect();
      workerRedis.disconnect();
    }
  });
});
