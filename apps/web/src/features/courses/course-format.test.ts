import { describe, expect, it } from "vitest";
import {
  formatCategory,
  formatDuration,
  formatLessonCount,
  formatLevel,
  formatPrice,
  formatRating,
} from "./course-format";

describe("formatDuration", () => {
  it("shows hours and minutes", () => {
    expect(formatDuration(4800)).toBe("1 h 20 min");
    expect(formatDuration(2 * 3600 + 5 * 60)).toBe("2 h 5 min");
  });

  it("drops the minutes on whole hours and the hours under one hour", () => {
    expect(formatDuration(7200)).toBe("2 h");
    expect(formatDuration(45 * 60)).toBe("45 min");
  });

  it("rounds to the nearest minute, never showing a short course as zero", () => {
    expect(formatDuration(89)).toBe("1 min");
    expect(formatDuration(91)).toBe("2 min");
    expect(formatDuration(20)).toBe("1 min");
    expect(formatDuration(3599)).toBe("1 h");
    expect(formatDuration(0)).toBe("0 min");
  });
});

describe("formatPrice", () => {
  it("says Free for free courses and zero prices", () => {
    expect(formatPrice({ is_free: true, price: 0 })).toBe("Free");
    expect(formatPrice({ is_free: true, price: 49 })).toBe("Free");
    expect(formatPrice({ is_free: false, price: 0 })).toBe("Free");
  });

  it("shows dollars, with cents only when there are some", () => {
    expect(formatPrice({ is_free: false, price: 49 })).toBe("$49");
    expect(formatPrice({ is_free: false, price: 19.99 })).toBe("$19.99");
    expect(formatPrice({ is_free: false, price: 1200 })).toBe("$1,200");
  });
});

describe("formatRating", () => {
  it("is absent until someone has rated the course", () => {
    expect(formatRating({ rating_avg: 0, rating_count: 0 })).toBeNull();
  });

  it("gives one decimal, a grouped count and a sentence for screen readers", () => {
    expect(formatRating({ rating_avg: 4.76, rating_count: 1212 })).toEqual({
      value: "4.8",
      count: "1,212",
      label: "Rated 4.8 out of 5 from 1,212 ratings",
    });
    expect(formatRating({ rating_avg: 5, rating_count: 1 })?.label).toBe("Rated 5.0 out of 5 from 1 rating");
  });
});

describe("labels", () => {
  it("capitalises levels and turns category slugs into words", () => {
    expect(formatLevel("intermediate")).toBe("Intermediate");
    expect(formatCategory("data-science")).toBe("Data science");
    expect(formatCategory("Design")).toBe("Design");
  });

  it("pluralises lessons", () => {
    expect(formatLessonCount(1)).toBe("1 lesson");
    expect(formatLessonCount(12)).toBe("12 lessons");
  });
});
