import type { Redis } from "ioredis";
import type { BufferedWrite, ProgressRow } from "./progress.repo.js";
import type { Segment } from "./progress.step.js";

/**
 * Write-behind for player reports. A report is applied in memory (progress.step.ts) to the learner's row as last
 * acknowledged, answered at once, and written to PostgreSQL with the other reports of the moment in one batched
 * statement a few hundred milliseconds later (`flushBuffered`). What must be exact stays synchronous: a report that
 * completes a video is written through before it is answered, and the learner's own progress reads flush first.
 *
 * The rows live in Redis when it is configured, so every API instance applies a learner's reports to the same row
 * (a version number makes each update a compare-and-set), and a flush claims its rows so no two instances write the
 * same reports; otherwise in this process's memory. An entry with unflushed reports is never expired.
 */
export interface BufferEntry {
  /** The row as acknowledged: the table's row when loaded, with the reports applied since. */
  row: ProgressRow;
  durationSeconds: number;
  isVideo: boolean;
}

export interface Stored {
  version: number;
  entry: BufferEntry;
}

export interface Taken extends Stored {
  rewatch: Segment[];
}

/** Where entries live. Every method is atomic per key. */
export interface BufferStore {
  get(key: string): Promise<Stored | undefined>;
  /**
   * Replaces the entry if its version is still `expected` (undefined: no entry yet), appends `rewatch`, and marks the
   * key dirty. Returns false when another update came first.
   */
  put(key: string, expected: number | undefined, entry: BufferEntry, rewatch: Segment[]): Promise<boolean>;
  /** A learner's dirty keys (their unflushed rows), to write before reading their progress. */
  dirtyOf(userId: string): Promise<string[]>;
  /** Up to `n` dirty keys, claimed: another flusher will not get them until they are dirtied again. */
  claimDirty(n: number): Promise<string[]>;
  /** A dirty entry and its rewatched seconds, taken for a flush (it is clean until the next report). */
  take(key: string): Promise<Taken | undefined>;
  /** After a flush: the stored row replaces the entry unless a report came since `taken`. */
  settle(key: string, takenVersion: number, entry: BufferEntry): Promise<void>;
  /** A flush failed: the entry is dirty again, its rewatched seconds back in place. */
  restore(key: string, taken: Taken): Promise<void>;
  /** Drops a clean entry (the table changed under it); a dirty one stays for its flush. */
  forget(key: string): Promise<void>;
  dirtyCount(): Promise<number>;
}

export const bufferKey = (userId: string, lessonId: string) => `${userId}:${lessonId}`;
const userOf = (key: string) => key.slice(0, key.indexOf(":"));

// ---- this process's memory ------------------------------------------------------------------------------------

interface MemorySlot extends Stored {
  rewatch: Segment[];
  dirty: boolean;
  touched: number;
}

