import { daysBetween } from "@/features/creator-analytics/analytics-range";
import type { PlatformAnalytics, PlatformUsage } from "../../admin.api";
import { formatDay } from "../../admin-format";

/** One UTC day of a chart: the day and a number per series. */
export type DayPoint = { date: string; [series: string]: number | string };

export interface LearningDay extends DayPoint {
  enrollments: number;
  active_learners: number;
  completions: number;
}

export interface AiDay extends DayPoint {
  answered: number;
  failed: number;
  cached: number;
  cost_usd: number;
}

function byDay(points: ReadonlyArray<{ date: string; count: number }>): Map<string, number> {
  return new Map(points.map((p) => [p.date, p.count]));
}

/** The learning KPIs as one row per day of the range, days without activity as zeros. */
export function learningDays(analytics: PlatformAnalytics): LearningDay[] {
  const enrollments = byDay(analytics.enrollments_per_day);
  const active = byDay(analytics.active_learners_per_day);
  const completions = byDay(analytics.completions_per_day);
  return daysBetween(analytics.range.from, analytics.range.to).map((date) => ({
    date,
    enrollments: enrollments.get(date) ?? 0,
    active_learners: active.get(date) ?? 0,
    completions: completions.get(date) ?? 0,
  }));
}

/** AI usage per day over the range: the API lists only days with requests, so the others become zeros. */
export function aiDays(usage: PlatformUsage, range: { from: string; to: string }): AiDay[] {
  const days = new Map(usage.days.map((d) => [d.date, d]));
  return daysBetween(range.from, range.to).map((date) => {
    const day = days.get(date);
    return {
      date,
      answered: day?.requests ?? 0,
      failed: day?.failed ?? 0,
      cached: day?.cached ?? 0,
      cost_usd: day?.cost_usd ?? 0,
    };
  });
}

export function sum(points: readonly DayPoint[], key: string): number {
  return points.reduce((total, p) => total + (typeof p[key] === "number" ? p[key] : 0), 0);
}

/**
 * A chart in one sentence, for people who can't see it: the period, the total (for figures that add up across
 * days) or the average, and the busiest day.
 */
export function seriesSummary(
  points: readonly DayPoint[],
  series: { key: string; label: string; additive: boolean },
  format: (n: number) => string,
): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return `${series.label}: no days in this period.`;
  const period =
    first.date === last.date
      ? `on ${formatDay(first.date)}`
      : `from ${formatDay(first.date)} to ${formatDay(last.date)}`;
  const values = points.map((p) => (typeof p[series.key] === "number" ? (p[series.key] as number) : 0));
  const total = values.reduce((a, b) => a + b, 0);
  if (total === 0) return `${series.label} ${period}: none.`;
  let peak = 0;
  values.forEach((v, i) => {
    if (v > (values[peak] ?? 0)) peak = i;
  });
  const peakDay = points[peak]?.date ?? first.date;
  const overall = series.additive
    ? `${format(total)} in all`
    : `${format(Math.round((total / values.length) * 10) / 10)} a day on average`;
  return `${series.label} ${period}: ${overall}; the highest was ${format(values[peak] ?? 0)} on ${formatDay(peakDay)}.`;
}
