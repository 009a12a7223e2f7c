import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, type DatabaseHandle, resetDatabase } from "@lumen/db";

import { sql } from "drizzle-orm";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { Redis } from "ioredis";
import pg from "pg";
import { inject } from "vitest";
import { buildApp } from "../src/app.js";
import type { AppConfig } from "../src/config.js";
import { createFileTransport, type MailTransport } from "../src/modules/mail/mail-transport.js";

/**
 * Integration tests run on PGlite in memory by default, and on the real PostgreSQL / Redis when
 * DATABASE_URL / REDIS_URL are set (each test file then gets a database of its own, dropped at the end).
 */
const DATABASE_URL = process.env.DATABASE_URL;
const REDIS_URL = process.env.REDIS_URL;

export interface TestContext {
  app: FastifyInstance;
  database: DatabaseHandle;
  redis: Redis | null;
  config: AppConfig;
  outboxDir: string;
  /** Empties every table (between tests). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export function testConfig(dataDir: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    nodeEnv: "test",
    dataDir,
    jwt: { secret: randomBytes(32).toString("base64url"), issuer: "lumen", audience: "lumen-api" },
    encryptionKey: randomBytes(32),
    corsOrigins: ["http://localhost:3000"],
    appUrl: "http://localhost:3000",
    viewerCacheTtlMs: 10_000,
    // Reports are buffered as in production, but the timer never fires within a test: the table changes only when
    // a read flushes, a completion writes through, or the test calls app.progressFlush(). Deterministic.
    progressWriteBehindMs: 3_600_000,
    mailFrom: "Lumen <no-reply@lumen.test>",
    bodyLimit: 1024 * 1024,
    rateLimit: { max: 10_000, windowSeconds: 60 },
    trustProxy: [],
    gatewaySecret: randomBytes(32).toString("base64url"),
    logLevel: "silent",
    logFormat: "json",
    sentry: null,
    apiDocs: true,
    cookieSecure: false,
    admin: null,
    seedDemo: false,
    ai: {
      timeoutMs: 5000,
      maxOutputTokens: 512,
      userDailyLimit: 50,
      premiumDailyLimit: 200,
      platformDailyLimit: 10_000,
      cacheTtlSeconds: 3600,
    },
    media: { maxVideoBytes: 50 * 1024 * 1024, maxImageBytes: 5 * 1024 * 1024, urlTtlSeconds: 3600, s3: null },
    billing: { stripe: null, currency: "usd", premiumPrices: { month: 1200, year: 9600 }, timeoutMs: 4000 },
    ...overrides,
  };
}

async function openTestDatabase(): Promise<{ database: DatabaseHandle; drop(): Promise<void> }> {
  if (!DATABASE_URL) {
    const snapshotFile = inject("pgliteSnapshot");
    const snapshot = snapshotFile ? new Blob([readFileSync(snapshotFile)]) : undefined;
    return { database: await createDatabase({ snapshot }), drop: async () => {} };
  }
  const name = `lumen_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await createDatabase({ url: url.toString(), poolSize: 5 });
  return {
    database,
    async drop() {
      const c = new pg.Client({ connectionString: DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function createTestContext(
  opts: {
    config?: Partial<AppConfig>;
    mailTransport?: MailTransport;
    redis?: Redis | null;
    /** The app's clock for time-based learning rules (the daily review). */
    now?: () => Date;
  } = {},
): Promise<TestContext> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "lumen-test-"));
  const outboxDir = path.join(dataDir, "outbox");
  const { database, drop } = await openTestDatabase();
  await database.migrate();
  const redis =
    opts.redis !== undefined ? opts.redis : REDIS_URL ? new Redis(REDIS_URL, { maxRetriesPerRequest: 1 }) : null;
  const config = testConfig(dataDir, opts.config);
  const app = await buildApp({
    config,
    database,
    redis,
    mailTransport: opts.mailTransport ?? createFileTransport(outboxDir),
    redisPrefix: `lumen-test:${randomBytes(6).toString("hex")}:`,
    logger: false,
    ...(opts.now ? { now: opts.now } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    redis,
    config,
    outboxDir,
    async reset() {
      await app.jobs.idle();
      await app.mail.flush();
      await resetDatabase(database.db);
      // Rows changed behind the services' backs: the cached public reads start over too.
      await app.publicReads.invalidateAll();
      rmSync(outboxDir, { recursive: true, force: true });
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
      if (redis && opts.redis === undefined) redis.disconnect();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Envelope<T = Record<string, unknown>> {
  success: boolean;
  data: T;
  message?: string;
  error?: { code: string; message: string; details?: Record<string, unknown> };
  timestamp: string;
}

/** `inject` + parsed JSON envelope. */
export async function call<T = Record<string, unknown>>(
  app: FastifyInstance,
  options: InjectOptions & { token?: string },
): Promise<{ res: LightMyRequestResponse; status: number; body: Envelope<T> }> {
  const { token, ...rest } = options;
  const res = await app.inject({
    ...rest,
    headers: { ...(rest.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  // Side work a request queued (re-indexing a saved lesson) has run before the test looks at its effects. Tests of
  // the queue itself pause it (app.jobs.pause()) and use app.inject directly.
  await app.jobs?.idle();
  let body: Envelope<T>;
  try {
    body = res.json();
  } catch {
    body = { success: false, data: undefined as T, timestamp: "", error: { code: "NOT_JSON", message: res.body } };
  }
  return { res, status: res.statusCode, body };
}

export const STRONG_PASSWORD = "correct horse battery staple";

export interface Session {
  user: { id: string; email: string; role: string; email_verified: boolean };
  access_token: string;
  refresh_token: string;
}

export async function register(
  app: FastifyInstance,
  email: string,
  password = STRONG_PASSWORD,
  fullName = "Test User",
) {
  const r = await call<Session>(app, {
    method: "POST",
    url: "/api/v1/auth/register",
    payload: { email, password, full_name: fullName },
  });
  if (r.status !== 201) throw new Error(`register failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data;
}

export async function login(app: FastifyInstance, email: string, password = STRONG_PASSWORD) {
  return call<Session>(app, { method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
}

/** Registers a user and gives it a role directly in the database (as an admin would). */
export async function userWithRole(ctx: TestContext, email: string, role: "student" | "creator" | "admin") {
  const s = await register(ctx.app, email);
  await ctx.database.db.execute(sql`update users set role = ${role} where id = ${s.user.id}`);
  const again = await login(ctx.app, email);
  return again.body.data;
}

/** Marks accounts' emails verified directly in the database (as following the mailed link would). */
export async function markVerified(ctx: TestContext, ...sessions: Array<{ user: { id: string } }>) {
  for (const s of sessions) {
    await ctx.database.db.execute(sql`update users set email_verified = true where id = ${s.user.id}`);
  }
}

/**
 * Lets `seconds` of wall time pass in a learner's viewing-credit window for a lesson, as if they had been watching
 * that long since their previous report: the server credits a segment only up to twice the time since then.
 */
export async function elapseViewing(ctx: TestContext, userId: string, lessonId: string, seconds: number) {
  await ctx.app.progressFlush(); // buffered reports first, then the edit, then the buffer reads the row again
  await ctx.database.db.execute(sql`
    insert into progress (user_id, course_id, lesson_id, credit_at, credit_balance)
    select ${userId}, l.course_id, l.id, now() - make_interval(secs => ${seconds}), 0 from lessons l where l.id = ${lessonId}
    on conflict (user_id, lesson_id) do update set credit_at = now() - make_interval(secs => ${seconds})`);
  await ctx.app.progressForget(userId, lessonId);
}

/** The emails written to the outbox, newest last. */
export async function outbox(
  ctx: TestContext,
): Promise<Array<{ to: string; subject: string; raw: string; token: string | null }>> {
  await ctx.app.mail.flush();
  let files: string[] = [];
  try {
    files = readdirSync(ctx.outboxDir).sort();
  } catch {
    return [];
  }
  return files.map((f) => {
    const raw = readFileSync(path.join(ctx.outboxDir, f), "utf8");
    const unfolded = raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
    return {
      to: /^To: (.*)$/m.exec(raw)?.[1] ?? "",
      subject: /^Subject: (.*)$/m.exec(raw)?.[1] ?? "",
      raw: unfolded,
      token: /token=([A-Za-z0-9_-]+)/.exec(unfolded)?.[1] ?? null,
    };
  });
}

/** The per-field messages of a VALIDATION_ERROR envelope (empty when there are none). */
export function fieldsOf(body: Envelope<unknown>): Record<string, string[]> {
  return (body.error?.details?.fields as Record<string, string[]> | undefined) ?? {};
}
