import { describe, expect, it } from "vitest";
import { createViewerCache } from "./viewer-cache.js";

const alice = { userId: "u-alice", courseId: "c-1" };
const bob = { userId: "u-bob", courseId: "c-1" };

function setup(opts: { ttlMs?: number; maxEntries?: number } = {}) {
  let clock = 1_000;
  const lookups: string[] = [];
  const cache = createViewerCache({
    ttlMs: opts.ttlMs ?? 10_000,
    ...(opts.maxEntries !== undefined ? { maxEntries: opts.maxEntries } : {}),
    now: () => clock,
    onLookup: (r) => lookups.push(r),
  });
  cache.setLive(true);
  let computed = 0;
  const read = (scope: { userId: string; courseId: string }, key = `${scope.userId}:${scope.courseId}`) =>
    cache.read(scope, key, async () => `${scope.userId}#${++computed}`);
  return {
    cache,
    read,
    lookups,
    computed: () => computed,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

/** A compute the test finishes itself, to land a change notification while the read is in flight. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("viewer cache", () => {
  it("answers a repeated read from memory", async () => {
    const t = setup();
    expect(await t.read(alice)).toBe("u-alice#1");
    expect(await t.read(alice)).toBe("u-alice#1");
    expect(t.computed()).toBe(1);
    expect(t.lookups).toEqual(["miss", "hit"]);
  });

  it("drops a user's entries on that user's change, and only theirs", async () => {
    const t = setup();
    await t.read(alice);
    await t.read(bob);
    t.cache.changed("u:u-alice");
    expect(await t.read(alice)).toBe("u-alice#3");
    expect(await t.read(bob)).toBe("u-bob#2");
  });

  it("drops every reader's entry of a course on that course's change", async () => {
    const t = setup();
    await t.read(alice);
    await t.read(bob);
    await t.read({ userId: "u-alice", courseId: "c-2" });
    t.cache.changed("c:c-1");
    expect(await t.read(alice)).toBe("u-alice#4");
    expect(await t.read(bob)).toBe("u-bob#5");
    expect(await t.read({ userId: "u-alice", courseId: "c-2" })).toBe("u-alice#3");
  });

  it("does not keep an answer whose read was overtaken by a change", async () => {
    const t = setup();
    const gate = deferred<string>();
    const inFlight = t.cache.read(alice, "k", () => gate.promise);
    t.cache.changed("u:u-alice"); // committed while the read was running: its answer may predate it
    gate.resolve("stale");
    expect(await inFlight).toBe("stale");
    expect(await t.cache.read(alice, "k", async () => "fresh")).toBe("fresh");
    expect(await t.cache.read(alice, "k", async () => "again")).toBe("fresh");
  });

  it("keeps an answer whose read began after the change", async () => {
    const t = setup();
    t.cache.changed("u:u-alice");
    await t.read(alice);
    await t.read(alice);
    expect(t.computed()).toBe(1);
  });

  it("stands aside while notifications are not arriving, and forgets everything from before", async () => {
    const t = setup();
    await t.read(alice);
    t.cache.setLive(false);
    expect(await t.read(alice)).toBe("u-alice#2");
    expect(await t.read(alice)).toBe("u-alice#3");
    expect(t.cache.size).toBe(0);
    t.cache.setLive(true);
    expect(await t.read(alice)).toBe("u-alice#4");
    expect(await t.read(alice)).toBe("u-alice#4");
    expect(t.lookups).toEqual(["miss", "bypass", "bypass", "miss", "hit"]);
  });

  it("does not keep an answer whose read spanned a lost subscription", async () => {
    const t = setup();
    const gate = deferred<string>();
    const inFlight = t.cache.read(alice, "k", () => gate.promise);
    t.cache.setLive(false);
    t.cache.setLive(true);
    gate.resolve("from before");
    await inFlight;
    expect(await t.cache.read(alice, "k", async () => "after")).toBe("after");
  });

  it("serves an entry for its time to live at most", async () => {
    const t = setup({ ttlMs: 5_000 });
    await t.read(alice);
    t.advance(3_700);
    expect(await t.read(alice)).toBe("u-alice#1");
    t.advance(1_300);
    expect(await t.read(alice)).toBe("u-alice#2");
    expect(t.lookups).toEqual(["miss", "hit", "miss"]);
  });

  it("reads a busy entry again in its last quarter, behind the answer and once at a time", async () => {
    let clock = 0;
    const cache = createViewerCache({ ttlMs: 4_000, now: () => clock });
    cache.setLive(true);
    const reads: Array<ReturnType<typeof deferred<string>>> = [];
    const read = () =>
      cache.read(alice, "k", () => {
        const d = deferred<string>();
        reads.push(d);
        return d.promise;
      });
    const first = read();
    reads[0]?.resolve("first");
    expect(await first).toBe("first");
    clock = 3_001;
    expect(await read()).toBe("first"); // answered at once; a read has started behind it
    expect(await read()).toBe("first");
    expect(reads).toHaveLength(2);
    reads[1]?.resolve("second");
    await Promise.resolve();
    await Promise.resolve();
    clock = 6_900; // past the first entry's time, within the second's
    expect(await read()).toBe("second");
    expect(reads).toHaveLength(2);
  });

  it("does not keep a read-ahead overtaken by a change", async () => {
    let clock = 0;
    const cache = createViewerCache({ ttlMs: 4_000, now: () => clock });
    cache.setLive(true);
    const pending = deferred<string>();
    let n = 0;
    const read = () => cache.read(alice, "k", () => (++n === 2 ? pending.promise : Promise.resolve(`v${n}`)));
    await read();
    clock = 3_500;
    expect(await read()).toBe("v1");
    cache.changed(`u:${alice.userId}`);
    pending.resolve("stale");
    await Promise.resolve();
    await Promise.resolve();
    expect(await read()).toBe("v3");
  });

  it("never stores 'nothing found'", async () => {
    const t = setup();
    let calls = 0;
    const miss = () =>
      t.cache.read(alice, "k", async () => {
        calls++;
        return undefined;
      });
    await miss();
    await miss();
    expect(calls).toBe(2);
  });

  it("treats an unknown notification as a change of everything", async () => {
    const t = setup();
    await t.read(alice);
    t.cache.changed("*");
    expect(await t.read(alice)).toBe("u-alice#2");
  });

  it("is off with a zero time to live", async () => {
    const t = setup({ ttlMs: 0 });
    await t.read(alice);
    await t.read(alice);
    expect(t.computed()).toBe(2);
  });

  it("keeps at most maxEntries, dropping the least recently used", async () => {
    const t = setup({ maxEntries: 2 });
    const carol = { userId: "u-carol", courseId: "c-1" };
    await t.read(alice);
    await t.read(bob);
    await t.read(alice); // alice is now the most recently used
    await t.read(carol); // bob goes
    expect(t.cache.size).toBe(2);
    expect(await t.read(alice)).toBe("u-alice#1");
    expect(await t.read(bob)).toBe("u-bob#4");
  });

  it("forgets everything rather than let change marks pile up", async () => {
    const t = setup({ maxEntries: 2 });
    await t.read(alice);
    t.cache.changed("u:u-x");
    t.cache.changed("u:u-y");
    t.cache.changed("u:u-z"); // a third mark: over the bound, everything is dropped (always safe)
    expect(await t.read(alice)).toBe("u-alice#2");
  });
});
