"use client";

import { Area, AreaChart, Bar, BarChart, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import {
  AXIS_LINE,
  AXIS_TICK,
  CHART_HEIGHT,
  type ChartColor,
  chartBase,
  GRID_STROKE,
  TOOLTIP_CURSOR,
  TOOLTIP_STYLE,
  useChartAnimation,
} from "./chart-theme";

/** One UTC day of a chart: the day (YYYY-MM-DD) and its figures. */
export type DailyRow = { date: string };

export interface DailySeries<Row extends DailyRow> {
  key: Extract<keyof Row, string>;
  label: string;
  color: ChartColor;
  /** Bars for counts of things that happened; an area or a line for a level over time. */
  kind: "bar" | "area" | "line";
}

const figureOf = <Row extends DailyRow>(row: Row, key: Extract<keyof Row, string>) => Number(row[key] ?? 0);

/**
 * Figures by UTC day in a chart card: days along the bottom, a series per figure, and the same numbers by day in
 * the table. Several bar series stack. The sentence saying what the chart shows is the feature's own words.
 */
export function DailyChart<Row extends DailyRow>({
  title,
  summary,
  empty,
  days,
  series,
  format,
  integer = true,
  height = CHART_HEIGHT,
}: {
  title: string;
  summary: string;
  /** A sentence shown instead of the chart when there is nothing to draw. */
  empty?: string | null;
  days: readonly Row[];
  series: ReadonlyArray<DailySeries<Row>>;
  format: (n: number) => string;
  /** Whole numbers only on the value axis. */
  integer?: boolean;
  height?: number;
}) {
  const animate = useChartAnimation();
  const bars = series.filter((s) => s.kind === "bar");
  const lastBar = bars.at(-1);
  const stacked = bars.length > 1;

  const drawing = (
    <>
      <CartesianGrid vertical={false} stroke={GRID_STROKE} />
      <XAxis
        dataKey="date"
        tickFormatter={formatDay}
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={AXIS_LINE}
        minTickGap={28}
      />
      <YAxis
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={false}
        allowDecimals={!integer}
        tickFormatter={(v: number) => format(v)}
        width={integer ? 36 : 64}
      />
      <Tooltip
        cursor={TOOLTIP_CURSOR}
        contentStyle={TOOLTIP_STYLE}
        labelFormatter={(label) => formatDay(String(label))}
        formatter={(value, name) => [format(Number(value)), name]}
        isAnimationActive={animate}
      />
      {series.map((s) =>
        s.kind === "bar" ? (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId={stacked ? "stack" : undefined}
            fill={s.color}
            // Only the top of a stack is rounded.
            radius={s === lastBar ? [3, 3, 0, 0] : 0}
            maxBarSize={28}
            isAnimationActive={animate}
          />
        ) : s.kind === "area" ? (
          <Area
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={2}
            fill={s.color}
            fillOpacity={0.15}
            isAnimationActive={animate}
          />
        ) : (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={2}
            dot={false}
            isAnimationActive={animate}
          />
        ),
      )}
    </>
  );
  const base = { ...chartBase(height), data: [...days] };

  return (
    <ChartFrame
      title={title}
      summary={summary}
      empty={empty}
      legend={series}
      rows={days}
      rowKey={(d) => d.date}
      columns={[
        { label: "Day", cell: (d) => formatDay(d.date) },
        ...series.map((s) => ({ label: s.label, cell: (d: Row) => format(figureOf(d, s.key)), numeric: true })),
      ]}
      height={height}
      tableLabel={`${title} by day`}
      tableCaption={`${title} by UTC day`}
    >
      {/* The container recharts draws its hover cursor for: a band under bars alone, a line over areas and mixes. */}
      {series.every((s) => s.kind === "bar") ? (
        <BarChart {...base}>{drawing}</BarChart>
      ) : series.every((s) => s.kind === "area") ? (
        <AreaChart {...base}>{drawing}</AreaChart>
      ) : (
        <ComposedChart {...base}>{drawing}</ComposedChart>
      )}
    </ChartFrame>
  );
}
