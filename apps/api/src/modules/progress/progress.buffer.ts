import type { Redis } from "ioredis";
import type { BufferedWrite, ProgressRow, StoredRow } from "./progress.repo.js";
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
  /**
   * The version of the table's row that `row` was built on (see progress.repo's flushBuffered): while the table
   * still holds that version, a flush writes the entry as it is instead of merging it. Null or absent: not known.
   */
  tableVersion?: string | null;
}

export interface Stored {
  version: number;
  entry: BufferEntry;
}

export interface Taken extends Stored {
  rewatch: Segment[];
}

/** The buffer's store failed (Redis down): what was acknowledged stays there, to be written once it answers. */
export class BufferStoreError extends Error {
  constructor(cause: unknown) {
    super(`progress buffer store: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "BufferStoreError";
  }
}

async function inStore<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    throw err instanceof BufferStoreError ? err : new BufferStoreError(err);
  }
}

/** `take` on an entry another flush is writing now: wait for it (its lease runs out if that flusher died). */
export const BUSY = "busy" as const;

/** Where entries live. Every method is atomic per key. */
export interface BufferStore {
  get(key: string): Promise<Stored | undefined>;
  /**
   * Replaces the entry if its version is still `expected` (undefined: no entry yet), appends `rewatch`, and marks the
   * key dirty. Returns false when another update came first. A report does not change what the entry is built on:
   * `entry.tableVersion` is stored for a new entry only.
   */
  put(key: string, expected: number | undefined, entry: BufferEntry, rewatch: Segment[]): Promise<boolean>;
  /** A learner's keys with reports not yet in the table (dirty or being flushed), to write before reading theirs. */
  dirtyOf(userId: string): Promise<string[]>;
  /**
   * Up to `n` dirty keys, claimed: another flusher will not get them until they are dirtied again. Keys whose flush
   * lease ran out (the flusher died between take and settle) are claimed again too.
   */
  claimDirty(n: number): Promise<string[]>;
  /**
   * A dirty entry and its rewatched seconds, taken for a flush under a lease: it is "being flushed" until settled,
   * restored or reported to again. BUSY while another flush holds it; undefined when nothing is unflushed.
   */
  take(key: string): Promise<Taken | typeof BUSY | undefined>;
  /**
   * After a flush: the stored row replaces the entry, now clean, unless a report came since `taken`. Then, when
   * `rebase` says the stored row is the taken one as it was, the newer entry is built on the stored version.
   */
  settle(key: string, takenVersion: number, entry: BufferEntry, rebase?: boolean): Promise<void>;
  /** A flush failed: the entry is dirty again, its rewatched seconds back in place. */
  restore(key: string, taken: Taken): Promise<void>;
  /** Drops a clean entry (the table changed under it); a dirty one stays for its flush. */
  forget(key: string): Promise<void>;
  /**
   * Stores the table's row as the clean entry (replacing a clean one, never one with reports not yet written), so the
   * next report starts from it without reading the table.
   */
  prime(key: string, entry: BufferEntry): Promise<void>;
  dirtyCount(): Promise<number>;
}

export const bufferKey = (userId: string, lessonId: string) => `${userId}:${lessonId}`;
const userOf = (key: string) => key.slice(0, key.indexOf(":"));

// ---- this process's memory ------------------------------------------------------------------------------------

type SlotState = "clean" | "dirty" | "flushing";

interface MemorySlot extends Stored {
  rewatch: Segment[];
  state: SlotState;
  /** While flushing: when the flush's lease runs out. */
  leaseUntil: number;
  touched: number;
}

/** Entries in memory, for one instance. Clean entries idle longer than `idleMs` are dropped, and at most `max` kept. */
export function createMemoryBufferStore(
  opts: { idleMs?: number; max?: number; leaseMs?: number; now?: () => number } = {},
): BufferStore & { size(): number } {
  const idleMs = opts.idleMs ?? 10 * 60_000;
  const max = opts.max ?? 200_000;
  const leaseMs = opts.leaseMs ?? 30_000;
  const now = opts.now ?? Date.now;
  const slots = new Map<string, MemorySlot>();
  const dirty = new Set<string>();
  const flushing = new Set<string>();
  const pendingByUser = new Map<string, Set<string>>();
  let lastSweep = now();
  const markPending = (key: string) => {
    const user = userOf(key);
    const keys = pendingByUser.get(user) ?? new Set<string>();
    keys.add(key);
    pendingByUser.set(user, keys);
  };
  const markDone = (key: string) => {
    flushing.delete(key);
    const keys = pendingByUser.get(userOf(key));
    keys?.delete(key);
    if (keys?.size === 0) pendingByUser.delete(userOf(key));
  };
  const setDirty = (key: string, slot: MemorySlot) => {
    slots.set(key, slot);
    flushing.delete(key);
    dirty.add(key);
    markPending(key);
  };

  function sweep() {
    const t = now();
    if (t - lastSweep < Math.min(idleMs, 60_000) && slots.size < max) return;
    lastSweep = t;
    for (const [key, slot] of slots) if (slot.state === "clean" && t - slot.touched > idleMs) slots.delete(key);
    // Still full: the first-stored clean entries go (a Map iterates in insertion order).
    for (const [key, slot] of slots) {
      if (slots.size < max) break;
      if (slot.state === "clean") slots.delete(key);
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
      setDirty(key, {
        version: (slot?.version ?? 0) + 1,
        entry: slot ? { ...entry, tableVersion: slot.entry.tableVersion ?? null } : entry,
        rewatch: [...(slot?.rewatch ?? []), ...rewatch],
        state: "dirty",
        leaseUntil: 0,
        touched: now(),
      });
      return true;
    },
    async dirtyOf(userId) {
      return [...(pendingByUser.get(userId) ?? [])];
    },
    async claimDirty(n) {
      const keys: string[] = [];
      const t = now();
      for (const key of flushing) {
        if (keys.length >= n) break;
        if ((slots.get(key)?.leaseUntil ?? 0) <= t) keys.push(key);
      }
      for (const key of dirty) {
        if (keys.length >= n) break;
        keys.push(key);
        dirty.delete(key);
      }
      return keys;
    },
    async take(key) {
      dirty.delete(key);
      const slot = slots.get(key);
      if (!slot || slot.state === "clean") {
        markDone(key);
        return undefined;
      }
      if (slot.state === "flushing" && slot.leaseUntil > now()) return BUSY;
      const taken = { version: slot.version + 1, entry: slot.entry, rewatch: slot.rewatch };
      slots.set(key, { ...slot, version: taken.version, rewatch: [], state: "flushing", leaseUntil: now() + leaseMs });
      flushing.add(key);
      return taken;
    },
    async settle(key, takenVersion, entry, rebase = false) {
      const slot = slots.get(key);
      if (!slot) markDone(key);
      else if (slot.version === takenVersion) {
        slots.set(key, { ...slot, version: slot.version + 1, entry, state: "clean", leaseUntil: 0, touched: now() });
        markDone(key);
      } else if (rebase) {
        slots.set(key, { ...slot, entry: { ...slot.entry, tableVersion: entry.tableVersion ?? null } });
      }
    },
    async restore(key, taken) {
      const slot = slots.get(key);
      setDirty(
        key,
        slot
          ? { ...slot, version: slot.version + 1, rewatch: [...taken.rewatch, ...slot.rewatch], state: "dirty" }
          : { ...taken, version: taken.version + 1, state: "dirty", leaseUntil: 0, touched: now() },
      );
    },
    async forget(key) {
      if (slots.get(key)?.state === "clean") slots.delete(key);
    },
    async prime(key, entry) {
      const slot = slots.get(key);
      if (slot && slot.state !== "clean") return;
      if (!slot) sweep();
      if (slot || slots.size < max) {
        const version = (slot?.version ?? 0) + 1;
        slots.set(key, { version, entry, rewatch: [], state: "clean", leaseUntil: 0, touched: now() });
      }
    },
    async dirtyCount() {
      return dirty.size;
    },
    size: () => slots.size,
  };
}

// ---- Redis ------------------------------------------------------------------------------------------------------

// An entry is a hash: v (version), e (the entry as JSON, but its tableVersion), tv (the entry's tableVersion, "" for
// none), rw (rewatched seconds as a JSON array), d (state: "0" clean, "1" dirty, "2" being flushed), lt (while
// flushed: when the lease runs out, ms of Redis's clock). Every script
// gets KEYS[1] the entry, KEYS[2] the dirty set, KEYS[3] the learner's set of keys not yet in the table, KEYS[4] the
// leases (a sorted set by when they run out), and ARGV[1] the member (the entry's key without the prefix).
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

// ARGV: member, expected version ("" for none), entry, rewatch, table version (kept for a new entry only).
const PUT = `
local v = redis.call('HGET', KEYS[1], 'v')
if (ARGV[2] == '' and v) or (ARGV[2] ~= '' and v ~= ARGV[2]) then return 0 end
local rw = redis.call('HGET', KEYS[1], 'rw')
if ARGV[4] ~= '[]' then
  if not rw or rw == '[]' then rw = ARGV[4] else rw = string.sub(rw, 1, -2) .. ',' .. string.sub(ARGV[4], 2) end
end
redis.call('HSET', KEYS[1], 'v', (tonumber(v) or 0) + 1, 'e', ARGV[3], 'rw', rw or '[]', 'd', '1')
if not v then redis.call('HSET', KEYS[1], 'tv', ARGV[5]) end
redis.call('HDEL', KEYS[1], 'lt')
redis.call('PERSIST', KEYS[1])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
return 1`;

// ARGV: member, lease ms. Returns {version, entry, rewatch, table version}, -1 while another flush holds it, or nil.
const TAKE = `${NOW}
redis.call('SREM', KEYS[2], ARGV[1])
local h = redis.call('HMGET', KEYS[1], 'v', 'e', 'rw', 'd', 'lt', 'tv')
if not h[1] or (h[4] ~= '1' and h[4] ~= '2') then
  redis.call('SREM', KEYS[3], ARGV[1])
  redis.call('ZREM', KEYS[4], ARGV[1])
  return nil
end
if h[4] == '2' and tonumber(h[5] or '0') > now then return -1 end
local v = tonumber(h[1]) + 1
local lt = now + tonumber(ARGV[2])
redis.call('HSET', KEYS[1], 'v', v, 'rw', '[]', 'd', '2', 'lt', lt)
redis.call('ZADD', KEYS[4], lt, ARGV[1])
return {v, h[2], h[3] or '[]', h[6] or ''}`;

// ARGV: member, taken version, entry, idle ms, table version, rebase ("1": a newer entry builds on it).
const SETTLE = `
local v = redis.call('HGET', KEYS[1], 'v')
if v and v ~= ARGV[2] then
  if ARGV[6] == '1' then redis.call('HSET', KEYS[1], 'tv', ARGV[5]) end
  return 0
end
if v then
  redis.call('HSET', KEYS[1], 'v', tonumber(v) + 1, 'e', ARGV[3], 'tv', ARGV[5], 'd', '0')
  redis.call('HDEL', KEYS[1], 'lt')
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
end
redis.call('SREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
return 1`;

// ARGV: member, taken version, taken entry, taken rewatch, taken table version.
const RESTORE = `
local h = redis.call('HMGET', KEYS[1], 'v', 'rw')
if not h[1] then
  redis.call('HSET', KEYS[1], 'v', tonumber(ARGV[2]) + 1, 'e', ARGV[3], 'rw', ARGV[4], 'tv', ARGV[5], 'd', '1')
else
  local rw = h[2] or '[]'
  if ARGV[4] ~= '[]' then
    if rw == '[]' then rw = ARGV[4] else rw = string.sub(ARGV[4], 1, -2) .. ',' .. string.sub(rw, 2) end
  end
  redis.call('HSET', KEYS[1], 'v', tonumber(h[1]) + 1, 'rw', rw, 'd', '1')
end
redis.call('HDEL', KEYS[1], 'lt')
redis.call('PERSIST', KEYS[1])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
return 1`;

// KEYS[1] the dirty set, KEYS[2] the leases; ARGV[1] how many. Run-out leases first, then dirty keys.
const CLAIM = `${NOW}
local n = tonumber(ARGV[1])
local keys = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, n)
for _, m in ipairs(keys) do redis.call('ZREM', KEYS[2], m) end
if #keys < n then
  for _, m in ipairs(redis.call('SPOP', KEYS[1], n - #keys)) do table.insert(keys, m) end
end
return keys`;

// ARGV: member, entry, idle ms, table version.
const PRIME = `
local h = redis.call('HMGET', KEYS[1], 'v', 'd')
if h[1] and h[2] ~= '0' then return 0 end
redis.call('HSET', KEYS[1], 'v', (tonumber(h[1]) or 0) + 1, 'e', ARGV[2], 'tv', ARGV[4], 'rw', '[]', 'd', '0')
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

const FORGET = `
if redis.call('HGET', KEYS[1], 'd') == '0' then redis.call('DEL', KEYS[1]) end
return 1`;

/** The entry as stored in `e`: its tableVersion goes in `tv`. */
function encodeEntry({ tableVersion: _, ...entry }: BufferEntry): string {
  return JSON.stringify(entry);
}
const encodeVersion = (entry: BufferEntry) => entry.tableVersion ?? "";

function decodeEntry(text: string, tableVersion: string | null | undefined): BufferEntry {
  const raw = JSON.parse(text) as BufferEntry & { row: Record<string, unknown> };
  const date = (v: unknown) => (v == null ? null : new Date(String(v)));
  return {
    ...raw,
    tableVersion: tableVersion || null,
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
export function createRedisBufferStore(
  redis: Redis,
  opts: { prefix: string; idleMs?: number; leaseMs?: number },
): BufferStore {
  const idleMs = String(opts.idleMs ?? 10 * 60_000);
  const leaseMs = String(opts.leaseMs ?? 30_000);
  const dirtySet = `${opts.prefix}progress:dirty`;
  const leases = `${opts.prefix}progress:leases`;
  const entryKey = (key: string) => `${opts.prefix}progress:${key}`;
  const userSet = (key: string) => `${opts.prefix}progress:dirty:${userOf(key)}`;
  const run = (script: string, key: string, ...args: string[]) =>
    redis.eval(script, 4, entryKey(key), dirtySet, userSet(key), leases, key, ...args);
  return {
    async get(key) {
      const [v, e, tv] = await redis.hmget(entryKey(key), "v", "e", "tv");
      return v && e ? { version: Number(v), entry: decodeEntry(e, tv) } : undefined;
    },
    async put(key, expected, entry, rewatch) {
      const expectedArg = expected === undefined ? "" : String(expected);
      const args = [expectedArg, encodeEntry(entry), JSON.stringify(rewatch), encodeVersion(entry)];
      return Number(await run(PUT, key, ...args)) === 1;
    },
    async dirtyOf(userId) {
      return redis.smembers(userSet(`${userId}:`));
    },
    async claimDirty(n) {
      return [...new Set((await redis.eval(CLAIM, 2, dirtySet, leases, String(n))) as string[])];
    },
    async take(key) {
      const taken = (await run(TAKE, key, leaseMs)) as [number, string, string, string] | -1 | null;
      if (taken === -1) return BUSY;
      if (!taken) return undefined;
      return {
        version: Number(taken[0]),
        entry: decodeEntry(taken[1], taken[3]),
        rewatch: JSON.parse(taken[2]) as Segment[],
      };
    },
    async settle(key, takenVersion, entry, rebase = false) {
      const args = [String(takenVersion), encodeEntry(entry), idleMs, encodeVersion(entry), rebase ? "1" : "0"];
      await run(SETTLE, key, ...args);
    },
    async restore(key, taken) {
      const args = [encodeEntry(taken.entry), JSON.stringify(taken.rewatch), encodeVersion(taken.entry)];
      await run(RESTORE, key, String(taken.version), ...args);
    },
    async forget(key) {
      await run(FORGET, key);
    },
    async prime(key, entry) {
      await run(PRIME, key, encodeEntry(entry), idleMs, encodeVersion(entry));
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

/**
 * Whether a flush stored the taken row's progress as it was (nothing merged into it): then reports applied to the
 * taken row since build on the stored version as well.
 */
function sameProgress(stored: ProgressRow, taken: ProgressRow): boolean {
  const a = stored.watchedSegments;
  const b = taken.watchedSegments;
  return (
    stored.watchPercentage === taken.watchPercentage &&
    stored.isCompleted === taken.isCompleted &&
    a.length === b.length &&
    a.every((s, i) => s[0] === b[i]?.[0] && s[1] === b[i]?.[1])
  );
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
    tableVersion: taken.entry.tableVersion ?? null,
  };
}

export function createProgressBuffer(opts: {
  store: BufferStore;
  /** Writes a batch; returns the stored rows (completions settled) with their versions. */
  write: (items: BufferedWrite[]) => Promise<StoredRow[]>;
  intervalMs: number;
  /**
   * Rows per statement (100). Each batch is encoded as JSON and handed to the driver in one go, and a learner who
   * skips around has many segments: 600 such rows were 1.2 MB and 12 ms of encoding on the event loop, a stall
   * every request in flight waited for. Batches of 100 keep each stall to a couple of milliseconds.
   */
  batchSize?: number;
  /** How long a flush of given keys waits for another instance's flush of them before it reads on. */
  busyWaitMs?: number;
  onFlushed?: (rows: number, ms: number) => void;
  onError?: (err: unknown) => void;
}): ProgressBuffer {
  const { store } = opts;
  const batchSize = opts.batchSize ?? 100;
  const busyWaitMs = opts.busyWaitMs ?? 2_000;
  /** This process's flushes in progress, by key: a flush of the same key waits for them rather than polling. */
  const inFlight = new Map<string, Promise<unknown>>();

  /** Takes a key for a flush once `before` (this process's earlier flush of it) is done, and another instance's. */
  async function takeWhenFree(key: string, before: Promise<unknown> | undefined, until: number) {
    if (before) await before.catch(() => undefined);
    let pause = 2;
    for (;;) {
      const taken = await inStore(store.take(key));
      if (taken !== BUSY) return taken;
      // Another instance is writing it: its rows are in the table once that flush settles, or its lease runs out.
      if (performance.now() >= until) return undefined;
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 50);
    }
  }

  async function flushTaken(keys: readonly string[]): Promise<Map<string, ProgressRow>> {
    // Registered before the keys are taken, so that no flush starting meanwhile can miss this one and read on.
    let done: () => void = () => undefined;
    const work = new Promise<void>((resolve) => {
      done = resolve;
    });
    const before = new Map(keys.map((key) => [key, inFlight.get(key)]));
    for (const key of keys) inFlight.set(key, work);
    try {
      const taken = new Map<string, Taken>();
      const until = performance.now() + busyWaitMs;
      await Promise.all(
        keys.map(async (key) => {
          const t = await takeWhenFree(key, before.get(key), until);
          if (t) taken.set(key, t);
        }),
      );
      const stored = new Map<string, ProgressRow>();
      if (taken.size > 0) await writeTaken(taken, stored);
      return stored;
    } finally {
      done();
      for (const key of keys) if (inFlight.get(key) === work) inFlight.delete(key);
    }
  }

  async function writeTaken(taken: Map<string, Taken>, stored: Map<string, ProgressRow>): Promise<void> {
    const started = performance.now();
    let rows: StoredRow[];
    try {
      rows = await opts.write([...taken.values()].map(toBufferedWrite));
    } catch (err) {
      // Not written: dirty again. Should the store fail too, the leases run out and the rows are taken again.
      await Promise.all([...taken].map(([key, t]) => store.restore(key, t))).catch(() => undefined);
      throw err;
    }
    opts.onFlushed?.(rows.length, performance.now() - started);
    const versions = new Map<string, string | null>();
    for (const { row, version } of rows) {
      const key = bufferKey(row.userId, row.lessonId);
      stored.set(key, row);
      versions.set(key, version);
    }
    await inStore(
      Promise.all(
        [...taken].map(async ([key, t]) => {
          const row = stored.get(key);
          // A row the table dropped (its lesson or learner deleted) leaves the buffer too.
          if (row) {
            const entry = { ...t.entry, row, tableVersion: versions.get(key) ?? null };
            await store.settle(key, t.version, entry, sameProgress(row, t.entry.row));
          } else {
            await store.settle(key, t.version, t.entry);
            await store.forget(key);
          }
        }),
      ),
    );
  }

  let running: Promise<number> | null = null;
  /** Writes dirty rows batch after batch, at most `batches` of them (reports keep coming: the rest wait a tick). */
  async function flushAll(batches = Number.POSITIVE_INFINITY): Promise<number> {
    let total = 0;
    for (let batch = 0; batch < batches; batch++) {
      const keys = await inStore(store.claimDirty(batchSize));
      if (keys.length === 0) break;
      // On a failed write the taken entries are dirty again (restored); the error reaches the caller.
      total += (await flushTaken(keys)).size;
      if (keys.length < batchSize) break;
    }
    // Flushes this process started before (a learner's own, say) are part of "everything written".
    await Promise.all(new Set(inFlight.values()));
    return total;
  }

  function tick() {
    if (running) return;
    // The rows dirty now (and one batch for leases run out): without a bound, rows dirtied again while a batch is
    // written would keep the flusher going from one interval to the next.
    running = inStore(store.dirtyCount())
      .then((dirty) => flushAll(Math.ceil(dirty / batchSize) + 1))
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
      const keys = await inStore(store.dirtyOf(userId));
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
