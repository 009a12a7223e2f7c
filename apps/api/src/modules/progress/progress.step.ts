import { PLAYER_MAX_SPEED, PROGRESS_SLACK_SECONDS, VIDEO_COMPLETE_AT_PERCENT } from "@lumen/contracts";
import type { ProgressRow } from "./progress.repo.js";

/**
 * A player report applied in memory, exactly as the SQL upsert applies it (`progress.repo.ts` `write`, with
 * migrations 0006, 0009 and 0012): the write-behind buffer acknowledges reports with this and flushes them later.
 * `progress.step.test.ts` checks both against each other on the same inputs.
 */
export type Segment = [number, number];

/**
 * Recent answers of float4 for fractions, by float4: percentages (two decimals) and credit balances recur, and each
 * answer is a loop of decimal conversions. Emptied when full.
 */
const float4Known = new Map<number, number>();

/** The value PostgreSQL keeps in a `real` column and prints back: the shortest decimal of the float4. */
export function float4(x: number): number {
  const f = Math.fround(x);
  // An integer a float4 holds exactly is its own shortest decimal (any shorter one is another integer).
  if (!Number.isFinite(f) || (Number.isInteger(f) && Math.abs(f) <= 16_777_216)) return f;
  const known = float4Known.get(f);
  if (known !== undefined) return known;
  let shortest = Number(f.toPrecision(9));
  for (let digits = 1; digits < 9; digits++) {
    const shorter = Number(f.toPrecision(digits));
    if (Math.fround(shorter) === f) {
      shortest = shorter;
      break;
    }
  }
  if (float4Known.size >= 4096) float4Known.clear();
  float4Known.set(f, shortest);
  return shortest;
}

/**
 * A credited segment's ends are kept to the millisecond (half up): a cut segment ends at its start plus a credit
 * computed from wall time, a double with 17 digits, and rows with many segments were mostly those digits (a third
 * of every flush and of each row in the table). `progress.repo.ts` rounds the same way in SQL (float8: the same
 * multiply, add, floor and divide).
 */
export function toMillis(seconds: number): number {
  return Math.floor(seconds * 1000 + 0.5) / 1000;
}

const byStart = (x: Segment, y: Segment) => x[0] - y[0] || x[1] - y[1];

/** Whether a list is in start order (then end): a stored, merged list always is. */
export function isSorted(segments: readonly Segment[]): boolean {
  for (let i = 1; i < segments.length; i++)
    if (byStart(segments[i - 1] as Segment, segments[i] as Segment) > 0) return false;
  return true;
}

/** Whether a list is already a union: sorted, no reversed segment, each starting over 0.5 s past the one before. */
function isMerged(segments: readonly Segment[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const [lo, hi] = segments[i] as Segment;
    if (!(hi >= lo) || (i > 0 && !(lo > (segments[i - 1] as Segment)[1] + 0.5))) return false;
  }
  return true;
}

/**
 * One segment into a merged list (a report into a row): the segments it joins become one, the others are kept as
 * they are (shared, not copied: segments are never changed in place).
 */
function mergeOne(a: readonly Segment[], segment: Segment): Segment[] {
  const [lo, hi] = segment;
  if (!(hi >= lo)) return a.slice();
  let at = a.length;
  while (at > 0 && byStart(a[at - 1] as Segment, segment) > 0) at--;
  let first = at;
  let start = lo;
  let reach = hi;
  const before = a[at - 1];
  if (before && lo <= before[1] + 0.5) {
    first = at - 1;
    start = before[0];
    reach = Math.max(before[1], hi);
  }
  let end = at;
  for (let next = a[end]; next && next[0] <= reach + 0.5; next = a[++end]) reach = Math.max(reach, next[1]);
  return [...a.slice(0, first), [start, reach], ...a.slice(end)];
}