/** Entries in memory, for one instance. Clean entries idle longer than `idleMs` are dropped, and at most `max` kept. */
export function createMemoryBufferStore(
  opts: { idleMs?: number; max?: number; now?: () => number } = {},
): BufferStore & { size(): number } {
  const idleMs = opts.idleMs ?? 10 * 60_000;
  const max = opts.max ?? 200_000;
  const now = opts.now ?? Date.now;
  const slots = new Map<string, MemorySlot>();
  const dirty = new Set<string>();
  const dirtyByUser = new Map<string, Set<string>>();
  let lastSweep = now();
  const markDirty = (key: string) => {
    dirty.add(key);
    const user = userOf(key);
    const keys = dirtyByUser.get(user) ?? new Set<string>();
    keys.add(key);
    dirtyByUser.set(user, keys);
  };
  const markClean = (key: string) => {
    dirty.delete(key);
    const keys = dirtyByUser.get(userOf(key));
    keys?.delete(key);
    if (keys?.size === 0) dirtyByUser.delete(userOf(key));
  };

  function sweep() {
    const t = now();
    if (t - lastSweep < Math.min(idleMs, 60_000) && slots.size < max) return;
    lastSweep = t;
    for (const [key, slot] of slots) if (!slot.dirty && t - slot.touched > idleMs) slots.delete(key);
    // Still full: the first-stored clean entries go (a Map iterates in insertion order).
    for (const [key, slot] of slots) {
      if (slots.size < max) break;
      if (!slot.dirty) slots.delete(key);
    }
  }

  return {
    async get(key) {
      const slot = slots.get(key);
      return slot && { version: slot.version, entry: slot.entry };
    },
    async put(key, expected, entry, rewatch) {
      const slot = slots.get(key);
      if (slot?.version !== expected) return false;
      if (!slot) {
        sweep();
        if (slots.size >= max) throw new Error("progress buffer full");
      }
      slots.set(key, {
        version: (slot?.version ?? 0) + 1,
        entry,
        rewatch: [...(slot?.rewatch ?? []), ...rewatch],
        dirty: true,
        touched: now(),
      });
      markDirty(key);
      return true;
    },
    async dirtyOf(userId) {
      return [...(dirtyByUser.get(userId) ?? [])];
    },
    async claimDirty(n) {
      const keys: string[] = [];
      for (const key of dirty) {
        if (keys.length >= n) break;
        keys.push(key);
        dirty.delete(key);
      }
      return keys;
    },
    async take(key) {
      markClean(key);
      const slot = slots.get(key);
      if (!slot?.dirty) return undefined;
      const taken = { version: slot.version + 1, entry: slot.entry, rewatch: slot.rewatch };
      slots.set(key, { ...slot, version: taken.version, rewatch: [], dirty: false });
      return taken;
    },
    async settle(key, takenVersion, entry) {
      const slot = slots.get(key);
      if (slot?.version === takenVersion) slots.set(key, { ...slot, version: slot.version + 1, entry });
    },
    async restore(key, taken) {
      const slot = slots.get(key);
      slots.set(
        key,
        slot
          ? { ...slot, version: slot.version + 1, rewatch: [...taken.rewatch, ...slot.rewatch], dirty: true }
          : { version: taken.version + 1, entry: taken.entry, rewatch: taken.rewatch, dirty: true, touched: now() },
      );
      markDirty(key);
    },
    async forget(key) {
      if (!slots.get(key)?.dirty) slots.delete(key);
    },
    async dirtyCount() {
      return dirty.size;
    },
    size: () => slots.size,
  };
}

// ---- Redis ------------------------------------------------------------------------------------------------------

// An entry is a hash: v (version), e (the entry as JSON), rw (rewatched seconds as a JSON array), d ("1": dirty).
// KEYS[1] the entry, KEYS[2] the dirty set, KEYS[3] the learner's dirty set; ARGV: expected version ("" for none),
// entry, rewatch, member.
const PUT = `
local v = redis.call('HGET', KEYS[1], 'v')
if (ARGV[1] == '' and v) or (ARGV[1] ~= '' and v ~= ARGV[1]) then return 0 end
local rw = redis.call('HGET', KEYS[1], 'rw')
if ARGV[3] ~= '[]' then
  if not rw or rw == '[]' then rw = ARGV[3] else rw = string.sub(rw, 1, -2) .. ',' .. string.sub(ARGV[3], 2) end
end
redis.call('HSET', KEYS[1], 'v', (tonumber(v) or 0) + 1, 'e', ARGV[2], 'rw', rw or '[]', 'd', '1')
redis.call('PERSIST', KEYS[1])
redis.call('SADD', KEYS[2], ARGV[4])
redis.call('SADD', KEYS[3], ARGV[4])
return 1`;

// KEYS[1] the entry, KEYS[2] the dirty set, KEYS[3] the learner's; ARGV[1] the member. Returns {version, entry,
// rewatch} or nil.
const TAKE = `
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('SREM', KEYS[3], ARGV[1])
local h = redis.call('HMGET', KEYS[1], 'v', 'e', 'rw', 'd')
if not h[1] or h[4] ~= '1' then return nil end
local v = tonumber(h[1]) + 1
redis.call('HSET', KEYS[1], 'v', v, 'rw', '[]', 'd', '0')
return {v, h[2], h[3] or '[]'}`;

