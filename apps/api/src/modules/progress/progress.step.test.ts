import { describe, expect, it } from "vitest";
import { float4, mergeSegments, type Segment } from "./progress.step.js";

/** The definition: all segments sorted by start, then each one starting within 0.5 s of the reach so far joins. */
function reference(a: readonly Segment[], b: readonly Segment[]): Segment[] {
  const all = [...a, ...b].filter(([lo, hi]) => hi >= lo).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Segment[] = [];
  let reach = Number.NEGATIVE_INFINITY;
  for (const [lo, hi] of all) {
    const last = out[out.length - 1];
    if (!last || lo > reach + 0.5) out.push([lo, hi]);
    else last[1] = Math.max(last[1], hi);
    reach = Math.max(reach, hi);
  }
  return out;
}

/** A small deterministic generator (mulberry32), so a failure names its case. */
function random(seed: number) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

describe("mergeSegments", () => {
  it("agrees with the definition on merged lists, unsorted lists and reversed segments", () => {
    const next = random(15);
    const segment = (): Segment => {
      const from = Math.round(next() * 600) / 2;
      return [from, from + Math.round((next() * 40 - 4) * 4) / 4];
    };
    for (let n = 0; n < 2_000; n++) {
      const raw = Array.from({ length: Math.floor(next() * 8) }, segment);
      const watched = n % 3 === 0 ? raw : reference(raw, []);
      const added = Array.from({ length: 1 + Math.floor(next() * 2) }, segment);
      expect(mergeSegments(watched, added), `case ${n}`).toEqual(reference(watched, added));
    }
  });

  it("leaves its inputs as they were", () => {
    const watched: Segment[] = [
      [0, 10],
      [20, 30],
    ];
    const added: Segment[] = [[10.2, 20.4]];
    expect(mergeSegments(watched, added)).toEqual([[0, 30]]);
    expect(watched).toEqual([
      [0, 10],
      [20, 30],
    ]);
    expect(added).toEqual([[10.2, 20.4]]);
  });
});

describe("float4", () => {
  /** The definition: the shortest decimal that reads back as the same float4. */
  const shortest = (x: number) => {
    const f = Math.fround(x);
    for (let digits = 1; digits <= 9; digits++) {
      const d = Number(f.toPrecision(digits));
      if (Math.fround(d) === f) return d;
    }
    return f;
  };

  it("is the shortest decimal of the float4, integers and fractions alike", () => {
    const next = random(4);
    const values = [0, 1, 100, 16_777_215, 16_777_216, 16_777_217, 123_456_789, 2 ** 31, 0.1, 33.33, 20.214];
    for (let n = 0; n < 2_000; n++) {
      values.push(Math.round(next() * 1e6) * (n % 2 ? 1 : -1), next() * 600, Math.round(next() * 10_000) / 100);
    }
    for (const x of values) expect(float4(x), `${x}`).toBe(shortest(x));
  });
});
