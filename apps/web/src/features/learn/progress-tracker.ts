/**
 * Turns what a video element does into progress reports: the stretches really watched (segments) and the
 * latest position. Reports are batched — at most one every `intervalMs` while playing, plus one on pause,
 * seek, end and leaving the page — never one per frame. Pure logic with an injected clock and sender, so the
 * player hook stays thin and this is tested on its own.
 */
export interface ProgressReport {
  position_seconds: number;
  segment?: { from_seconds: number; to_seconds: number };
}

export interface ProgressTrackerOptions {
  /** Sends one report; `urgent` is set when the page is going away (the sender should use keepalive). */
  send: (report: ProgressReport, urgent: boolean) => Promise<unknown> | undefined;
  now?: () => number;
  /** Minimum time between reports while the video plays. */
  intervalMs?: number;
  /** Media time further than this from where playback should have got to is a seek, not playback. */
  seekThresholdSeconds?: number;
}

const round = (seconds: number) => Math.round(seconds * 10) / 10;

export function createProgressTracker(options: ProgressTrackerOptions) {
  const { send, now = Date.now, intervalMs = 10_000, seekThresholdSeconds = 2 } = options;
  /** Start of the stretch being watched, or null when paused. */
  let segmentStart: number | null = null;
  let lastTime = 0;
  /** Clock reading at `lastTime`: how far playback should have got since is wall time × playback rate. */
  let lastTimeAt = now();
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let lastSentPosition = -1;
  /** Closed stretches not reported yet (several only after seeks within one interval). */
  const pending: Array<[number, number]> = [];

  function closeSegment(at: number) {
    if (segmentStart !== null && at > segmentStart) pending.push([segmentStart, at]);
    segmentStart = null;
  }

  function flush(urgent: boolean) {
    const position = round(lastTime);
    const segments = pending.splice(0);
    // The running stretch is reported up to now and continues from here.
    if (segmentStart !== null && lastTime > segmentStart) {
      segments.push([segmentStart, lastTime]);
      segmentStart = lastTime;
    }
    if (segments.length === 0 && position === lastSentPosition) return;
    lastSentAt = now();
    lastSentPosition = position;
    if (segments.length === 0) {
      void send({ position_seconds: position }, urgent);
      return;
    }
    // One report per stretch; the last carries the current position.
    segments.forEach(([from, to], index) => {
      const last = index === segments.length - 1;
      void send(
        {
          position_seconds: last ? position : round(to),
          segment: { from_seconds: round(from), to_seconds: round(to) },
        },
        urgent,
      );
    });
  }

  return {
    /** The video started or resumed playing at `time`. */
    play(time: number) {
      // "playing" also fires after a stall: keep what was watched before it.
      closeSegment(lastTime);
      lastTime = time;
      lastTimeAt = now();
      segmentStart = time;
      // The first report comes one interval after playing starts, not on the first frame.
      if (lastSentAt === Number.NEGATIVE_INFINITY) lastSentAt = now();
    },
    /**
     * A time update while playing at `rate`; reports when the interval has passed. A busy page delivers time
     * updates late, and at 4× a late one is seconds further on: that is still playback. Only media time ahead of
     * where wall time and rate say it can be, or behind the last update, is a jump.
     */
    timeUpdate(time: number, rate = 1) {
      const at = now();
      const expected = lastTime + (Math.max(0, at - lastTimeAt) / 1000) * Math.max(rate, 0);
      // Behind schedule is a stall or a slow page, not a seek; ahead of it, or backwards, is a jump.
      const jumped = time > expected + seekThresholdSeconds || time < lastTime - seekThresholdSeconds;
      if (segmentStart !== null && jumped) {
        // A jump: what was watched ends where playback was, and watching restarts at the new place.
        closeSegment(lastTime);
        segmentStart = time;
      }
      lastTime = time;
      lastTimeAt = at;
      if (segmentStart !== null && now() - lastSentAt >= intervalMs) flush(false);
    },
    /** The viewer is seeking from the last known time: close what was watched, report it. */
    seeking(time: number) {
      const playing = segmentStart !== null;
      closeSegment(lastTime);
      // Scrubbing while paused is reported with the next report (or on leaving), not on every drag step.
      if (pending.length > 0) flush(false);
      lastTime = time;
      lastTimeAt = now();
      if (playing) segmentStart = time;
    },
    pause(time: number) {
      lastTime = time;
      closeSegment(time);
      flush(false);
    },
    ended(time: number) {
      lastTime = time;
      closeSegment(time);
      flush(false);
    },
    /** The page is hidden or unloading: report everything now, with keepalive. */
    leave() {
      if (segmentStart !== null) {
        const resumeAt = lastTime;
        closeSegment(lastTime);
        flush(true);
        segmentStart = resumeAt;
      } else {
        flush(true);
      }
    },
    /** For the UI: whether a stretch is being watched. */
    get watching() {
      return segmentStart !== null;
    },
  };
}

export type ProgressTracker = ReturnType<typeof createProgressTracker>;
