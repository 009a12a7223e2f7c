import { describe, expect, it } from "vitest";
import { createProgressTracker, type ProgressReport } from "./progress-tracker";

function setup(intervalMs = 10_000) {
  let clock = 0;
  const sent: Array<{ report: ProgressReport; urgent: boolean }> = [];
  const tracker = createProgressTracker({
    now: () => clock,
    intervalMs,
    send: (report, urgent) => {
      sent.push({ report, urgent });
      return Promise.resolve();
    },
  });
  /** Plays from `from` to `to` with a time update every 250 ms of media time (4 per second, like browsers). */
  function playThrough(from: number, to: number) {
    for (let t = from + 0.25; t <= to + 1e-9; t += 0.25) {
      clock += 250;
      tracker.timeUpdate(Math.round(t * 100) / 100);
    }
  }
  return { tracker, sent, playThrough, advance: (ms: number) => (clock += ms) };
}

describe("progress tracker", () => {
  it("reports the watched stretch at most once per interval while playing, not per time update", () => {
    const { tracker, sent, playThrough } = setup();
    tracker.play(0);
    playThrough(0, 25);
    // 100 time updates, 25 s of playing: reports at 10 s and 20 s only.
    expect(sent.map((s) => s.report)).toEqual([
      { position_seconds: 10, segment: { from_seconds: 0, to_seconds: 10 } },
      { position_seconds: 20, segment: { from_seconds: 10, to_seconds: 20 } },
    ]);
  });

  it("reports on pause with the stretch since the last report", () => {
    const { tracker, sent, playThrough } = setup();
    tracker.play(30);
    playThrough(30, 34);
    tracker.pause(34);
    expect(sent.at(-1)?.report).toEqual({ position_seconds: 34, segment: { from_seconds: 30, to_seconds: 34 } });
    expect(sent).toHaveLength(1);
  });

  it("does not count a seek as watched: the jump closes one stretch and starts another", () => {
    const { tracker, sent, playThrough } = setup();
    tracker.play(0);
    playThrough(0, 5);
    tracker.seeking(200);
    playThrough(200, 203);
    tracker.pause(203);
    expect(sent.map((s) => s.report)).toEqual([
      { position_seconds: 5, segment: { from_seconds: 0, to_seconds: 5 } },
      { position_seconds: 203, segment: { from_seconds: 200, to_seconds: 203 } },
    ]);
  });

  it("treats a large jump between time updates as a seek even without a seeking event", () => {
    const { tracker, sent, playThrough, advance } = setup();
    tracker.play(0);
    playThrough(0, 3);
    advance(250);
    tracker.timeUpdate(120);
    playThrough(120, 122);
    tracker.pause(122);
    expect(sent.map((s) => s.report.segment)).toEqual([
      { from_seconds: 0, to_seconds: 3 },
      { from_seconds: 120, to_seconds: 122 },
    ]);
    expect(sent.at(-1)?.report.position_seconds).toBe(122);
  });

  it("counts a late time update at a fast playback rate as playback, not a seek", () => {
    const { tracker, sent, playThrough, advance } = setup();
    tracker.play(0);
    playThrough(0, 2);
    // A busy page: the next update comes a second late, 4 s of media further on at 4×.
    advance(1000);
    tracker.timeUpdate(6, 4);
    advance(250);
    tracker.timeUpdate(7, 4);
    tracker.pause(7);
    expect(sent.map((s) => s.report.segment)).toEqual([{ from_seconds: 0, to_seconds: 7 }]);
  });

  it("still sees a jump ahead of what the playback rate allows", () => {
    const { tracker, sent, advance } = setup();
    tracker.play(0);
    advance(1000);
    tracker.timeUpdate(2, 2);
    advance(250);
    tracker.timeUpdate(60, 2);
    tracker.pause(60);
    expect(sent.map((s) => s.report.segment)).toEqual([{ from_seconds: 0, to_seconds: 2 }]);
  });

  it("keeps the stretch watched before a stall when playing starts again", () => {
    const { tracker, sent, playThrough, advance } = setup(60_000);
    tracker.play(0);
    playThrough(0, 4);
    // Buffering: media time stands still while the clock runs, then "playing" fires again.
    advance(5000);
    tracker.timeUpdate(4);
    tracker.play(4);
    playThrough(4, 6);
    tracker.pause(6);
    expect(sent.map((s) => s.report.segment)).toEqual([
      { from_seconds: 0, to_seconds: 4 },
      { from_seconds: 4, to_seconds: 6 },
    ]);
  });

  it("sends everything urgently when the page goes away, and keeps tracking if it comes back", () => {
    const { tracker, sent, playThrough } = setup();
    tracker.play(10);
    playThrough(10, 14);
    tracker.leave();
    expect(sent).toEqual([
      { report: { position_seconds: 14, segment: { from_seconds: 10, to_seconds: 14 } }, urgent: true },
    ]);
    expect(tracker.watching).toBe(true);
    playThrough(14, 16);
    tracker.pause(16);
    expect(sent.at(-1)?.report.segment).toEqual({ from_seconds: 14, to_seconds: 16 });
  });

  it("sends nothing when nothing changed since the last report", () => {
    const { tracker, sent, playThrough } = setup();
    tracker.play(0);
    playThrough(0, 2);
    tracker.pause(2);
    tracker.leave();
    tracker.pause(2);
    expect(sent).toHaveLength(1);
  });

  it("reports a new position without a segment when the viewer only scrubs while paused", () => {
    const { tracker, sent } = setup();
    tracker.seeking(90);
    tracker.leave();
    expect(sent.map((s) => s.report)).toEqual([{ position_seconds: 90 }]);
  });
});
