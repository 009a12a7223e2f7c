import { createHash, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * The server cache for public reads: entries under versioned keys, so a write invalidates by bumping a version
 * (one small key) instead of finding and deleting entries. An entry's key names the version tokens it was
 * computed under; readers look the current tokens up first, so an entry of an old version is never served again
 * and simply ages out.
 *
 * - Versions live in Redis when it is configured (every instance sees a bump on its next version read; each
 *   instance keeps a token for at most `versionTtlMs`, 250 ms by default, so B sees A's edit well within 1 s),
 *   in process memory otherwise (one instance).
 * - Entries sit in an in-process LRU (bounded by bytes) in front of Redis: an entry under a key never changes, so
 *   serving it from memory is always as fresh as the versions read.
 * - A Redis error or timeout falls back to memory for that call (counted in a metric). A bump that could not reach
 *   Redis is replayed there on the next call that reaches it, so nothing cached before the outage comes back.
 * - Single-flight: concurrent misses of one key in one process share one computation.
 * - Only what the caller's `compute` returns is stored; callers cache public, published data only.
 */

/** A cached value, with its serialised HTTP body (computed once) and that body's strong entity tag. */
export interface CacheEntry<T> {
  readonly data: T;
  readonly body: string;
  readonly etag: string;
}

export interface SharedCache {
  /** The entry of `key` under the current tokens of `versions`, computing (once) and storing it on a miss. */
  read<T>(versions: readonly string[], key: string, compute: () => Promise<T>): Promise<CacheEntry<T>>;
  /** New tokens for `versions`: every entry computed under the old ones stops being served. */
  bump(...versions: string[]): Promise<void>;
  /** Bumps the epoch that every key includes (an operator's or a test's direct database edit). */
  invalidateAll(): Promise<void>;
  /** Computations run so far (tests assert single-flight with it, not with timing). */
  computations(): number;
}

export interface SharedCacheOptions {
  /** Redis client; null keeps everything in this process. */
  redis: Redis | null;
  /** Key prefix in Redis (tests isolate themselves with it). */
  prefix: string;
  /** Serialises a value into the HTTP body stored with it. */
  encode: (data: unknown) => string;
  /** How long an entry lives, in seconds (in Redis and in memory). */
  ttlSeconds?: number;
  /** How long this process trusts a version token it read from Redis. */
  versionTtlMs?: number;
  /** Upper bound of the in-process entries, in UTF-16 code units of their bodies. */
  maxMemoryChars?: number;
  /** Redis calls slower than this fall back to memory. */
  redisTimeoutMs?: number;
  onLookup?: (result: "hit" | "miss") => void;
  onFallback?: (err: unknown) => void;
  now?: () => number;
}

const EPOCH = "epoch";
const newToken = () => randomBytes(6).toString("base64url");
export const strongEtag = (body: string) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;

// For each version key: its token, or a fresh one (ARGV[1]) set when it is missing (first use or evicted), so a
// lost version never brings back entries computed under an old token.
const VERSIONS_SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  local v = redis.call('GET', key)
  if not v then
    redis.call('SET', key, ARGV[1] .. i, 'NX')
    v = redis.call('GET', key)
  end
  out[i] = v
end
return out`;

/** An LRU of entries bounded by the total size of their bodies; each entry also expires. */
function createLru(maxChars: number, now: () => number) {
  const entries = new Map<string, { entry: CacheEntry<unknown>; expiresAt: number }>();
  let size = 0;
  const drop = (key: string) => {
    const found = entries.get(key);
    if (!found) return;
    entries.delete(key);
    size -= found.entry.body.length;
  };
  return {
    get(key: string): CacheEntry<unknown> | undefined {
      const found = entries.get(key);
      if (!found) return undefined;
      if (found.expiresAt <= now()) {
        drop(key);
        return undefined;
      }
      // Most recently used last: Map keeps insertion order.
      entries.delete(key);
      entries.set(key, found);
      return found.entry;
    },
    set(key: string, entry: CacheEntry<unknown>, ttlMs: number) {
      if (entry.body.length > maxChars) return;
      drop(key);
      entries.set(key, { entry, expiresAt: now() + ttlMs });
      size += entry.body.length;
      for (const oldest of entries.keys()) {
        if (size <= maxChars) break;
        drop(oldest);
      }
    },
    clear() {
      entries.clear();
      size = 0;
    },
  };
}

export function createSharedCache(opts: SharedCacheOptions): SharedCache {
  const { redis, prefix, encode } = opts;
  const now = opts.now ?? Date.now;
  const ttlSeconds = opts.ttlSeconds ?? 300;
  const versionTtlMs = opts.versionTtlMs ?? 250;
  const timeoutMs = opts.redisTimeoutMs ?? 250;
  const memory = createLru(opts.maxMemoryChars ?? 32 * 1024 * 1024, now);
  /** The tokens this process knows: read from Redis at `readAt`, or its own (memory mode, bumps, outages). */
  const tokens = new Map<string, { token: string; readAt: number }>();
  /** Bumps made while Redis was unreachable, written there once it answers again. */
  const pendingBumps = new Map<string, string>();
  const inFlight = new Map<string, Promise<CacheEntry<unknown>>>();
  let computed = 0;

  const versionKey = (name: string) => `${prefix}v:${name}`;
  const entryKey = (key: string) => `${prefix}e:${key}`;

  async function withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        work,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("redis cache timeout")), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs a Redis call; on failure reports the fallback and returns `undefined`. */
  async function tryRedis<T>(call: (r: Redis) => Promise<T>): Promise<T | undefined> {
    if (!redis) return undefined;
    try {
      if (pendingBumps.size > 0) {
        const replay = [...pendingBumps];
        await withTimeout(redis.mset(...replay.flatMap(([name, token]) => [versionKey(name), token])));
        for (const [name, token] of replay) if (pendingBumps.get(name) === token) pendingBumps.delete(name);
      }
      return await withTimeout(call(redis));
    } catch (err) {
      opts.onFallback?.(err);
      return undefined;
    }
  }

  const localToken = (name: string) => {
    let known = tokens.get(name);
    if (!known) {
      known = { token: newToken(), readAt: Number.NEGATIVE_INFINITY };
      tokens.set(name, known);
    }
    return known.token;
  };

  async function currentTokens(names: readonly string[]): Promise<string[]> {
    if (!redis) return names.map(localToken);
    const t = now();
    const stale = names.filter((n) => {
      const known = tokens.get(n);
      return !known || t - known.readAt >= versionTtlMs;
    });
    if (stale.length > 0) {
      const read = await tryRedis(
        (r) => r.eval(VERSIONS_SCRIPT, stale.length, ...stale.map(versionKey), newToken()) as Promise<string[]>,
      );
      // Unreachable Redis: the last token known here (with this process's own bumps) stands in, so memory keeps
      // serving what it holds; a name never seen gets a fresh token (a miss, never a stale hit).
      if (read) {
        for (const [i, name] of stale.entries()) tokens.set(name, { token: String(read[i]), readAt: t });
      }
    }
    return names.map(localToken);
  }

  async function lookup(fullKey: string): Promise<CacheEntry<unknown> | undefined> {
    const local = memory.get(fullKey);
    if (local) return local;
    const raw = await tryRedis((r) => r.get(entryKey(fullKey)));
    if (!raw) return undefined;
    const split = raw.indexOf("\n");
    const body = raw.slice(split + 1);
    const entry = { etag: raw.slice(0, split), body, data: (JSON.parse(body) as { data: unknown }).data };
    memory.set(fullKey, entry, ttlSeconds * 1000);
    return entry;
  }

  async function fill<T>(fullKey: string, compute: () => Promise<T>): Promise<CacheEntry<T>> {
    computed++;
    const data = await compute();
    const body = encode(data);
    const entry = { data, body, etag: strongEtag(body) };
    memory.set(fullKey, entry, ttlSeconds * 1000);
    await tryRedis((r) => r.set(entryKey(fullKey), `${entry.etag}\n${body}`, "EX", ttlSeconds));
    return entry;
  }

  async function bump(...names: string[]) {
    const t = now();
    const fresh = names.map((name) => [name, newToken()] as const);
    for (const [name, token] of fresh) tokens.set(name, { token, readAt: t });
    if (!redis) return;
    const written = await tryRedis((r) => r.mset(...fresh.flatMap(([name, token]) => [versionKey(name), token])));
    if (written === undefined) for (const [name, token] of fresh) pendingBumps.set(name, token);
  }

  return {
    async read<T>(versions: readonly string[], key: string, compute: () => Promise<T>): Promise<CacheEntry<T>> {
      const current = await currentTokens([EPOCH, ...versions]);
      const fullKey = `${key}@${current.join(".")}`;
      const found = (await lookup(fullKey)) as CacheEntry<T> | undefined;
      opts.onLookup?.(found ? "hit" : "miss");
      if (found) return found;
      let pending = inFlight.get(fullKey) as Promise<CacheEntry<T>> | undefined;
      if (!pending) {
        pending = fill(fullKey, compute).finally(() => inFlight.delete(fullKey));
        inFlight.set(fullKey, pending);
      }
      return pending;
    },
    bump,
    async invalidateAll() {
      await bump(EPOCH);
    },
    computations: () => computed,
  };
}
