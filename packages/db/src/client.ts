import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { vector } from "@electric-sql/pglite-pgvector";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { type ListenHandlers, listenPglite, listenPostgres, type Subscription } from "./listen.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/** The one database type the app codes against, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A database handle or an open transaction: repos accept either. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** Applies pending migrations (serialised across instances on PostgreSQL with an advisory lock). */
  migrate(): Promise<void>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /** Connections of the pool (PostgreSQL); null for PGlite, which is one connection in-process. */
  poolStats(): { total: number; idle: number; waiting: number } | null;
  /** Calls `listener` after every query run outside a transaction, with its duration in seconds. */
  observeQueries(listener: QueryListener): void;
  /** Subscribes to NOTIFY on `channel` (on PostgreSQL, over a connection of its own that is reopened when lost). */
  listen(channel: string, handlers: ListenHandlers): Subscription;
  close(): Promise<void>;
}

export type QueryListener = (seconds: number, failed: boolean) => void;

/**
 * Wraps a driver's promise-returning `query` so each call reports its duration; listeners are added later (the
 * metrics exist only once the app is built) and one that throws never breaks a query.
 */
function timedQueries<T extends { query: (...args: never[]) => unknown }>(target: T): (l: QueryListener) => void {
  const listeners: QueryListener[] = [];
  const original = target.query.bind(target) as (...args: unknown[]) => unknown;
  const notify = (start: number, failed: boolean) => {
    const seconds = (performance.now() - start) / 1000;
    for (const listener of listeners) {
      try {
        listener(seconds, failed);
      } catch {
        // observers never fail a query
      }
    }
  };
  (target as { query: unknown }).query = (...args: unknown[]) => {
    const start = performance.now();
    const result = original(...args);
    if (listeners.length > 0 && result instanceof Promise) {
      result.then(
        () => notify(start, false),
        () => notify(start, true),
      );
    }
    return result;
  };
  return (listener) => {
    listeners.push(listener);
  };
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; `memory://` (or undefined) keeps it in memory. */
  dataDir?: string | undefined;
  /** Pool size for node-postgres. */
  poolSize?: number;
  /**
   * PostgreSQL only: how long opening a connection (or waiting for a free one in a full pool) may take before it
   * fails. Short, so an unreachable database turns into a quick 503 rather than requests hanging.
   */
  connectTimeoutMs?: number;
  /**
   * PostgreSQL only: the longest a statement may run. Set as the server's `statement_timeout` and, a little later,
   * as the client's own deadline, which also ends queries on a connection whose network went silent.
   */
  queryTimeoutMs?: number;
  /** PGlite only: start from a data directory dumped by `dumpPglite` (skips initdb; tests use it). */
  snapshot?: Blob | undefined;
}

const MIGRATIONS_FOLDER = fileURLToPath(new URL("../drizzle", import.meta.url));
// Any constant fits: it only has to be the same for every instance of this app.
const MIGRATION_LOCK_KEY = 726_354_101;
const MIGRATION_CONNECT_TIMEOUT_MS = 15_000;

export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  return options.url
    ? openPostgres(options.url, {
        poolSize: options.poolSize ?? 10,
        connectTimeoutMs: options.connectTimeoutMs ?? 1_000,
        queryTimeoutMs: options.queryTimeoutMs ?? 10_000,
      })
    : openPglite(options.dataDir, options.snapshot);
}

/** A migrated in-memory PGlite as a tarball, to open many identical databases quickly. */
export async function dumpPglite(handle: DatabaseHandle): Promise<Blob> {
  if (handle.kind !== "pglite") throw new Error("only PGlite databases can be dumped");
  return (handle.db as unknown as { $client: PGlite }).$client.dumpDataDir("none");
}

async function openPglite(dataDir: string | undefined, snapshot: Blob | undefined): Promise<DatabaseHandle> {
  const inMemory = !dataDir || dataDir.startsWith("memory://");
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const extensions = { vector, pg_trgm };
  const client = inMemory
    ? await PGlite.create({ extensions, ...(snapshot ? { loadDataDir: snapshot } : {}) })
    : await PGlite.create(dataDir, { extensions });
  const observeQueries = timedQueries(client);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    ping: () => pingDb(db),
    poolStats: () => null,
    observeQueries,
    listen: (channel, handlers) => listenPglite(client, channel, handlers),
    close: () => client.close(),
  };
}

/** The pool under each PostgreSQL handle, for a replica router to send reads back to the primary. */
const primaryPools = new WeakMap<DatabaseHandle, pg.Pool>();

