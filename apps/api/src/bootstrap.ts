import path from "node:path";
import { createDatabase, type Database, type DatabaseHandle, isDatabaseEmpty, resetDatabase } from "@lumen/db";
import { seedDemo } from "@lumen/db/seed";
import type { FastifyBaseLogger } from "fastify";
import { Redis } from "ioredis";
import { type AppConfig, configFromEnv } from "./config.js";
import { type Env, parseEnv, resolveDataDir, resolveSecrets } from "./env.js";
import { lockDataDir } from "./lib/data-dir-lock.js";
import type { ReadReplicaSettings } from "./lib/db-routing.js";
import { hashPassword } from "./modules/auth/password.js";
import { createFileTransport, createSmtpTransport, type MailTransport } from "./modules/mail/mail-transport.js";
import { createUserRepo } from "./modules/user/user.repo.js";

export interface Infrastructure {
  env: Env;
  config: AppConfig;
  database: DatabaseHandle;
  /** The read replica's settings for buildApp (which opens its pool); null without DATABASE_READ_URL. */
  readReplica: ReadReplicaSettings | null;
  redis: Redis | null;
  mailTransport: MailTransport;
  close(): Promise<void>;
}

/** Opens what the environment points at: PostgreSQL or PGlite, Redis or nothing, SMTP or the file outbox. */
export async function openInfrastructure(source?: NodeJS.ProcessEnv): Promise<Infrastructure> {
  const env = parseEnv(source);
  const dataDir = resolveDataDir(env, source);
  const config = configFromEnv(env, resolveSecrets(env, dataDir), dataDir);
  let release = () => {};
  if (!env.DATABASE_URL) release = lockDataDir(path.join(dataDir, "pglite"));
  let database: DatabaseHandle;
  try {
    database = await createDatabase({
      url: env.DATABASE_URL,
      dataDir: path.join(dataDir, "pglite"),
      poolSize: env.DATABASE_POOL_SIZE,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      queryTimeoutMs: env.DATABASE_QUERY_TIMEOUT_MS,
    });
  } catch (err) {
    release();
    throw err;
  }
  const redis = env.REDIS_URL
    ? new Redis(env.REDIS_URL, {
        // Fail fast when Redis is down so callers fall back instead of queueing requests.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 2_000,
        lazyConnect: false,
      })
    : null;
  redis?.on("error", () => {}); // reconnects on its own; users of Redis log their own fallbacks
  const mailTransport = env.SMTP_URL
    ? createSmtpTransport(env.SMTP_URL)
    : createFileTransport(path.join(dataDir, "outbox"));
  return {
    env,
    config,
    database,
    readReplica: readReplicaSettings(env),
    redis,
    mailTransport,
    async close() {
      await database.close().catch(() => {});
      redis?.disconnect();
      release();
    },
  };
}

/** DATABASE_READ_URL and its limits; the replica pool gets as many connections as the primary's. */
export function readReplicaSettings(env: Env): ReadReplicaSettings | null {
  if (!env.DATABASE_READ_URL) return null;
  return {
    url: env.DATABASE_READ_URL,
    poolSize: env.DATABASE_POOL_SIZE,
    maxLagMs: env.DATABASE_READ_MAX_LAG_MS,
    stickyMs: env.DATABASE_READ_STICKY_MS,
  };
}

/** Migrations, the operator's admin account, and the demo data on a first start. */
export async function prepareDatabase(infra: Infrastructure, log: FastifyBaseLogger): Promise<void> {
  const { database, config } = infra;
  const started = Date.now();
  await database.migrate();
  log.info({ ms: Date.now() - started, driver: database.kind }, "migrations applied");
  if (config.seedDemo && (await isDatabaseEmpty(database.db))) {
    const counts = await seedDemo(database.db, { hashPassword });
    log.info(counts, "demo data loaded");
  }
  if (config.admin) await ensureAdmin(database.db, config.admin, log);
}

/** The operator's admin from ADMIN_EMAIL/ADMIN_PASSWORD: created once (verified), restored if demoted or disabled. */
export async function ensureAdmin(
  db: Database,
  admin: { email: string; password: string },
  log: Pick<FastifyBaseLogger, "info">,
) {
  const users = createUserRepo(db);
  const existing = await users.findByEmail(admin.email);
  if (!existing) {
    await users.insert({
      email: admin.email,
      passwordHash: await hashPassword(admin.password),
      fullName: "Administrator",
      role: "admin",
      emailVerified: true,
    });
    log.info({ email: admin.email }, "admin account created from ADMIN_EMAIL");
  } else if (existing.role !== "admin" || existing.disabled) {
    await users.update(existing.id, { role: "admin", disabled: false });
    log.info({ email: admin.email }, "ADMIN_EMAIL account restored to admin");
  }
}

export { resetDatabase, seedDemo };
