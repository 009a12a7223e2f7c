import { describe, expect, it } from "vitest";
import { checkCustomRange, daysBetween, lastDays, rangeDays, rangeOf } from "./analytics-range";

const now = new Date("2026-03-30T23:30:00Z");

describe("analytics periods", () => {
  it("ends a preset today (UTC) and counts today in", () => {
    expect(rangeOf({ kind: "preset", days: 7 }, now)).toEqual({ from: "2026-03-24", to: "2026-03-30" });
    expect(rangeOf({ kind: "preset", days: 90 }, now)).toEqual({ from: "2025-12-31", to: "2026-03-30" });
    expect(rangeDays(rangeOf({ kind: "preset", days: 30 }, now))).toBe(30);
    expect(rangeOf({ kind: "custom", from: "2026-01-01", to: "2026-01-05" }, now)).toEqual({
      from: "2026-01-01",
      to: "2026-01-05",
    });
  });

  it("counts the last days up to today (UTC), and lists every day of a range", () => {
    expect(lastDays(7, new Date("2026-03-10T23:59:00Z"))).toEqual({ from: "2026-03-04", to: "2026-03-10" });
    expect(daysBetween("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
  });

  it("checks custom days field by field, in words", () => {
    expect(checkCustomRange({ from: "", to: "2026-03-01" }, now).errors).toEqual({ from: "Choose the first day." });
    expect(checkCustomRange({ from: "2026-02-30", to: "2026-03-01" }, now).errors?.from).toBe(
      "Enter a real date, like 2025-03-01.",
    );
    expect(checkCustomRange({ from: "2026-03-01", to: "2026-03-31" }, now).errors?.to).toBe("Pick a day up to today.");
    expect(checkCustomRange({ from: "2026-03-05", to: "2026-03-01" }, now).errors?.to).toBe(
      "The last day can't be before the first day.",
    );
    expect(checkCustomRange({ from: "2025-01-01", to: "2026-03-01" }, now).errors?.to).toBe("Choose at most 366 days.");
    expect(checkCustomRange({ from: " 2026-03-01", to: "2026-03-01" }, now).range).toEqual({
      from: "2026-03-01",
      to: "2026-03-01",
    });
  });
});
