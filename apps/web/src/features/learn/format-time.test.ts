import { describe, expect, it } from "vitest";
import { formatDuration } from "@/features/courses/course-format";
import { formatSeconds } from "@/features/creator-analytics/analytics-format";
import { formatClock, spokenDuration } from "./format-time";

describe("one rounding rule for lengths of time", () => {
  it("shows a 276.6 s video as 4:37 in the player, as the lesson list does for its 277 s", () => {
    expect(formatClock(276.6)).toBe("4:37");
    expect(formatClock(277)).toBe("4:37");
    expect(spokenDuration(276.6)).toBe("4 minutes 37 seconds");
  });

  it("rounds to the nearest second, never below zero", () => {
    expect(formatClock(75.4)).toBe("1:15");
    expect(formatClock(59.5)).toBe("1:00");
    expect(formatClock(3724.6)).toBe("1:02:05");
    expect(formatClock(-3)).toBe("0:00");
    expect(formatClock(Number.NaN)).toBe("0:00");
  });

  it("is the rule of the analytics totals and the course lengths too", () => {
    expect(formatSeconds(59.6)).toBe("1 min");
    expect(formatDuration(276.6)).toBe("5 min");
  });
});
