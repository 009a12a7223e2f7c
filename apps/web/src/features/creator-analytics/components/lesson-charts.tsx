"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/components/charts/chart-frame";
import {
  AXIS_LINE,
  AXIS_TICK,
  CHART_COLORS,
  chartBase,
  GRID_STROKE,
  TOOLTIP_CURSOR,
  TOOLTIP_STYLE,
  useChartAnimation,
} from "@/components/charts/chart-theme";
import { formatCount, formatPercent, formatShare } from "../analytics-format";
import { coverageSummary, funnelSummary, lessonTick, quizSummary } from "../chart-data";
import type { CourseAnalytics } from "../creator-analytics.api";

type Funnel = CourseAnalytics["lesson_funnel"];

interface LessonRow {
  lesson_id: string;
  title: string;
  position: number;
  /** The lesson on the axis: "L3". */
  tick: string;
}

/**
 * Bars per lesson, in course order: lessons by their place in the course ("L3") on the axis, with the full title in
 * the tooltip (the table beside the chart has it too). `percent` draws a 0–100% axis instead of counts.
 */
function LessonBars<Row extends LessonRow>({
  rows,
  bars,
  percent,
}: {
  rows: readonly Row[];
  bars: ReadonlyArray<{ key: Extract<keyof Row, string>; label: string; color: string }>;
  percent: boolean;
}) {
  const animate = useChartAnimation();
  const titles = new Map(rows.map((row) => [row.tick, row.title]));
  return (
    <BarChart {...chartBase()} data={[...rows]} barGap={2}>
      <CartesianGrid vertical={false} stroke={GRID_STROKE} />
      <XAxis dataKey="tick" tick={AXIS_TICK} tickLine={false} axisLine={AXIS_LINE} interval="preserveStartEnd" />
      <YAxis
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={false}
        allowDecimals={false}
        width={percent ? 44 : 36}
        domain={percent ? [0, 100] : [0, "auto"]}
        tickFormatter={(v: number) => (percent ? `${v}%` : formatCount(v))}
      />
      <Tooltip
        cursor={TOOLTIP_CURSOR}
        contentStyle={TOOLTIP_STYLE}
        labelFormatter={(label) => `${label} · ${titles.get(String(label)) ?? ""}`}
        formatter={(value, name) => [percent ? `${Math.round(Number(value))}%` : formatCount(Number(value)), name]}
        isAnimationActive={animate}
      />
      {bars.map((bar) => (
        <Bar
          key={bar.key}
          dataKey={bar.key}
          name={bar.label}
          fill={bar.color}
          radius={[3, 3, 0, 0]}
          maxBarSize={bars.length > 1 ? 22 : 28}
          isAnimationActive={animate}
        />
      ))}
    </BarChart>
  );
}

/** A per-lesson figure with its lesson's place in the course, and the figure as a 0–100 percentage to draw. */
function placeLessons<T extends { lesson_id: string; title: string }>(
  data: CourseAnalytics,
  items: readonly T[],
  percentOf: (item: T) => number | null,
) {
  const positions = new Map(data.lesson_funnel.map((l) => [l.lesson_id, l.position]));
  const rows = items.map((item) => {
    const position = positions.get(item.lesson_id) ?? 0;
    return { ...item, position, tick: lessonTick(position), percent: percentOf(item) ?? 0 };
  });
  return { positions, rows };
}

/** Per lesson, in course order: learners who started it and learners who completed it. */
export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const rows = funnel.map((l) => ({ ...l, tick: lessonTick(l.position) }));
  const bars = [
    { key: "started", label: "Started", color: CHART_COLORS.muted },
    { key: "completed", label: "Completed", color: CHART_COLORS.primary },
  ] as const;
  return (
    <ChartFrame
      title="Completion funnel by lesson"
      summary={funnelSummary(funnel)}
      empty={
        funnel.length === 0
          ? "This course has no lessons yet."
          : funnel.every((l) => l.started === 0)
            ? "No one started a lesson in this period yet. Each lesson's starts and completions will show here."
            : null
      }
      legend={bars}
      rows={rows}
      rowKey={(l) => l.lesson_id}
      columns={[
        { label: "Lesson", cell: (l) => `${l.position}. ${l.title}` },
        { label: "Started", cell: (l) => formatCount(l.started), numeric: true },
        { label: "Completed", cell: (l) => formatCount(l.completed), numeric: true },
        { label: "Drop-off", cell: (l) => formatShare(l.drop_off_rate, "—"), numeric: true },
      ]}
    >
      <LessonBars rows={rows} bars={bars} percent={false} />
    </ChartFrame>
  );
}

/** Per lesson with a quiz: the share of attempts that passed. */
export function QuizChart({ data }: { data: CourseAnalytics }) {
  const { positions, rows } = placeLessons(data, data.quiz_pass_rates, (q) =>
    q.pass_rate === null ? null : q.pass_rate * 100,
  );
  return (
    <ChartFrame
      title="Quiz pass rate by lesson"
      summary={quizSummary(data.quiz_pass_rates, positions)}
      empty={
        rows.length === 0
          ? "This course has no quizzes yet."
          : rows.every((q) => q.attempts === 0)
            ? "No one took a quiz in this period yet. Each quiz's pass rate will show here."
            : null
      }
      rows={rows}
      rowKey={(q) => q.lesson_id}
      columns={[
        { label: "Lesson", cell: (q) => `${q.position}. ${q.title}` },
        { label: "Attempts", cell: (q) => formatCount(q.attempts), numeric: true },
        { label: "Pass rate", cell: (q) => formatShare(q.pass_rate, "No attempts"), numeric: true },
      ]}
    >
      <LessonBars rows={rows} bars={[{ key: "percent", label: "Passed", color: CHART_COLORS.accent }]} percent />
    </ChartFrame>
  );
}

/** Per video lesson: how much of the video learners watched, on average. */
export function CoverageChart({ data }: { data: CourseAnalytics }) {
  const { positions, rows } = placeLessons(data, data.watch_coverage_per_lesson, (c) => c.average_watch_percentage);
  return (
    <ChartFrame
      title="Average watch coverage by lesson"
      summary={coverageSummary(data.watch_coverage_per_lesson, positions, data.average_watch_coverage)}
      empty={
        rows.length === 0
          ? "This course has no video lessons yet."
          : rows.every((c) => c.average_watch_percentage === null)
            ? "No one watched a video in this period yet. How much of each video learners watch will show here."
            : null
      }
      rows={rows}
      rowKey={(c) => c.lesson_id}
      columns={[
        { label: "Lesson", cell: (c) => `${c.position}. ${c.title}` },
        {
          label: "Watched on average",
          cell: (c) => formatPercent(c.average_watch_percentage, "Not watched"),
          numeric: true,
        },
      ]}
    >
      <LessonBars
        rows={rows}
        bars={[{ key: "percent", label: "Watched on average", color: CHART_COLORS.primary }]}
        percent
      />
    </ChartFrame>
  );
}
