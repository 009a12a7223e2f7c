"use client";

import { CHART_COLORS } from "@/components/charts/chart-theme";
import { DailyChart } from "@/components/charts/daily-chart";
import { formatCount } from "../analytics-format";
import { type TrendDay, trendSummary } from "../chart-data";

/** New enrollments (bars) and active learners (line) by UTC day. */
export function TrendChart({ days }: { days: readonly TrendDay[] }) {
  const quiet = days.every((d) => d.enrollments === 0 && d.active_learners === 0);
  return (
    <DailyChart
      title="Enrollments and active learners"
      summary={trendSummary(days)}
      empty={
        quiet
          ? "No one enrolled or learned in this period yet. New enrollments and active learners will show here by day."
          : null
      }
      days={days}
      series={[
        { key: "enrollments", label: "New enrollments", color: CHART_COLORS.primary, kind: "bar" },
        { key: "active_learners", label: "Active learners", color: CHART_COLORS.accent, kind: "line" },
      ]}
      format={formatCount}
    />
  );
}
