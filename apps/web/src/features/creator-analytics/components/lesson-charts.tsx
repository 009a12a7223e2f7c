"use client";

import { useReducedMotion } from "motion/react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatPercent, formatShare } from "../analytics-format";
import { coverageSummary, funnelSummary, lessonTick, quizSummary } from "../chart-data";
import type { CourseAnalytics } from "../creator-analytics.api";
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

type Funnel = CourseAnalytics["lesson_funnel"];

/** Lessons by their place in the course ("L3"), with the full title in the tooltip and the table. */
function useLessonAxis(titles: Map<string, string>) {
  const animate = useReducedMotion() !== true;
  const axes = (percent: boolean) => (
    <>
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
    </>
  );
  return { animate, axes };
}

const titlesOf = (lessons: ReadonlyArray<{ position: number; title: string }>) =>
  new Map(lessons.map((l) => [lessonTick(l.position), l.title]));

/** Per lesson, in course order: learners who started it and learners who completed it. */
export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const { animate, axes } = useLessonAxis(titlesOf(funnel));
  const rows = funnel.map((l) => ({ ...l, tick: lessonTick(l.position) }));
  const quiet = funnel.every((l) => l.started === 0);
  return (
    <ChartFrame
      title="Completion funnel by lesson"
      summary={funnelSummary(funnel)}
      empty={
        funnel.length === 0
          ? "This course has no lessons yet."
          : quiet
            ? "No one started a lesson in this period yet. Each lesson's starts and completions will show here."
            : null
      }
      legend={[
        { label: "Started", color: CHART_COLORS.muted },
        { label: "Completed", color: CHART_COLORS.primary },
      ]}
      rows={rows}
      rowKey={(l) => l.lesson_id}
      columns={[
        { label: "Lesson", cell: (l) => `${l.position}. ${l.title}` },
        { label: "Started", cell: (l) => formatCount(l.started), numeric: true },
        { label: "Completed", cell: (l) => formatCount(l.completed), numeric: true },
        { label: "Drop-off", cell: (l) => formatShare(l.drop_off_rate, "—"), numeric: true },
      ]}
    >
      <BarChart {...CHART_BASE} data={rows} barGap={2}>
        {axes(false)}
        <Bar
          dataKey="started"
          name="Started"
          fill={CHART_COLORS.muted}
          radius={[3, 3, 0, 0]}
          maxBarSize={22}
          isAnimationActive={animate}
        />
        <Bar
          dataKey="completed"
          name="Completed"
          fill={CHART_COLORS.primary}
          radius={[3, 3, 0, 0]}
          maxBarSize={22}
          isAnimationActive={animate}
        />
      </BarChart>
    </ChartFrame>
  );
}

/** Per lesson with a quiz: the share of attempts that passed. */
export function QuizChart({ data }: { data: CourseAnalytics }) {
  const { animate, axes } = useLessonAxis(titlesOf(data.lesson_funnel));
  const positions = new Map(data.lesson_funnel.map((l) => [l.lesson_id, l.position]));
  const rows = data.quiz_pass_rates.map((q) => {
    const position = positions.get(q.lesson_id) ?? 0;
    return { ...q, position, tick: lessonTick(position), percent: q.pass_rate === null ? 0 : q.pass_rate * 100 };
  });
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
      <BarChart {...CHART_BASE} data={rows}>
        {axes(true)}
        <Bar
          dataKey="percent"
          name="Passed"
          fill={CHART_COLORS.accent}
          radius={[3, 3, 0, 0]}
          maxBarSize={28}
          isAnimationActive={animate}
        />
      </BarChart>
    </ChartFrame>
  );
}

/** Per video lesson: how much of the video learners watched, on average. */
export function CoverageChart({ data }: { data: CourseAnalytics }) {
  const { animate, axes } = useLessonAxis(titlesOf(data.lesson_funnel));
  const positions = new Map(data.lesson_funnel.map((l) => [l.lesson_id, l.position]));
  const rows = data.watch_coverage_per_lesson.map((c) => {
    const position = positions.get(c.lesson_id) ?? 0;
    return { ...c, position, tick: lessonTick(position), percent: c.average_watch_percentage ?? 0 };
  });
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
      <BarChart {...CHART_BASE} data={rows}>
        {axes(true)}
        <Bar
          dataKey="percent"
          name="Watched on average"
          fill={CHART_COLORS.primary}
          radius={[3, 3, 0, 0]}
          maxBarSize={28}
          isAnimationActive={animate}
        />
      </BarChart>
    </ChartFrame>
  );
}
