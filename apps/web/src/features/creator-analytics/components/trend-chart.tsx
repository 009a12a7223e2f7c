"use client";

import { useReducedMotion } from "motion/react";
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatDay } from "../analytics-format";
import { type TrendDay, trendSummary } from "../chart-data";
import { ChartFrame } from "./chart-frame";
import {
  AXIS_LINE,
  AXIS_TICK,
  CHART_BASE,
  CHART_COLORS,
  GRID_STROKE,
  TOOLTIP_CURSOR,
  TOOLTIP_STYLE,
} from "./chart-theme";

const SERIES = [
  { key: "enrollments", label: "New enrollments", color: CHART_COLORS.primary },
  { key: "active_learners", label: "Active learners", color: CHART_COLORS.accent },
] as const;

/** New enrollments (bars) and active learners (line) by UTC day. */
export function TrendChart({ days }: { days: readonly TrendDay[] }) {
  const animate = useReducedMotion() !== true;
  const quiet = days.every((d) => d.enrollments === 0 && d.active_learners === 0);
  return (
    <ChartFrame
      title="Enrollments and active learners"
      summary={trendSummary(days)}
      empty={
        quiet
          ? "No one enrolled or learned in this period yet. New enrollments and active learners will show here by day."
          : null
      }
      legend={SERIES}
      rows={days}
      rowKey={(d) => d.date}
      columns={[
        { label: "Day", cell: (d) => formatDay(d.date) },
        { label: "New enrollments", cell: (d) => formatCount(d.enrollments), numeric: true },
        { label: "Active learners", cell: (d) => formatCount(d.active_learners), numeric: true },
      ]}
    >
      <ComposedChart {...CHART_BASE} data={[...days]}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis
          dataKey="date"
          tickFormatter={formatDay}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={AXIS_LINE}
          minTickGap={28}
        />
        <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} allowDecimals={false} width={36} />
        <Tooltip
          cursor={TOOLTIP_CURSOR}
          contentStyle={TOOLTIP_STYLE}
          labelFormatter={(label) => formatDay(String(label))}
          formatter={(value, name) => [formatCount(Number(value)), name]}
          isAnimationActive={animate}
        />
        <Bar
          dataKey="enrollments"
          name={SERIES[0].label}
          fill={SERIES[0].color}
          radius={[3, 3, 0, 0]}
          maxBarSize={24}
          isAnimationActive={animate}
        />
        <Line
          type="monotone"
          dataKey="active_learners"
          name={SERIES[1].label}
          stroke={SERIES[1].color}
          strokeWidth={2}
          dot={false}
          isAnimationActive={animate}
        />
      </ComposedChart>
    </ChartFrame>
  );
}