/** The union of two segment lists: sorted, and a segment starting within 0.5 s of what came before continues it. */
export function mergeSegments(a: readonly Segment[], b: readonly Segment[]): Segment[] {
  if (b.length === 1 && isMerged(a)) return mergeOne(a, b[0] as Segment);
  let all: Segment[];
  if (isSorted(a)) {
    // The usual case, a merged list and one report: each of b goes in its place (from the end, where playback adds).
    all = a.slice();
    for (const segment of b) {
      let at = all.length;
      while (at > 0 && byStart(all[at - 1] as Segment, segment) > 0) at--;
      all.splice(at, 0, segment);
    }
  } else all = [...a, ...b].sort(byStart);
  const merged: Segment[] = [];
  let reach = Number.NEGATIVE_INFINITY;
  for (const [lo, hi] of all) {
    if (!(hi >= lo)) continue;
    const last = merged[merged.length - 1];
    if (!last || lo > reach + 0.5) merged.push([lo, hi]);
    else last[1] = Math.max(last[1], hi);
    reach = Math.max(reach, hi);
  }
  return merged;
}

/** The share of [0, duration] the segments cover, in percent with two decimals (at most 100). */
export function segmentsCoverage(segments: readonly Segment[], duration: number): number {
  if (!(duration > 0)) return 0;
  let covered = 0;
  for (const [lo, hi] of segments) covered += Math.max(0, Math.min(hi, duration) - Math.max(lo, 0));
  return Math.min(100, Math.round(((100 * covered) / duration) * 100) / 100);
}

/** The seconds of `added` that `watched` already covers, overlaps under a second left out (a rewatch). */
export function segmentsOverlap(watched: readonly Segment[], added: readonly Segment[]): Segment[] {
  const overlap: Segment[] = [];
  for (const a of added)
    for (const w of watched) {
      const lo = Math.max(w[0], a[0]);
      const hi = Math.min(w[1], a[1]);
      if (hi - lo >= 1) overlap.push([lo, hi]);
    }
  return overlap.sort((x, y) => x[0] - y[0]);
}

export interface Report {
  positionSeconds: number;
  segment?: Segment | undefined;
  durationSeconds: number;
  isVideo: boolean;
}

/** The fields a report reads and changes. */
export type StepState = Pick<
  ProgressRow,
  "positionSeconds" | "watchedSegments" | "watchPercentage" | "isCompleted" | "creditAt" | "creditBalance"
>;
/** A report's outcome: the fields as they become, and the seconds it watched again. */
export type Stepped = StepState & { rewatch: Segment[] };

/**
 * One report: the segment is cut to the viewing credit the row has (the slack left at the previous report plus
 * twice the wall time since), merged in, and measured; a video passing 90% completes. No segment: only the position
 * moves. `now` is the report's time.
 */
export function stepProgress(before: StepState | undefined, report: Report, now: Date): Stepped {
  const position = float4(report.positionSeconds);
  if (!report.segment || !(report.durationSeconds > 0)) {
    return before
      ? {
          positionSeconds: position,
          watchedSegments: before.watchedSegments,
          watchPercentage: before.watchPercentage,
          isCompleted: before.isCompleted,
          creditAt: before.creditAt,
          creditBalance: before.creditBalance,
          rewatch: [],
        }
      : {
          positionSeconds: position,
          watchedSegments: [],
          watchPercentage: 0,
          isCompleted: false,
          creditAt: now,
          creditBalance: PROGRESS_SLACK_SECONDS,
          rewatch: [],
        };
  }
  const [start, to] = report.segment;
  const budget = before
    ? Math.min(PROGRESS_SLACK_SECONDS, before.creditBalance) +
      PLAYER_MAX_SPEED * Math.max(0, (now.getTime() - (before.creditAt ?? now).getTime()) / 1000)
    : PROGRESS_SLACK_SECONDS;
  const from = toMillis(start);
  const upto = toMillis(Math.min(to, start + budget));
  const watched = before?.watchedSegments ?? [];
  const merged = mergeSegments(watched, [[from, upto]]);
  const coverage = segmentsCoverage(merged, report.durationSeconds);
  const percentage = float4(Math.max(before?.watchPercentage ?? 0, coverage));
  return {
    positionSeconds: position,
    watchedSegments: merged,
    watchPercentage: percentage,
    isCompleted: (before?.isCompleted ?? false) || (report.isVideo && percentage >= VIDEO_COMPLETE_AT_PERCENT),
    creditAt: now,
    creditBalance: float4(Math.max(0, budget - (upto - start))),
    rewatch: watched.length === 0 ? [] : segmentsOverlap(watched, [[from, upto]]),
  };
}
