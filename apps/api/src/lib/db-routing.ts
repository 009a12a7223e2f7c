import { AsyncLocalStorage } from "node:async_hooks";
import { type Database, type DatabaseHandle, openReadReplica, type ReadTarget } from "@lumen/db";
import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import type { SharedCache } from "./cache.js";
import type { Metrics } from "./metrics.js";

/**
 * Read replica routing (DATABASE_READ_URL). The repos that serve catalog, search, guest course detail and
 * analytics reads are given `routing.db`; every other query keeps using the primary. Each routed query goes to
 * the replica only when all of these hold, else to the primary:
 *
 * 1. it runs inside a GET/HEAD request (a write request reads its own writes; background work has no request);
 * 2. the replica answered its last lag probe and is at most `maxLagMs` behind, counted up to this instant;
 * 3. the caller, if signed in, made no write request in the last `stickyMs` ("sticky primary").
 *
 * Read-your-writes: a write request marks its user sticky before its response is sent (onSend), in Redis when
 * there is one (shared by every instance) and in this process. While sticky, the user's reads go to the primary;
 * once the window is over, any replica the router still uses is at most `maxLagMs` behind, and `stickyMs ≥
 * maxLagMs` (checked in env.ts), so the write is there. If Redis fails while checking, the read goes to the primary.
 *
 * Lag: every probe compares the primary's current WAL position with what the replica has replayed. Caught up →
 * the replica holds every commit made before the probe started. Behind → it holds every commit up to its last
 * replayed transaction (pg_last_xact_replay_timestamp). The router keeps the latest such instant ("fresh as of")
 * and computes the lag at each query as now minus that instant, so a replay that stalls between two probes is
 * noticed without waiting for the next one. A replica that fails a read at the connection level is marked down
 * and the read is repeated on the primary.
 *
 * The server cache (lib/cache.ts) gets the same rule per cache version (`guardCache`): a bump marks its versions
 * for `stickyMs` before it takes effect, and an entry computed under a marked version reads the primary. Else a
 * guest missing the new version right after an edit could fill it from a replica that has not replayed the edit
 * yet, and the stale entry would be served until the next edit.
 */
export interface ReadReplicaSettings {
  url: string;
  poolSize: number;
  maxLagMs: number;
  stickyMs: number;
  /** How often the lag is probed; half the max lag, between 100 ms and 1 s, by default. */
  probeMs?: number;
}

export interface ReplicaStatus {
  up: boolean;
  /** Upper bound of the replica's lag in ms; null before the first successful probe. */
  lagMs: number | null;
  /** True when reads that are allowed on the replica go there now. */
  serving: boolean;
}

export interface ReadRouting {
  /** The executor for replica-routed reads. */
  db: Database;
  status(): ReplicaStatus;
  /** Measures the lag now (the router also does it every `probeMs`). */
  probe(): Promise<ReplicaStatus>;
  /** The cache with read-your-writes per version: fills under a version bumped in the last `stickyMs` read the primary. */
  guardCache(cache: SharedCache): SharedCache;
}

interface RequestContext {
  readonly replicaAllowed: boolean;
  readonly userId: string | null;
  sticky?: Promise<boolean>;
  /** Inside a cache fill: the versions it is computed under. */
  readonly versions?: readonly string[];
  versionsSticky?: Promise<boolean>;
}

const SAFE_METHODS = new Set(["GET", "HEAD"]);

/** Users (and cache versions) written in the last `ttlMs`: in Redis for every instance, and in this process. */
function createStickyMarks(redis: Redis | null, prefix: string, ttlMs: number, onRedisError: (err: unknown) => void) {
  const local = new Map<string, number>();
  const key = (id: string) => `${prefix}rw:${id}`;
  return {
    async mark(...ids: string[]): Promise<void> {
      if (ttlMs <= 0) return;
      for (const id of ids) local.set(id, Date.now() + ttlMs);
      if (redis) await Promise.all(ids.map((id) => redis.set(key(id), "1", "PX", ttlMs))).catch(onRedisError);
    },
    /** True when any of `ids` is marked. */
    async has(...ids: string[]): Promise<boolean> {
      const now = Date.now();
      for (const id of ids) {
        const until = local.get(id);
        if (until === undefined) continue;
        if (until > now) return true;
        local.delete(id);
      }
      if (!redis || ttlMs <= 0) return false;
      try {
        return (await redis.exists(...ids.map(key))) > 0;
      } catch (err) {
        onRedisError(err);
        return true; // unknown: the primary is always right
      }
    },
    sweep(): void {
      const now = Date.now();
      for (const [id, until] of local) if (until <= now) local.delete(id);
    },
  };
}

/**
 * Opens the replica pool and wires the routing into the app: the request context (preHandler), the sticky
 * marks (onSend), the lag probe, the metrics, and closing on app close.
 */
