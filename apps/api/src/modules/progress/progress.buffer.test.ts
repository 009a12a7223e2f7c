import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Taken } from "./progress.buffer.js";
import {
  BUSY,
  type BufferEntry,
  type BufferStore,
  bufferKey,
  createMemoryBufferStore,
  createProgressBuffer,
  createRedisBufferStore,
} from "./progress.buffer.js";
import type { BufferedWrite, ProgressRow, StoredRow } from "./progress.repo.js";

const USER = "00000000-0000-4000-8000-000000000001";
const LESSON = "00000000-0000-4000-8000-0000000000a1";
const OTHER_LESSON = "00000000-0000-4000-8000-0000000000a2";
const key = bufferKey(USER, LESSON);

function entry(over: Partial<ProgressRow> = {}, tableVersion: string | null = null): BufferEntry {
  return {
    row: {
      id: "",
      userId: USER,
      courseId: "00000000-0000-4000-8000-0000000000c1",
      lessonId: LESSON,
      watchPercentage: 10,
      positionSeconds: 10.3,
      watchedSegments: [[0, 10.3]],
      lastRewatch: [],
      isCompleted: false,
      completedAt: null,
      creditAt: new Date("2026-12-01T10:00:00.123Z"),
      creditBalance: 2.5,
      quizProgress: null,
      startedAt: new Date("2026-12-01T09:00:00Z"),
      updatedAt: new Date("2026-12-01T10:00:00.123Z"),
      ...over,
    },
    durationSeconds: 100,
    isVideo: true,
    tableVersion,
  };
}

/** A take that must find an entry to flush. */
async function taken(store: BufferStore, k = key): Promise<Taken> {
  const t = await store.take(k);
  if (!t || t === BUSY) throw new Error(`nothing taken: ${String(t)}`);
  return t;
}

