import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, type DatabaseHandle, execRows } from "@lumen/db";
import { Queue, QueueEvents } from "bullmq";
import { sql } from "drizzle-orm";
import { Redis } from "ioredis";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FieldCipher } from "../src/lib/crypto.js";
import { JOBS_QUEUE_NAME } from "../src/modules/jobs/jobs.js";
import { createMailRepo } from "../src/modules/mail/mail.repo.js";

const DATABASE_URL = process.env.DATABASE_URL;
const REDIS_URL = process.env.REDIS_URL;
const API_DIR = path.resolve(import.meta.dirname, "..");
/** The prefix `npm run start:worker` uses (buildApp's default). */
const PREFIX = "lumen:bull";

/**
 * A real SMTP server on loopback that holds the first message (never answers its DATA) and accepts later ones.
 * The held message tells the test that a worker is in the middle of the job.
 */
async function startHoldingSmtp() {
  const received: string[] = [];
  let holding = true;
  let onHeld = () => {};
  const held = new Promise<void>((resolve) => {
    onHeld = resolve;
  });
  let onReceived = () => {};
  const delivered = new Promise<void>((resolve) => {
    onReceived = resolve;
  });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      let data = "";
      stream.on("data", (c: Buffer) => {
        data += c.toString("utf8");
      });
      stream.on("end", () => {
        if (holding) {
          holding = false;
          onHeld();
          return; // no answer: the sending worker waits here until it is killed
        }
        received.push(data);
        callback();
        onReceived();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.server.address() as { port: number }).port;
  return { url: `smtp://127.0.0.1:${port}`, held, delivered, received, close: () => server.close() };
}

/** `npm run start:worker` from source (one process: tsx as a loader, so SIGKILL hits the worker itself). */
function startWorker(env: NodeJS.ProcessEnv): { child: ChildProcess; ready: Promise<void>; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=lumen-source", "src/worker.ts"], {
    cwd: API_DIR,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString("utf8");
      if (out.includes("Lumen worker ready")) resolve();
    });
    child.stderr?.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    child.on("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${out}`)));
  });
  return { child, ready, output: () => out };
}

describe.skipIf(!DATABASE_URL || !REDIS_URL)("a worker killed mid-job", () => {
  const dbName = `lumen_test_${randomBytes(6).toString("hex")}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "lumen-worker-"));
  const encryptionKey = randomBytes(32);
  let database: DatabaseHandle;
  let dbUrl: string;
  let redis: Redis;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(DATABASE_URL as string);
    url.pathname = `/${dbName}`;
    dbUrl = url.toString();
    database = await createDatabase({ url: dbUrl, poolSize: 2 });
    await database.migrate();
    redis = new Redis(REDIS_URL as string, { maxRetriesPerRequest: null });
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    redis?.disconnect();
    await database?.close();
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("hands its job to a new worker, which completes it (BullMQ stalled-job recovery)", async () => {
    const smtp = await startHoldingSmtp();
    const queue = new Queue(JOBS_QUEUE_NAME, { connection: redis.duplicate(), prefix: PREFIX });
    const events = new QueueEvents(JOBS_QUEUE_NAME, { connection: redis.duplicate(), prefix: PREFIX });
    try {
      await events.waitUntilReady();
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        NODE_ENV: "development",
        LOG_FORMAT: "json",
        LOG_LEVEL: "info",
        DATA_DIR: dataDir,
        DATABASE_URL: dbUrl,
        REDIS_URL,
        SMTP_URL: smtp.url,
        ENCRYPTION_KEY: encryptionKey.toString("hex"),
        JWT_SECRET: randomBytes(32).toString("base64url"),
        METRICS_PORT: "0",
        // A dead worker's lock expires after 2 s (default 30 s), so the test does not wait long.
        JOBS_LOCK_MS: "2000",
      };

      // The API's side: a stored message and its delivery job.
      const cipher = new FieldCipher(encryptionKey);
      const row = await createMailRepo(database.db).insert({
        toAddress: "crash@example.com",
        subject: "Survives a crash",
        body: cipher.encrypt(JSON.stringify({ to: "crash@example.com", subject: "Survives a crash", text: "hi" })),
      });
      const jobId = `crash-test-${randomBytes(4).toString("hex")}`;
      await queue.add("mail.deliver", { mailId: row.id }, { jobId, attempts: 3 });
      const job = await queue.getJob(jobId);
      const finished = job?.waitUntilFinished(events);
      let stalled = false;
      events.on("stalled", ({ jobId: id }) => {
        if (id === jobId) stalled = true;
      });

      const first = startWorker(env);
      children.push(first.child);
      await first.ready;
      await smtp.held; // the first worker is sending: mid-job
      expect(await queue.getJobState(jobId)).toBe("active");
      const exited = new Promise((r) => first.child.once("exit", r));
      first.child.kill("SIGKILL");
      await exited;

      const second = startWorker(env);
      children.push(second.child);
      await second.ready;
      await smtp.delivered;
      await finished;

      expect(stalled).toBe(true);
      expect(await queue.getJobState(jobId)).toBe("completed");
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]).toContain("Survives a crash");
      const sent = await execRows<{ sent_at: string | null }>(
        database.db,
        sql`select sent_at from mail_outbox where id = ${row.id}`,
      );
      expect(sent.rows[0]?.sent_at).not.toBeNull();

      const stopped = new Promise((r) => second.child.once("exit", r));
      second.child.kill("SIGTERM");
      expect(await stopped).toBe(0);
    } finally {
      await events.close();
      await queue.close();
      smtp.close();
    }
  });
});
