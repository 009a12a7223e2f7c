import { ANALYTICS_MAX_RANGE_DAYS } from "@lumen/contracts";
import { z } from "zod";

// The period an analytics page covers: the last 7, 30 or 90 UTC days, or days the creator picks. Analytics count
// UTC days (as the API does), so "today" here is today in UTC. The admin overview reckons its days here too.

export const RANGE_PRESETS = [7, 30, 90] as const;
export type PresetDays = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET: PresetDays = 30;

export type DayRange = { from: string; to: string };
export type RangeChoice = { kind: "preset"; days: PresetDays } | { kind: "custom"; from: string; to: string };

const DAY_MS = 86_400_000;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const todayUtc = (now: Date = new Date()) => isoDay(now.getTime());

/** The last `days` UTC days up to and including today. */
export function lastDays(days: number, now: Date = new Date()): DayRange {
  const to = todayUtc(now);
  return { from: isoDay(dayMs(to) - (days - 1) * DAY_MS), to };
}

/** The concrete days of a choice: a preset ends today and includes it. */
export function rangeOf(choice: RangeChoice, now: Date = new Date()): DayRange {
  return choice.kind === "custom" ? { from: choice.from, to: choice.to } : lastDays(choice.days, now);
}

/** Days in a range, both ends included. */
export const rangeDays = (range: DayRange) => Math.round((dayMs(range.to) - dayMs(range.from)) / DAY_MS) + 1;

/** Every UTC day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = dayMs(to);
  for (let t = dayMs(from); t <= end; t += DAY_MS) out.push(isoDay(t));
  return out;
}

/** A real calendar day in YYYY-MM-DD (2025-02-30 is not one): the check the API makes on `from` and `to`. */
const calendarDay = z.iso.date();
const isCalendarDay = (value: string) => calendarDay.safeParse(value).success;

/**
 * Checks the days a creator typed, field by field, in words: both needed, real dates, not in the future, in
 * order, and no longer than the API accepts.
 */
export function checkCustomRange(
  input: { from: string; to: string },
  now: Date = new Date(),
): { range: DayRange; errors?: undefined } | { range?: undefined; errors: Partial<Record<"from" | "to", string>> } {
  const errors: Partial<Record<"from" | "to", string>> = {};
  const today = todayUtc(now);
  for (const field of ["from", "to"] as const) {
    const value = input[field].trim();
    if (!value) errors[field] = `Choose the ${field === "from" ? "first" : "last"} day.`;
    else if (!isCalendarDay(value)) errors[field] = "Enter a real date, like 2025-03-01.";
    else if (value > today) errors[field] = "Pick a day up to today.";
  }
  if (Object.keys(errors).length > 0) return { errors };
  const range = { from: input.from.trim(), to: input.to.trim() };
  if (range.from > range.to) return { errors: { to: "The last day can't be before the first day." } };
  if (rangeDays(range) > ANALYTICS_MAX_RANGE_DAYS) {
    return { errors: { to: `Choose at most ${ANALYTICS_MAX_RANGE_DAYS} days.` } };
  }
  return { range };
}