/** The same contract for both stores: memory always, Redis when REDIS_URL is set (CI's PostgreSQL + Redis run). */
function contract(name: string, make: (opts?: { leaseMs?: number }) => Promise<BufferStore>) {
  describe(`${name} buffer store`, () => {
    let store: BufferStore;
    beforeEach(async () => {
      store = await make();
    });

    it("stores with compare-and-set: a stale version loses, and the entry comes back as stored", async () => {
      expect(await store.get(key)).toBeUndefined();
      expect(await store.put(key, undefined, entry(), [])).toBe(true);
      expect(await store.put(key, undefined, entry(), [])).toBe(false);
      const stored = await store.get(key);
      expect(stored?.entry).toEqual(entry());
      expect(await store.put(key, stored?.version, entry({ positionSeconds: 20 }), [])).toBe(true);
      expect(await store.put(key, stored?.version, entry({ positionSeconds: 30 }), [])).toBe(false);
      expect((await store.get(key))?.entry.row.positionSeconds).toBe(20);
    });

    it("hands a dirty entry to one flush, with its rewatched seconds, once", async () => {
      await store.put(key, undefined, entry(), [[1, 3]]);
      const v = (await store.get(key))?.version;
      await store.put(key, v, entry(), [[5, 7]]);
      expect(await store.dirtyCount()).toBe(1);
      expect(await store.dirtyOf(USER)).toEqual([key]);
      expect(await store.claimDirty(10)).toEqual([key]);
      expect(await store.claimDirty(10)).toEqual([]);
      const first = await taken(store);
      expect(first.rewatch).toEqual([
        [1, 3],
        [5, 7],
      ]);
      // Being flushed: another flush waits for it, and the learner's reads still see it as not yet written.
      expect(await store.take(key)).toBe(BUSY);
      expect(await store.dirtyOf(USER)).toEqual([key]);
      await store.settle(key, first.version, entry({ id: "row-1" }));
      expect(await store.take(key)).toBeUndefined();
      expect(await store.dirtyOf(USER)).toEqual([]);
      expect(await store.claimDirty(10)).toEqual([]);
    });

    it("hands an entry on when its flush's lease runs out (the flusher died), and a report ends the lease", async () => {
      const lapsing = await make({ leaseMs: 0 });
      await lapsing.put(key, undefined, entry(), [[1, 3]]);
      expect(await lapsing.claimDirty(10)).toEqual([key]);
      const lost = await taken(lapsing);
      expect(await lapsing.claimDirty(10)).toEqual([key]);
      const again = await taken(lapsing);
      expect(again.entry).toEqual(entry());
      expect(again.version).toBeGreaterThan(lost.version);
      await lapsing.settle(key, lost.version, entry({ id: "late" })); // the first flusher's settle is stale
      expect((await lapsing.get(key))?.entry.row.id).toBe("");
      await lapsing.put(key, again.version, entry({ positionSeconds: 70 }), []);
      expect(await lapsing.claimDirty(10)).toEqual([key]);
      expect(await lapsing.claimDirty(10)).toEqual([]);
    });

    it("settles a flushed entry with the stored row unless a report came since", async () => {
      await store.put(key, undefined, entry(), []);
      const first = await taken(store);
      await store.settle(key, first.version, entry({ id: "row-1" }));
      expect((await store.get(key))?.entry.row.id).toBe("row-1");

      const v = (await store.get(key))?.version;
      await store.put(key, v, entry({ id: "row-1", positionSeconds: 50 }), []);
      const again = await taken(store);
      await store.put(key, again.version, entry({ id: "row-1", positionSeconds: 60 }), []); // a report meanwhile
      expect(await store.dirtyOf(USER)).toEqual([key]);
      await store.settle(key, again.version, entry({ id: "row-1", positionSeconds: 50 }));
      expect((await store.get(key))?.entry.row.positionSeconds).toBe(60);
      expect(await store.claimDirty(10)).toEqual([key]);
    });

    it("keeps what an entry is built on through its reports, and moves it on with a flush", async () => {
      const builtOn = async () => (await store.get(key))?.entry.tableVersion;
      const report = async (positionSeconds: number) =>
        store.put(key, (await store.get(key))?.version, entry({ positionSeconds }, "a report's"), []);
      await store.put(key, undefined, entry({}, "7:(0,1)"), []);
      await report(20);
      expect(await builtOn()).toBe("7:(0,1)");
      // A flush that merged something into the row: a report applied since is not built on what it stored.
      let t = await taken(store);
      expect(t.entry.tableVersion).toBe("7:(0,1)");
      await report(30);
      await store.settle(key, t.version, entry({ id: "row-1", positionSeconds: 20 }, "8:(0,2)"), false);
      expect(await builtOn()).toBe("7:(0,1)");
      // One that stored the taken row as it was: the newer entry stays dirty, now built on the stored version.
      t = await taken(store);
      await report(40);
      await store.settle(key, t.version, entry({ id: "row-1", positionSeconds: 30 }, "9:(0,3)"), true);
      expect(await builtOn()).toBe("9:(0,3)");
      expect((await store.get(key))?.entry.row.positionSeconds).toBe(40);
      expect(await store.dirtyOf(USER)).toEqual([key]);
      // A failed flush keeps it; a settled one and a prime replace it.
      t = await taken(store);
      await store.restore(key, t);
      expect(await builtOn()).toBe("9:(0,3)");
      t = await taken(store);
      await store.settle(key, t.version, entry({ id: "row-1", positionSeconds: 40 }, "10:(0,4)"));
      expect(await builtOn()).toBe("10:(0,4)");
      await store.prime(key, entry({ id: "row-1" }, "11:(0,5)"));
      expect(await builtOn()).toBe("11:(0,5)");
    });

    it("restores a failed flush: dirty again, rewatched seconds first", async () => {
      await store.put(key, undefined, entry(), [[1, 3]]);
      const failed = await taken(store);
      const v = (await store.get(key))?.version;
      await store.put(key, v, entry({ positionSeconds: 40 }), [[8, 9]]);
      await store.restore(key, failed);
      const retaken = await taken(store);
      expect(retaken.rewatch).toEqual([
        [1, 3],
        [8, 9],
      ]);
      expect(retaken.entry.row.positionSeconds).toBe(40);

      const other = bufferKey(USER, OTHER_LESSON);
      await store.put(other, undefined, entry({ lessonId: OTHER_LESSON }), [[2, 4]]);
      const lost = await taken(store, other);
      await store.restore(other, lost);
      expect(await store.claimDirty(10)).toEqual([other]);
      expect((await taken(store, other)).rewatch).toEqual([[2, 4]]);
    });

    it("primes the clean entry with the table's row, never one with reports not yet written", async () => {
      await store.prime(key, entry({ id: "row-1", positionSeconds: 5 }));
      const first = await store.get(key);
      await store.prime(key, entry({ id: "row-1" })); // clean: replaced, and a racing put with `first` loses
      const primed = await store.get(key);
      expect(primed?.entry).toEqual(entry({ id: "row-1" }));
      expect(primed?.version).toBeGreaterThan(first?.version ?? Number.POSITIVE_INFINITY);
      expect(await store.claimDirty(10)).toEqual([]);
      expect(await store.dirtyOf(USER)).toEqual([]);
      await store.put(key, primed?.version, entry({ id: "row-1", positionSeconds: 80 }), []);
      await store.prime(key, entry({ id: "row-1", positionSeconds: 1 }));
      expect((await store.get(key))?.entry.row.positionSeconds).toBe(80);
      await store.forget(key);
      expect(await store.get(key)).toBeDefined(); // dirty
    });

    it("forgets only a clean entry", async () => {
      await store.put(key, undefined, entry(), []);
      await store.forget(key);
      expect(await store.get(key)).toBeDefined();
      const flushing = await taken(store);
      await store.forget(key);
      expect(await store.get(key)).toBeDefined();
      await store.settle(key, flushing.version, entry());
      await store.forget(key);
      expect(await store.get(key)).toBeUndefined();
    });
  });
}

