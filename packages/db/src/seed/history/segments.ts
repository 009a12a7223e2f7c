/**
 * The progress arithmetic of the API, replayed for the demo history: the same rules as the SQL functions
 * `lumen_merge_segments`, `lumen_segments_coverage` and `lumen_segments_overlap` (migrations 0006 and 0009), and the
 * player's habit of reporting what it played every ten seconds. The seed still stores segments and percentages
 * through the SQL functions themselves; these decide what happens (when a lesson completes, what was rewatched).
 */
export type Segment = [number, number];

/** The web player reports the stretch it played at most once per this many seconds (progress-tracker.ts). */
export const REPORT_INTERVAL_SECONDS = 10;

/** Sorted union; a segment starting within half a second of what came before continues it. */
export function mergeSegments(...lists: Segment[][]): Segment[] {
  const all = lists
    .flat()
    .filter(([lo, hi]) => hi >= lo)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Segment[] = [];
  for (const [lo, hi] of all) {
    const last = merged.at(-1);
    if (last && lo <= last[1] + 0.5) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged;
}

/** Share of the video covered, 0..100 with two decimals. */
export function segmentsCoverage(segments: Segment[], durationSeconds: number): number {
  if (durationSeconds <= 0) return 0;
  const seconds = segments.reduce(
    (sum, [lo, hi]) => sum + Math.max(0, Math.min(hi, durationSeconds) - Math.max(lo, 0)),
    0,
  );
  return Math.min(100, Math.round((10_000 * seconds) / durationSeconds) / 100);
}

/** The seconds of `added` that `watched` already covers, in pieces of at least one second. */
export function segmentsOverlap(watched: Segment[], added: Segment[]): Segment[] {
  const pieces: Segment[] = [];
  for (const a of added)
    for (const w of watched) {
      const lo = Math.max(w[0], a[0]);
      const hi = Math.min(w[1], a[1]);
      if (hi - lo >= 1) pieces.push([lo, hi]);
    }
  return pieces.sort((x, y) => x[0] - y[0]);
}

/** One stretch of uninterrupted playback at normal speed: media seconds `from`→`to`, starting at wall time `at`. */
export interface Play {
  from: number;
  to: number;
  at: number;
}

/** What one progress report did: the stretch sent, when, and the part of it that had been watched before. */
export interface Report {
  segment: Segment;
  at: number;
  rewatched: Segment[];
  /** Coverage after this report. */
  coverage: number;
}

/** Replays the plays as the player reports them and the API merges them into `watched`, report by report. */
export function replay(
  plays: Play[],
  durationSeconds: number,
  alreadyWatched: Segment[] = [],
): { watched: Segment[]; reports: Report[] } {
  let watched = alreadyWatched;
  const reports: Report[] = [];
  for (const play of plays) {
    for (let from = play.from; from < play.to - 1e-9; from += REPORT_INTERVAL_SECONDS) {
      const to = Math.min(play.to, from + REPORT_INTERVAL_SECONDS);
      const segment: Segment = [round1(from), round1(to)];
      const rewatched = segmentsOverlap(watched, [segment]);
      watched = mergeSegments(watched, [segment]);
      reports.push({
        segment,
        at: play.at + Math.round((to - play.from) * 1000),
        rewatched,
        coverage: segmentsCoverage(watched, durationSeconds),
      });
    }
  }
  return { watched, reports };
}

/** The player rounds media time to a tenth of a second. */
export const round1 = (seconds: number) => Math.round(seconds * 10) / 10;