export function createReadRouting(
  app: FastifyInstance,
  deps: {
    primary: DatabaseHandle;
    settings: ReadReplicaSettings;
    redis: Redis | null;
    redisPrefix: string;
    metrics: Metrics;
  },
): ReadRouting {
  const { settings, metrics } = deps;
  const probeMs = settings.probeMs ?? Math.min(1000, Math.max(100, Math.floor(settings.maxLagMs / 2)));
  const requests = new AsyncLocalStorage<RequestContext>();
  let lastRedisLog = 0;
  const sticky = createStickyMarks(deps.redis, deps.redisPrefix, settings.stickyMs, (err) => {
    metrics.redisFallbacks.inc({ component: "read_routing" });
    if (Date.now() - lastRedisLog > 60_000) {
      lastRedisLog = Date.now();
      app.log.warn(
        { err },
        "Redis unavailable for read-your-writes marks; signed-in reads and cache fills use the primary",
      );
    }
  });

  let up = false;
  let freshAsOf: number | null = null;
  let closed = false;
  let lastDownLog = 0;
  /** Bumped when the replica fails: a probe that started before the failure must not mark it up again. */
  let failures = 0;
  const lagMs = () => (freshAsOf === null ? null : Math.max(0, Date.now() - freshAsOf));
  const usable = () => {
    const lag = lagMs();
    return !closed && up && lag !== null && lag <= settings.maxLagMs;
  };
  const status = (): ReplicaStatus => ({ up, lagMs: lagMs(), serving: usable() });
  const markDown = (err: unknown, during: string) => {
    up = false;
    failures++;
    metrics.replica.up.set(0);
    if (Date.now() - lastDownLog > 60_000) {
      lastDownLog = Date.now();
      app.log.warn({ err }, `read replica unavailable (${during}); reads use the primary`);
    }
  };

  async function route(): Promise<ReadTarget> {
    const context = requests.getStore();
    if (!context?.replicaAllowed || !usable()) return "primary";
    if (context.userId) {
      context.sticky ??= sticky.has(`user:${context.userId}`);
      if (await context.sticky) return "primary";
    }
    if (context.versions) {
      context.versionsSticky ??= sticky.has(...context.versions.map((v) => `version:${v}`));
      if (await context.versionsSticky) return "primary";
    }
    return "replica";
  }

  const replica = openReadReplica(deps.primary, {
    url: settings.url,
    poolSize: settings.poolSize,
    route,
    onRead: (served) => metrics.replica.reads.inc({ pool: served }),
    onReplicaError: (err) => markDown(err, "read"),
  });

  let probing: Promise<ReplicaStatus> | null = null;
  async function measure(): Promise<ReplicaStatus> {
    const started = Date.now();
    const failuresBefore = failures;
    try {
      const [primaryPosition] = await replica.queryPrimary<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
      const [row] = await replica.queryReplica<{ caught_up: boolean | null; replay_age_ms: number | null }>(
        // Not a standby at all (a promoted replica, or the primary itself): nothing to wait for.
        `SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, NOT pg_is_in_recovery()) AS caught_up,
                (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8 AS replay_age_ms`,
        [primaryPosition?.lsn],
      );
      const fresh = row?.caught_up
        ? started
        : row?.replay_age_ms != null
          ? Date.now() - Math.max(0, row.replay_age_ms)
          : null;
      if (fresh !== null) freshAsOf = Math.max(freshAsOf ?? fresh, fresh);
      if (failures === failuresBefore) {
        up = true;
        metrics.replica.up.set(1);
      }
    } catch (err) {
      markDown(err, "lag probe");
    }
    const lag = lagMs();
    if (lag !== null) metrics.replica.lag.set(lag / 1000);
    sticky.sweep();
    return status();
  }
  const probe = () => {
    probing ??= measure().finally(() => {
      probing = null;
    });
    return probing;
  };
  const timer = setInterval(() => void probe(), probeMs);
  timer.unref();
  void probe();

  // The context is entered in preHandler, after the auth hook: everything the handler awaits runs inside it.
  app.addHook("preHandler", (request, _reply, done) => {
    const enter = (userId: string | null) =>
      requests.run({ replicaAllowed: SAFE_METHODS.has(request.method), userId }, () => done());
    if (request.auth || !request.routeOptions.config?.sessionInHandler) return enter(request.auth?.userId ?? null);
    // The handler checks the session itself; the token's subject is enough to keep the caller's reads sticky.
    void Promise.resolve(request.claims).then(
      (claims) => enter(claims?.sub ?? null),
      () => enter(null),
    );
  });
  // Marked before the response leaves, so the user's next request already finds the mark.
  app.addHook("onSend", async (request, _reply, payload) => {
    if (!SAFE_METHODS.has(request.method) && request.auth && !request.wroteNothing)
      await sticky.mark(`user:${request.auth.userId}`);
    return payload;
  });
  app.addHook("onClose", async () => {
    closed = true;
    clearInterval(timer);
    await probing;
    await replica.close();
  });
  metrics.onScrape(() => {
    const lag = lagMs();
    if (lag !== null) metrics.replica.lag.set(lag / 1000);
  });

  // `*` stands for invalidateAll: it marks every entry's fill.
  const ALL = "*";
  function guardCache(cache: SharedCache): SharedCache {
    return {
      read(versions, key, compute) {
        return cache.read(versions, key, () => {
          const parent = requests.getStore();
          const fill: RequestContext = {
            replicaAllowed: parent?.replicaAllowed ?? false,
            userId: parent?.userId ?? null,
            ...(parent?.sticky ? { sticky: parent.sticky } : {}),
            versions: [...versions, ALL],
          };
          return requests.run(fill, compute);
        });
      },
      // Marked first: the moment a reader can see the new version, its fill already goes to the primary.
      async bump(...versions) {
        await sticky.mark(...versions.map((v) => `version:${v}`));
        await cache.bump(...versions);
      },
      async invalidateAll() {
        await sticky.mark(`version:${ALL}`);
        await cache.invalidateAll();
      },
      computations: () => cache.computations(),
    };
  }

  return { db: replica.db, status, probe, guardCache };
}
