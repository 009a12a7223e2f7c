import type { UserStats } from "@lumen/db";
import { describe, expect, it } from "vitest";
import { learnedSeconds, nextUserStats, utcDay } from "./analytics.stats.js";

const blank: UserStats = {
  lessons_completed: 0,
  minutes_learned: 0,
  current_streak_days: 0,
  best_streak_days: 0,
  last_active_date: null,
};
const visit = { completesLesson: false, durationSeconds: 0 };
const streak = (current: number, best: number, last: string): UserStats => ({
  ...blank,
  current_streak_days: current,
  best_streak_days: best,
  last_active_date: last,
});

describe("the daily streak", () => {
  it("starts at 1 on a learner's first event", () => {
    expect(nextUserStats(blank, visit, "2025-03-01")).toMatchObject(streak(1, 1, "2025-03-01"));
  });

  it("does not move for a second event on the same UTC day", () => {
    expect(nextUserStats(streak(3, 5, "2025-03-01"), visit, "2025-03-01")).toEqual(streak(3, 5, "2025-03-01"));
  });

  it("grows by one on the next day, across month, leap-day and year ends, and lifts the best streak", () => {
    expect(nextUserStats(streak(5, 5, "2025-02-28"), visit, "2025-03-01")).toEqual(streak(6, 6, "2025-03-01"));
    expect(nextUserStats(streak(1, 4, "2024-02-28"), visit, "2024-02-29")).toEqual(streak(2, 4, "2024-02-29"));
    expect(nextUserStats(streak(2, 2, "2024-12-31"), visit, "2025-01-01")).toEqual(streak(3, 3, "2025-01-01"));
  });

  it("restarts at 1 after a missed day, keeping the best", () => {
    expect(nextUserStats(streak(4, 9, "2025-02-27"), visit, "2025-03-01")).toEqual(streak(1, 9, "2025-03-01"));
    expect(nextUserStats(streak(4, 4, "2024-03-01"), visit, "2025-03-01")).toEqual(streak(1, 4, "2025-03-01"));
  });

  it("ignores an event dated before the last active day", () => {
    expect(nextUserStats(streak(2, 2, "2025-03-05"), visit, "2025-03-01")).toEqual(streak(2, 2, "2025-03-05"));
  });

  it("reads days in UTC whatever the clock's zone", () => {
    expect(utcDay(new Date("2025-03-01T23:59:59.999Z"))).toBe("2025-03-01");
    expect(utcDay(new Date("2025-03-02T01:00:00+02:00"))).toBe("2025-03-01");
  });
});

describe("lessons and minutes", () => {
  it("count a completion and its duration in minutes, rounded to 1 decimal", () => {
    const after = nextUserStats(
      { ...blank, lessons_completed: 4, minutes_learned: 12.5 },
      { completesLesson: true, durationSeconds: 100 },
      "2025-03-01",
    );
    expect(after.lessons_completed).toBe(5);
    expect(after.minutes_learned).toBe(14.2);
  });

  it("leave both alone for other events", () => {
    const after = nextUserStats({ ...blank, lessons_completed: 4, minutes_learned: 12.5 }, visit, "2025-03-01");
    expect(after).toMatchObject({ lessons_completed: 4, minutes_learned: 12.5 });
  });

  it("take the duration only from completions, and only a sane one", () => {
    expect(learnedSeconds("lesson_completion", { duration_seconds: 330 })).toBe(330);
    expect(learnedSeconds("lesson_completion", { duration_seconds: "330" })).toBe(0);
    expect(learnedSeconds("lesson_completion", { duration_seconds: -5 })).toBe(0);
    expect(learnedSeconds("lesson_completion", { duration_seconds: Number.NaN })).toBe(0);
    expect(learnedSeconds("lesson_completion", { duration_seconds: 10 ** 9 })).toBe(86_400);
    expect(learnedSeconds("lesson_completion", undefined)).toBe(0);
    expect(learnedSeconds("lesson_start", { duration_seconds: 330 })).toBe(0);
  });
});