async function openPostgres(
  url: string,
  opts: { poolSize: number; connectTimeoutMs: number; queryTimeoutMs: number },
): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: opts.connectTimeoutMs,
    statement_timeout: opts.queryTimeoutMs,
    // The server cancels first (a clean error, the connection stays usable); the client deadline catches a
    // connection that no longer answers at all.
    query_timeout: opts.queryTimeoutMs + 1_000,
    // A peer that vanished without closing the connection is noticed instead of kept as an idle client forever.
    keepAlive: true,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  const observeQueries = timedQueries(pool);
  const db = drizzleNodePg(pool, { schema }) as unknown as Database;
  const handle: DatabaseHandle = {
    db,
    kind: "postgres",
    async migrate() {
      // A connection of its own, outside the pool's timeouts: waiting for another instance's migrations and
      // building an index on a large table may both take longer than any request should, and a start on a busy
      // machine must not fail for want of a request's patience.
      const client = new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: Math.max(opts.connectTimeoutMs, MIGRATION_CONNECT_TIMEOUT_MS),
      });
      client.on("error", () => {});
      await client.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
        await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
        await client.end().catch(() => {});
      }
    },
    ping: () => pingDb(db, Math.min(opts.connectTimeoutMs + 250, 1_750)),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    observeQueries,
    listen: (channel, handlers) =>
      listenPostgres(url, channel, handlers, {
        connectTimeoutMs: opts.connectTimeoutMs,
        queryTimeoutMs: Math.min(opts.queryTimeoutMs, 2_000),
      }),
    close: () => pool.end(),
  };
  primaryPools.set(handle, pool);
  return handle;
}

export type ReadTarget = "replica" | "primary";

export interface ReadReplicaOptions {
  /** The replica's connection string (a hot standby streaming from the primary). */
  url: string;
  poolSize?: number;
  /** Where the next read goes; asked once per query. */
  route: () => ReadTarget | Promise<ReadTarget>;
  /** Called with the pool that served each read (after a fallback: the primary). */
  onRead?: (served: ReadTarget) => void;
  /** The replica failed a read at the connection level; the read was run again on the primary. */
  onReplicaError?: (err: unknown) => void;
}

export interface ReadReplicaHandle {
  /**
   * Reads through the router: each query goes where `route()` says. Only for reads: a transaction opened on it
   * runs on the primary.
   */
  db: Database;
  /** Runs one statement on the replica itself (lag probes). */
  queryReplica<T extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  /** Runs one statement on the primary (lag probes). */
  queryPrimary<T extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  poolStats(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

/**
 * Errors after which a read is safe and useful to repeat on the primary: the replica is unreachable, shutting
 * down, still starting, or cancelled a query because replay needed its rows (a hot standby conflict).
 */
function isReplicaUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return err instanceof Error && /connect|terminat|timeout/i.test(err.message);
  return /^(08|57P)/.test(code) || code === "40001" || /^E[A-Z]+$/.test(code);
}

/**
 * A pool on a read replica and a Database over a router that sends each query to the replica or the primary.
 * Named "…Pool" on purpose: drizzle then checks a client out (`connect()`) for transactions, and that client is
 * the primary's.
 */
class ReplicaRoutingPool {
  constructor(
    private readonly primary: pg.Pool,
    private readonly replica: pg.Pool,
    private readonly options: ReadReplicaOptions,
  ) {}

  async query(...args: unknown[]): Promise<unknown> {
    const run = (pool: pg.Pool) => (pool.query as (...a: unknown[]) => Promise<unknown>).apply(pool, args);
    if ((await this.options.route()) === "primary") {
      this.options.onRead?.("primary");
      return run(this.primary);
    }
    try {
      const result = await run(this.replica);
      this.options.onRead?.("replica");
      return result;
    } catch (err) {
      if (!isReplicaUnavailable(err)) throw err;
      this.options.onReplicaError?.(err);
      this.options.onRead?.("primary");
      return run(this.primary);
    }
  }

  connect(): Promise<pg.PoolClient> {
    return this.primary.connect();
  }
}

export function openReadReplica(primary: DatabaseHandle, options: ReadReplicaOptions): ReadReplicaHandle {
  const primaryPool = primaryPools.get(primary);
  if (!primaryPool) throw new Error("a read replica needs a PostgreSQL primary (DATABASE_URL)");
  const replica = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    idleTimeoutMillis: 30_000,
    // A dead replica must fail fast: the read then goes to the primary instead of waiting.
    connectionTimeoutMillis: 2_000,
  });
  replica.on("error", () => {});
  const router = new ReplicaRoutingPool(primaryPool, replica, options);
  const rowsOf = async <T>(pool: pg.Pool, text: string, values?: unknown[]) =>
    (await pool.query(text, values)).rows as T[];
  return {
    db: drizzleNodePg(router as unknown as pg.Pool, { schema }) as unknown as Database,
    queryReplica: (text, values) => rowsOf(replica, text, values),
    queryPrimary: (text, values) => rowsOf(primaryPool, text, values),
    poolStats: () => ({ total: replica.totalCount, idle: replica.idleCount, waiting: replica.waitingCount }),
    close: () => replica.end(),
  };
}

/** True when the database answers `select 1`, false when it fails or takes longer than `timeoutMs` (if given). */
async function pingDb(db: Database, timeoutMs?: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const query = db.execute(sql`select 1`).then(() => true);
    if (timeoutMs === undefined) return await query;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    query.catch(() => {}); // a query that fails after the deadline has nobody left to tell
    return await Promise.race([query, late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
