/**
 * The confusion nudge's rule, as a pure function of seeks and explicit times (no clock inside): a learner who
 * rewinds twice onto the same stretch of a video within a short while may want it explained. Each stretch is
 * offered once; a burst of rewinds (pressing "back 10 s" three times) counts as one rewind to where it ended.
 */

export interface Seek {
  /** Where the video was before the seek, in video seconds. */
  from: number;
  /** Where it landed. */
  to: number;
  /** When it happened, in milliseconds on any steady clock. */
  at: number;
}

export interface Stretch {
  start: number;
  end: number;
}

export interface ConfusionOptions {
  /** Two rewinds "land on the same stretch" when their targets are at most this far apart (s). */
  windowSeconds: number;
  /** ...and the second comes within this long of the first (ms). */
  withinMs: number;
  /** Rewinds closer together than this (ms) are one rewind (repeated presses of a skip-back button). */
  burstMs: number;
  /** A backward jump shorter than this (s) is not a rewind (a nudge of the scrubber, a keyframe snap). */
  minRewindSeconds: number;
  /** The stretch offered never runs longer than this (s). */
  maxStretchSeconds: number;
}

export const CONFUSION_DEFAULTS: ConfusionOptions = {
  windowSeconds: 20,
  withinMs: 90_000,
  burstMs: 1_500,
  minRewindSeconds: 2,
  maxStretchSeconds: 45,
};

export interface ConfusionState {
  /** The last rewind, if any (a burst merged into one). */
  last: Seek | null;
  /** Stretches already offered this session. */
  offered: Stretch[];
}

export const initialConfusionState: ConfusionState = { last: null, offered: [] };

const overlaps = (a: Stretch, b: Stretch) => a.start < b.end && b.start < a.end;

/** Feeds one seek; returns the next state and the stretch to offer help with, if this seek completes a pattern. */
export function observeSeek(
  state: ConfusionState,
  seek: Seek,
  options: ConfusionOptions = CONFUSION_DEFAULTS,
): { state: ConfusionState; offer: Stretch | null } {
  if (seek.from - seek.to < options.minRewindSeconds) return { state, offer: null };
  const { last } = state;
  if (last && seek.at - last.at < options.burstMs) {
    // Still the same rewind: it started where the first press was and ends where this one landed.
    return { state: { ...state, last: { from: last.from, to: seek.to, at: seek.at } }, offer: null };
  }
  const repeated =
    last !== null && seek.at - last.at <= options.withinMs && Math.abs(seek.to - last.to) <= options.windowSeconds;
  if (!repeated || !last) return { state: { ...state, last: seek }, offer: null };

  const start = Math.max(0, Math.min(seek.to, last.to));
  const end = Math.min(Math.max(seek.from, last.from, start + 1), start + options.maxStretchSeconds);
  const stretch = { start, end };
  if (state.offered.some((o) => overlaps(o, stretch))) return { state: { ...state, last: null }, offer: null };
  return { state: { last: null, offered: [...state.offered, stretch] }, offer: stretch };
}
