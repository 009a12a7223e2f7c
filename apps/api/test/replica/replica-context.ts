import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, type DatabaseHandle } from "@lumen/db";
import type { FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import pg from "pg";
import { buildApp } from "../../src/app.js";
import type { AppConfig } from "../../src/config.js";
import type { ReadReplicaSettings, ReplicaStatus } from "../../src/lib/db-routing.js";
import { createFileTransport } from "../../src/modules/mail/mail-transport.js";
import { type TestContext, testConfig } from "../helpers.js";

/** The primary and its standby (scripts/replica.sh); each test file gets a database of its own on both. */
export const PRIMARY_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const REPLICA_URL = process.env.DATABASE_READ_URL ?? "postgres://postgres@127.0.0.1:5433/postgres";
export const REDIS_URL = process.env.REDIS_URL;

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function query<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Polls `check` until it holds: the tests wait on the replica's real state, never on a fixed delay. */
export async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The standby has replayed everything the primary had written when this was called. */
export async function replayCaughtUp(): Promise<void> {
  const [{ lsn } = { lsn: "" }] = await query<{ lsn: string }>(PRIMARY_URL, "SELECT pg_current_wal_lsn()::text AS lsn");
  await until(async () => {
    const [row] = await query<{ ok: boolean }>(REPLICA_URL, "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok", [
      lsn,
    ]);
    return row?.ok === true;
  }, "the standby to replay the primary's WAL");
}

export async function pauseReplay(): Promise<void> {
  await query(REPLICA_URL, "SELECT pg_wal_replay_pause()");
  await until(async () => {
    const [row] = await query<{ state: string }>(REPLICA_URL, "SELECT pg_get_wal_replay_pause_state() AS state");
    return row?.state === "paused";
  }, "replay to pause");
}

export async function resumeReplay(): Promise<void> {
  await query(REPLICA_URL, "SELECT pg_wal_replay_resume()");
}

/** Probes until the router's status satisfies `check`. */
export async function routerReaches(app: FastifyInstance, check: (s: ReplicaStatus) => boolean, what: string) {
  const routing = app.readRouting;
  if (!routing) throw new Error("the app has no read replica");
  await until(async () => check(await routing.probe()), what);
}

/** Reads served so far by each pool, from the app's metrics. */
export async function readsByPool(app: FastifyInstance): Promise<{ replica: number; primary: number }> {
  const { values } = await app.metrics.replica.reads.get();
  const of = (pool: string) => values.find((v) => v.labels.pool === pool)?.value ?? 0;
  return { replica: of("replica"), primary: of("primary") };
}

export interface ReplicaTestDatabase {
  name: string;
  primaryUrl: string;
  replicaUrl: string;
  drop(): Promise<void>;
}

/** A fresh database on the primary, migrated, and replayed on the standby. */
export async function createReplicaTestDatabase(): Promise<ReplicaTestDatabase> {
  const name = `replica_db_${randomBytes(6).toString("hex")}`;
  await query(PRIMARY_URL, `CREATE DATABASE ${name}`);
  const primaryUrl = withDatabase(PRIMARY_URL, name);
  const handle = await createDatabase({ url: primaryUrl, poolSize: 2 });
  await handle.migrate();
  await handle.close();
  await replayCaughtUp();
  return {
    name,
    primaryUrl,
    replicaUrl: withDatabase(REPLICA_URL, name),
    drop: () => query(PRIMARY_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => {}),
  };
}

/** An API on the test database's primary whose routed reads use `replica` (a URL and limits). */
export async function createReplicaApp(
  database: ReplicaTestDatabase,
  replica: Omit<ReadReplicaSettings, "poolSize">,
  /** Instances given another's config and Redis prefix act as one cluster: same secrets, shared Redis state. */
  cluster: { config?: AppConfig; redisPrefix?: string } = {},
): Promise<TestContext> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "lumen-replica-test-"));
  const handle: DatabaseHandle = await createDatabase({ url: database.primaryUrl, poolSize: 4 });
  const redis = REDIS_URL ? new Redis(REDIS_URL, { maxRetriesPerRequest: 1 }) : null;
  const config = cluster.config ?? testConfig(dataDir);
  const outboxDir = path.join(dataDir, "outbox");
  const app = await buildApp({
    config,
    database: handle,
    readReplica: { poolSize: 3, ...replica },
    redis,
    mailTransport: createFileTransport(outboxDir),
    redisPrefix: cluster.redisPrefix ?? `lumen-test:${randomBytes(6).toString("hex")}:`,
    logger: false,
    // A version read from Redis is never reused: instances see each other's bumps at once.
    cacheVersionTtlMs: 0,
  });
  await app.ready();
  await routerReaches(app, (s) => s.serving, "the replica to serve reads");
  return {
    app,
    database: handle,
    redis,
    config,
    outboxDir,
    async reset() {
      throw new Error("replica tests share one database per file");
    },
    async close() {
      await app.close();
      await handle.close();
      redis?.disconnect();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A TCP proxy in front of the standby that a test can cut (the replica "goes down") and restore. */
export async function createCuttableProxy(target: { host: string; port: number }, port: number) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const open = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        server = s;
        resolve();
      });
    });
  await open();
  return {
    url: (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async cut() {
      const s = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      if (s) await new Promise<void>((r) => s.close(() => r()));
    },
    restore: open,
    close() {
      return this.cut();
    },
  };
}