contract("memory", async (opts) => createMemoryBufferStore(opts));

const REDIS_URL = process.env.REDIS_URL;
let redis: Redis | undefined;
afterAll(async () => {
  await redis?.quit();
});
describe.runIf(REDIS_URL)("with Redis", () => {
  contract("Redis", async (opts) => {
    redis ??= new Redis(REDIS_URL as string, { maxRetriesPerRequest: 1 });
    const prefix = `lumen-test:${process.pid}:${Math.random().toString(36).slice(2)}:`;
    return createRedisBufferStore(redis, { prefix, idleMs: 60_000, ...opts });
  });
});

describe("memory store bounds", () => {
  it("drops clean entries idle past their time, never a dirty one, and refuses a new one when full of dirty", async () => {
    let t = 0;
    const store = createMemoryBufferStore({ idleMs: 1_000, max: 2, now: () => t });
    await store.put(key, undefined, entry(), []);
    await store.settle(key, (await taken(store)).version, entry()); // clean
    await store.put(bufferKey(USER, OTHER_LESSON), undefined, entry({ lessonId: OTHER_LESSON }), []); // dirty
    t = 5_000;
    await store.put(bufferKey(USER, "x"), undefined, entry({ lessonId: "x" }), []);
    expect(store.size()).toBe(2);
    expect(await store.get(key)).toBeUndefined();
    await expect(store.put(bufferKey(USER, "y"), undefined, entry({ lessonId: "y" }), [])).rejects.toThrow(/full/);
  });
});

