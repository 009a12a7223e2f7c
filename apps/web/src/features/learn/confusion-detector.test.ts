import { describe, expect, it } from "vitest";
import { type ConfusionState, initialConfusionState, observeSeek, type Seek } from "./confusion-detector";

/** Feeds seeks in order; returns every offer made. */
function run(seeks: Seek[], state: ConfusionState = initialConfusionState) {
  const offers = [];
  let current = state;
  for (const seek of seeks) {
    const result = observeSeek(current, seek);
    current = result.state;
    if (result.offer) offers.push(result.offer);
  }
  return { offers, state: current };
}

describe("the confusion detector", () => {
  it("offers help when two rewinds land on the same stretch within a short while", () => {
    const { offers } = run([
      { from: 95, to: 70, at: 0 },
      { from: 92, to: 75, at: 30_000 },
    ]);
    expect(offers).toEqual([{ start: 70, end: 95 }]);
  });

  it("stays quiet for a single rewind, forward seeks, and tiny backward jumps", () => {
    expect(run([{ from: 95, to: 70, at: 0 }]).offers).toEqual([]);
    expect(
      run([
        { from: 10, to: 70, at: 0 },
        { from: 80, to: 72, at: 5_000 },
      ]).offers,
    ).toEqual([]);
    expect(
      run([
        { from: 71, to: 70, at: 0 },
        { from: 71.5, to: 70.2, at: 5_000 },
      ]).offers,
    ).toEqual([]);
  });

  it("stays quiet when the rewinds land on different stretches or too far apart in time", () => {
    expect(
      run([
        { from: 95, to: 70, at: 0 },
        { from: 200, to: 150, at: 10_000 },
      ]).offers,
    ).toEqual([]);
    expect(
      run([
        { from: 95, to: 70, at: 0 },
        { from: 95, to: 70, at: 91_000 },
      ]).offers,
    ).toEqual([]);
  });

  it("counts a burst of skip-back presses as one rewind", () => {
    const burst = [
      { from: 100, to: 90, at: 0 },
      { from: 90, to: 80, at: 600 },
      { from: 80, to: 70, at: 1_200 },
    ];
    expect(run(burst).offers).toEqual([]);
    // The burst was one rewind from 100 to 70; a second rewind to 72 later completes the pattern.
    expect(run([...burst, { from: 98, to: 72, at: 20_000 }]).offers).toEqual([{ start: 70, end: 100 }]);
  });

  it("offers each stretch once per session, but a new stretch again", () => {
    const { offers } = run([
      { from: 95, to: 70, at: 0 },
      { from: 92, to: 75, at: 10_000 },
      { from: 95, to: 71, at: 20_000 },
      { from: 95, to: 72, at: 30_000 },
      { from: 320, to: 300, at: 40_000 },
      { from: 318, to: 301, at: 50_000 },
    ]);
    expect(offers).toEqual([
      { start: 70, end: 95 },
      { start: 300, end: 320 },
    ]);
  });

  it("keeps the stretch short however far back the learner came from", () => {
    const { offers } = run([
      { from: 600, to: 60, at: 0 },
      { from: 500, to: 65, at: 10_000 },
    ]);
    expect(offers).toEqual([{ start: 60, end: 105 }]);
  });
});