// KEYS[1] the entry; ARGV: taken version, entry, idle ms.
const SETTLE = `
local h = redis.call('HMGET', KEYS[1], 'v', 'd')
if h[1] == ARGV[1] then redis.call('HSET', KEYS[1], 'v', tonumber(h[1]) + 1, 'e', ARGV[2]) end
if h[1] and h[2] ~= '1' then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return 1`;

// KEYS[1] the entry, KEYS[2] the dirty set, KEYS[3] the learner's; ARGV: member, taken version, taken entry, taken
// rewatch.
const RESTORE = `
local h = redis.call('HMGET', KEYS[1], 'v', 'rw')
if not h[1] then
  redis.call('HSET', KEYS[1], 'v', tonumber(ARGV[2]) + 1, 'e', ARGV[3], 'rw', ARGV[4], 'd', '1')
else
  local rw = h[2] or '[]'
  if ARGV[4] ~= '[]' then
    if rw == '[]' then rw = ARGV[4] else rw = string.sub(ARGV[4], 1, -2) .. ',' .. string.sub(rw, 2) end
  end
  redis.call('HSET', KEYS[1], 'v', tonumber(h[1]) + 1, 'rw', rw, 'd', '1')
end
redis.call('PERSIST', KEYS[1])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
return 1`;

const FORGET = `
if redis.call('HGET', KEYS[1], 'd') ~= '1' then redis.call('DEL', KEYS[1]) end
return 1`;

function encodeEntry(entry: BufferEntry): string {
  return JSON.stringify(entry);
}

function decodeEntry(text: string): BufferEntry {
  const raw = JSON.parse(text) as BufferEntry & { row: Record<string, unknown> };
  const date = (v: unknown) => (v == null ? null : new Date(String(v)));
  return {
    ...raw,
    row: {
      ...(raw.row as unknown as ProgressRow),
      completedAt: date(raw.row.completedAt),
      creditAt: date(raw.row.creditAt),
      startedAt: date(raw.row.startedAt) as Date,
      updatedAt: date(raw.row.updatedAt) as Date,
    },
  };
}

/** Entries in Redis, shared by every instance. Clean entries expire after `idleMs`. */
export function createRedisBufferStore(redis: Redis, opts: { prefix: string; idleMs?: number }): BufferStore {
  const idleMs = String(opts.idleMs ?? 10 * 60_000);
  const dirtySet = `${opts.prefix}progress:dirty`;
  const entryKey = (key: string) => `${opts.prefix}progress:${key}`;
  const userSet = (key: string) => `${opts.prefix}progress:dirty:${userOf(key)}`;
  return {
    async get(key) {
      const [v, e] = await redis.hmget(entryKey(key), "v", "e");
      return v && e ? { version: Number(v), entry: decodeEntry(e) } : undefined;
    },
    async put(key, expected, entry, rewatch) {
      const done = await redis.eval(
        PUT,
        3,
        entryKey(key),
        dirtySet,
        userSet(key),
        expected === undefined ? "" : String(expected),
        encodeEntry(entry),
        JSON.stringify(rewatch),
        key,
      );
      return Number(done) === 1;
    },
    async dirtyOf(userId) {
      return redis.smembers(userSet(`${userId}:`));
    },
    async claimDirty(n) {
      return (await redis.spop(dirtySet, n)) ?? [];
    },
    async take(key) {
      const taken = (await redis.eval(TAKE, 3, entryKey(key), dirtySet, userSet(key), key)) as
        | [number, string, string]
        | null;
      if (!taken) return undefined;
      return {
        version: Number(taken[0]),
        entry: decodeEntry(taken[1]),
        rewatch: JSON.parse(taken[2]) as Segment[],
      };
    },
    async settle(key, takenVersion, entry) {
      await redis.eval(SETTLE, 1, entryKey(key), String(takenVersion), encodeEntry(entry), idleMs);
    },
    async restore(key, taken) {
      await redis.eval(
        RESTORE,
        3,
        entryKey(key),
        dirtySet,
        userSet(key),
        key,
        String(taken.version),
        encodeEntry(taken.entry),
        JSON.stringify(taken.rewatch),
      );
    },
    async forget(key) {
      await redis.eval(FORGET, 1, entryKey(key));
    },
    async dirtyCount() {
      return redis.scard(dirtySet);
    },
  };
}