describe("the buffer", () => {
  const written: BufferedWrite[][] = [];
  const stored = (items: BufferedWrite[]): StoredRow[] =>
    items.map(({ tableVersion: _, ...i }) => ({
      row: { ...entry().row, ...i, id: `row-${i.lessonId}`, lastRewatch: [] },
      version: `7:(0,${i.lessonId})`,
    }));

  it("keeps reports through a failed write and writes them, rewatches included, on the next flush", async () => {
    const store = createMemoryBufferStore();
    let fail = true;
    const onError = vi.fn();
    const buffer = createProgressBuffer({
      store,
      intervalMs: 0,
      write: async (items) => {
        if (fail) throw new Error("database down");
        written.push(items);
        return stored(items);
      },
      onError,
    });
    await store.put(key, undefined, entry(), [[1, 3]]);
    await expect(buffer.flushAll()).rejects.toThrow("database down");
    expect(await store.dirtyCount()).toBe(1);
    fail = false;
    expect(await buffer.flushAll()).toBe(1);
    expect(written.at(-1)?.[0]).toMatchObject({ lessonId: LESSON, rewatch: [[1, 3]], positionSeconds: 10.3 });
    expect((await store.get(key))?.entry.row.id).toBe(`row-${LESSON}`);
    expect(await buffer.flushAll()).toBe(0);
    await buffer.close();
  });

  it("flushes on its timer, and on close what is left", async () => {
    vi.useFakeTimers();
    try {
      const store = createMemoryBufferStore();
      const write = vi.fn(async (items: BufferedWrite[]) => stored(items));
      const buffer = createProgressBuffer({ store, intervalMs: 500, write });
      await store.put(key, undefined, entry(), []);
      await vi.advanceTimersByTimeAsync(499);
      expect(write).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(write).toHaveBeenCalledTimes(1);
      await store.put(bufferKey(USER, OTHER_LESSON), undefined, entry({ lessonId: OTHER_LESSON }), []);
      await buffer.close();
      expect(write).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(write).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("flushes one learner's rows only, in batches of the size asked", async () => {
    const store = createMemoryBufferStore();
    const write = vi.fn(async (items: BufferedWrite[]) => stored(items));
    const buffer = createProgressBuffer({ store, intervalMs: 0, write, batchSize: 2 });
    const someoneElse = "00000000-0000-4000-8000-000000000002";
    await store.put(key, undefined, entry(), []);
    await store.put(bufferKey(someoneElse, LESSON), undefined, entry({ userId: someoneElse }), []);
    await buffer.flushUser(USER);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write.mock.calls[0]?.[0].map((i) => i.userId)).toEqual([USER]);
    for (const l of ["l1", "l2", "l3"]) await store.put(bufferKey(USER, l), undefined, entry({ lessonId: l }), []);
    expect(await buffer.flushAll()).toBe(4);
    expect(write.mock.calls.slice(1).map((c) => c[0].length)).toEqual([2, 2]);
  });

  it("builds a report made during a flush on the stored version only when the flush merged nothing in", async () => {
    for (const merged of [false, true]) {
      const store = createMemoryBufferStore();
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let writing = false;
      const buffer = createProgressBuffer({
        store,
        intervalMs: 0,
        write: async (items) => {
          writing = true;
          await gate;
          return stored(items).map(({ row }) => ({
            // Another writer's segment united with the buffer's, or the buffer's row as it was.
            row: merged ? { ...row, watchedSegments: [...row.watchedSegments, [90, 95] as [number, number]] } : row,
            version: "8:(0,2)",
          }));
        },
      });
      await store.put(key, undefined, entry({}, "7:(0,1)"), []);
      const flushing = buffer.flushAll();
      await vi.waitFor(() => expect(writing).toBe(true));
      await store.put(key, (await store.get(key))?.version, entry({ positionSeconds: 30 }), []);
      release();
      await flushing;
      expect((await store.get(key))?.entry.tableVersion).toBe(merged ? "7:(0,1)" : "8:(0,2)");
      expect(await store.dirtyOf(USER)).toEqual([key]);
    }
  });

  it("makes a flush of a key another flush is writing wait until that one has written it", async () => {
    const store = createMemoryBufferStore();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const write = vi.fn(async (items: BufferedWrite[]) => {
      await gate;
      return stored(items);
    });
    // Two instances sharing the store, and this instance's own second flush.
    const here = createProgressBuffer({ store, intervalMs: 0, write });
    const there = createProgressBuffer({ store, intervalMs: 0, write, busyWaitMs: 60_000 });
    await store.put(key, undefined, entry(), [[1, 3]]);
    const background = here.flushAll();
    await vi.waitFor(() => expect(write).toHaveBeenCalledTimes(1));
    const done: string[] = [];
    const ownRead = here.flushKeys([key]).then(() => done.push("own"));
    const otherRead = there.flushUser(USER).then(() => done.push("other"));
    const everything = here.flushAll().then(() => done.push("all"));
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(done).toEqual([]);
    release();
    await Promise.all([background, ownRead, otherRead, everything]);
    expect(done.sort()).toEqual(["all", "other", "own"]);
    expect(write).toHaveBeenCalledTimes(1); // nothing new to write: they waited for the first
    expect((await store.get(key))?.entry.row.id).toBe(`row-${LESSON}`);
    expect(await store.dirtyOf(USER)).toEqual([]);
  });
});
