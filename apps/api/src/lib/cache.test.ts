import { describe, expect, it } from "vitest";
import { createSharedCache, strongEtag } from "./cache.js";

const encode = (data: unknown) => JSON.stringify({ data });
const memoryCache = (extra: Partial<Parameters<typeof createSharedCache>[0]> = {}) =>
  createSharedCache({ redis: null, prefix: "t:", encode, ...extra });

describe("the shared cache (memory mode)", () => {
  it("computes a cold key once for any number of concurrent readers", async () => {
    const cache = memoryCache();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let runs = 0;
    const compute = async () => {
      runs++;
      await gate;
      return { n: 42 };
    };
    const readers = Array.from({ length: 25 }, () => cache.read(["catalog"], "list", compute));
    // Every reader is waiting on the one computation before it is allowed to finish.
    await new Promise((resolve) => setImmediate(resolve));
    release();
    const entries = await Promise.all(readers);
    expect(runs).toBe(1);
    expect(cache.computations()).toBe(1);
    expect(new Set(entries.map((e) => e.etag)).size).toBe(1);
    expect(entries[0]?.data).toEqual({ n: 42 });
  });

  it("stores the serialised body with a strong tag of exactly that body", async () => {
    const entry = await memoryCache().read(["v"], "k", async () => ({ a: 1 }));
    expect(entry.body).toBe('{"data":{"a":1}}');
    expect(entry.etag).toBe(strongEtag(entry.body));
    expect(entry.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
  });

  it("serves an entry until one of its versions is bumped, and only those", async () => {
    const cache = memoryCache();
    let value = 1;
    const read = (versions: string[], key: string) => cache.read(versions, key, async () => value);
    expect((await read(["course:a"], "a")).data).toBe(1);
    expect((await read(["course:b"], "b")).data).toBe(1);
    value = 2;
    expect((await read(["course:a"], "a")).data).toBe(1);
    await cache.bump("course:a");
    expect((await read(["course:a"], "a")).data).toBe(2);
    expect((await read(["course:b"], "b")).data).toBe(1);
    value = 3;
    await cache.invalidateAll();
    expect((await read(["course:b"], "b")).data).toBe(3);
  });

  it("does not store a failed computation", async () => {
    const cache = memoryCache();
    await expect(cache.read(["v"], "k", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect((await cache.read(["v"], "k", async () => "ok")).data).toBe("ok");
  });

  it("expires entries after their TTL and evicts the least recently used past its size bound", async () => {
    let now = 0;
    const cache = memoryCache({ now: () => now, ttlSeconds: 10, maxMemoryChars: 40 });
    let runs = 0;
    const read = (key: string) => cache.read([], key, async () => `${key}-${++runs}`);
    await read("a"); // body {"data":"a-1"} is 16 chars: two fit in 40
    await read("b");
    await read("a"); // a is now the most recent
    await read("c"); // evicts b
    expect(runs).toBe(3);
    await read("a");
    expect(runs).toBe(3);
    await read("b");
    expect(runs).toBe(4);
    now = 10_000;
    await read("b");
    expect(runs).toBe(5);
  });
});
