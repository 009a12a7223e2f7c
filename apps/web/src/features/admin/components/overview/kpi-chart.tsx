"use client";

import type { ChartColor } from "@/components/charts/chart-theme";
import { DailyChart } from "@/components/charts/daily-chart";
import { type DayPoint, seriesSummary } from "./overview-data";

export interface ChartSeries {
  key: string;
  label: string;
  color: ChartColor;
  /** Whether the days add up to a meaningful total (enrollments do; distinct learners per day don't). */
  additive: boolean;
}

/** The overview's charts are a row of three on a wide screen: a little shorter than a chart on its own. */
const KPI_CHART_HEIGHT = 200;

/**
 * A platform KPI by UTC day, as bars (stacked when there are several series) or an area. Under the title, a
 * sentence per series with its total or daily average and its busiest day; "Show table" gives the numbers.
 */
export function KpiChart({
  title,
  data,
  series,
  kind,
  format,
  integer = true,
}: {
  title: string;
  data: readonly DayPoint[];
  series: readonly ChartSeries[];
  kind: "bar" | "area";
  format: (n: number) => string;
  /** Whole numbers only on the value axis. */
  integer?: boolean;
}) {
  return (
    <DailyChart
      title={title}
      summary={series.map((s) => seriesSummary(data, s, format)).join(" ")}
      days={data}
      series={series.map((s) => ({ key: s.key, label: s.label, color: s.color, kind }))}
      format={format}
      integer={integer}
      height={KPI_CHART_HEIGHT}
    />
  );
}
