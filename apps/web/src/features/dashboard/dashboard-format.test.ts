import { describe, expect, it } from "vitest";
import type { MyCourse } from "./dashboard.api";
import {
  continueHref,
  courseToResume,
  formatMinutes,
  formatPercent,
  formatRelativeTime,
  hasStarted,
  pathItemHref,
  sortByRecent,
} from "./dashboard-format";

const NOW = new Date("2026-03-10T12:00:00Z");

function course(overrides: Partial<MyCourse>): MyCourse {
  return {
    course_id: "c1",
    title: "A course",
    thumbnail_url: null,
    level: "beginner",
    category: "Science",
    progress_percentage: 0,
    completed_lessons: 0,
    total_lessons: 4,
    last_accessed: null,
    enrolled_at: "2026-03-01T09:00:00Z",
    next_lesson_id: "l1",
    started: false,
    ...overrides,
  };
}

describe("formatRelativeTime", () => {
  it("says how long ago in words", () => {
    expect(formatRelativeTime("2026-03-10T11:59:40Z", NOW)).toBe("just now");
    expect(formatRelativeTime("2026-03-10T11:55:00Z", NOW)).toBe("5 minutes ago");
    expect(formatRelativeTime("2026-03-10T09:00:00Z", NOW)).toBe("3 hours ago");
    expect(formatRelativeTime("2026-03-09T12:00:00Z", NOW)).toBe("yesterday");
    expect(formatRelativeTime("2026-02-28T12:00:00Z", NOW)).toBe("10 days ago");
    expect(formatRelativeTime("2025-11-10T12:00:00Z", NOW)).toBe("4 months ago");
  });

  it("says how far ahead for future times", () => {
    expect(formatRelativeTime("2026-03-10T17:00:00Z", NOW)).toBe("in 5 hours");
  });
});

describe("formatMinutes and formatPercent", () => {
  it("reads minutes as hours and minutes", () => {
    expect(formatMinutes(0)).toBe("0 min");
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(120)).toBe("2 h");
    expect(formatMinutes(185.4)).toBe("3 h 5 min");
  });

  it("rounds and bounds percentages", () => {
    expect(formatPercent(16.67)).toBe("17%");
    expect(formatPercent(120)).toBe("100%");
  });
});

describe("courseToResume", () => {
  it("picks the most recently opened course that still has a lesson to do", () => {
    const older = course({ course_id: "old", last_accessed: "2026-03-05T10:00:00Z" });
    const newer = course({ course_id: "new", last_accessed: "2026-03-09T10:00:00Z" });
    const finished = course({ course_id: "done", last_accessed: "2026-03-10T10:00:00Z", next_lesson_id: null });
    expect(courseToResume([older, finished, newer])?.course_id).toBe("new");
  });

  it("falls back to the most recently joined course when none was opened", () => {
    const a = course({ course_id: "a", enrolled_at: "2026-03-01T10:00:00Z" });
    const b = course({ course_id: "b", enrolled_at: "2026-03-04T10:00:00Z" });
    expect(courseToResume([a, b])?.course_id).toBe("b");
  });

  it("is null when every course is finished or there are none", () => {
    expect(courseToResume([course({ next_lesson_id: null })])).toBeNull();
    expect(courseToResume([])).toBeNull();
  });
});

describe("sortByRecent", () => {
  it("lists studied courses newest first, then the ones never opened", () => {
    const sorted = sortByRecent([
      course({ course_id: "never", enrolled_at: "2026-03-09T00:00:00Z" }),
      course({ course_id: "old", last_accessed: "2026-03-02T00:00:00Z" }),
      course({ course_id: "new", last_accessed: "2026-03-08T00:00:00Z" }),
    ]);
    expect(sorted.map((c) => c.course_id)).toEqual(["new", "old", "never"]);
  });
});

describe("links", () => {
  it("continues with the next lesson, or opens the course page once it is finished", () => {
    expect(continueHref(course({ course_id: "c 1", next_lesson_id: "l/2" }))).toBe("/learn/c%201/l%2F2");
    expect(continueHref(course({ next_lesson_id: null }))).toBe("/courses/c1");
  });

  it("sends path items to their lesson, or to the course when they name none", () => {
    expect(pathItemHref({ kind: "review", course_id: "c", lesson_id: "l", title: "t", reason: "r" })).toBe(
      "/learn/c/l",
    );
    expect(pathItemHref({ kind: "next_course", course_id: "c", title: "t", reason: "r" })).toBe("/courses/c");
  });
});

describe("hasStarted", () => {
  it("counts a lesson opened, even with nothing completed and 0% done", () => {
    expect(hasStarted(course({}))).toBe(false);
    expect(hasStarted(course({ started: true }))).toBe(true);
    expect(hasStarted(course({ completed_lessons: 1 }))).toBe(true);
    expect(hasStarted(course({ progress_percentage: 5 }))).toBe(true);
  });
});