// ---- the buffer -------------------------------------------------------------------------------------------------

export interface ProgressBuffer {
  store: BufferStore;
  /** Writes the given keys' unflushed reports now; returns the stored rows by key (only keys that had any). */
  flushKeys(keys: readonly string[]): Promise<Map<string, ProgressRow>>;
  /** Writes a learner's unflushed reports now, before their progress is read. */
  flushUser(userId: string): Promise<void>;
  /** Writes every unflushed report now (the timer does this every interval; shutdown does it last). */
  flushAll(): Promise<number>;
  close(): Promise<void>;
}

export function toBufferedWrite(taken: Taken): BufferedWrite {
  const { row } = taken.entry;
  return {
    userId: row.userId,
    courseId: row.courseId,
    lessonId: row.lessonId,
    positionSeconds: row.positionSeconds,
    watchedSegments: row.watchedSegments,
    watchPercentage: row.watchPercentage,
    isCompleted: row.isCompleted,
    creditAt: row.creditAt,
    creditBalance: row.creditBalance,
    rewatch: taken.rewatch,
    updatedAt: row.updatedAt,
  };
}

export function createProgressBuffer(opts: {
  store: BufferStore;
  /** Writes a batch; returns the stored rows (completions settled). */
  write: (items: BufferedWrite[]) => Promise<ProgressRow[]>;
  intervalMs: number;
  batchSize?: number;
  onFlushed?: (rows: number, ms: number) => void;
  onError?: (err: unknown) => void;
}): ProgressBuffer {
  const { store } = opts;
  const batchSize = opts.batchSize ?? 500;

  async function flushTaken(keys: readonly string[]): Promise<Map<string, ProgressRow>> {
    const taken = new Map<string, Taken>();
    await Promise.all(
      keys.map(async (key) => {
        const t = await store.take(key);
        if (t) taken.set(key, t);
      }),
    );
    const stored = new Map<string, ProgressRow>();
    if (taken.size === 0) return stored;
    const started = performance.now();
    let rows: ProgressRow[];
    try {
      rows = await opts.write([...taken.values()].map(toBufferedWrite));
    } catch (err) {
      await Promise.all([...taken].map(([key, t]) => store.restore(key, t)));
      throw err;
    }
    opts.onFlushed?.(rows.length, performance.now() - started);
    for (const row of rows) stored.set(bufferKey(row.userId, row.lessonId), row);
    await Promise.all(
      [...taken].map(async ([key, t]) => {
        const row = stored.get(key);
        // A row the table dropped (its lesson or learner deleted) leaves the buffer too.
        if (row) await store.settle(key, t.version, { ...t.entry, row });
        else await store.forget(key);
      }),
    );
    return stored;
  }

  let running: Promise<number> | null = null;
  async function flushAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const keys = await store.claimDirty(batchSize);
      if (keys.length === 0) return total;
      // On a failed write the taken entries are dirty again (restored); the error reaches the caller.
      total += (await flushTaken(keys)).size;
      if (keys.length < batchSize) return total;
    }
  }

  function tick() {
    if (running) return;
    running = flushAll()
      .catch((err) => {
        opts.onError?.(err);
        return 0;
      })
      .finally(() => {
        running = null;
      });
  }
  const timer = opts.intervalMs > 0 ? setInterval(tick, opts.intervalMs) : null;
  timer?.unref();

  return {
    store,
    flushKeys: flushTaken,
    async flushUser(userId) {
      const keys = await store.dirtyOf(userId);
      if (keys.length > 0) await flushTaken(keys);
    },
    async flushAll() {
      while (running) await running;
      return flushAll();
    },
    async close() {
      if (timer) clearInterval(timer);
      while (running) await running;
      await flushAll().catch((err) => opts.onError?.(err));
    },
  };
}
