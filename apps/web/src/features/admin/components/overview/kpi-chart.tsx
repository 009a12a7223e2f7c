"use client";

import { useReducedMotion } from "motion/react";
import { useId, useState } from "react";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { buttonClasses } from "@/components/button-link";
import { formatDay } from "../../admin-format";
import { type DayPoint, seriesSummary } from "./overview-data";

export interface ChartSeries {
  key: string;
  label: string;
  /** A palette variable, so the chart follows light and dark mode. */
  color: `var(--lumen-${string})`;
  /** Whether the days add up to a meaningful total (enrollments do; distinct learners per day don't). */
  additive: boolean;
}

const AXIS_TICK = { fill: "var(--lumen-muted)", fontSize: 12 };
const TOOLTIP_STYLE = {
  background: "var(--lumen-surface)",
  border: "1px solid var(--lumen-border)",
  borderRadius: "0.75rem",
  color: "var(--lumen-foreground)",
  fontSize: "0.85rem",
};

/**
 * A KPI over time. The sentence under the title says what the chart shows for everyone (and is what screen
 * readers get: the drawing itself is hidden from them); "Show table" swaps the chart for the numbers by day.
 * Bars stack when there are several series. No animation when the visitor asks for reduced motion.
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
  const [asTable, setAsTable] = useState(false);
  const reduceMotion = useReducedMotion() === true;
  const titleId = useId();
  const viewId = useId();
  const summary = series.map((s) => seriesSummary(data, s, format)).join(" ");
  const rows = [...data];

  const common = {
    data: rows,
    responsive: true,
    accessibilityLayer: false,
    margin: { top: 8, right: 8, bottom: 0, left: 0 },
    style: { width: "100%", height: 200 },
  };
  const axes = (
    <>
      <CartesianGrid vertical={false} stroke="var(--lumen-border)" />
      <XAxis
        dataKey="date"
        tickFormatter={formatDay}
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={{ stroke: "var(--lumen-border)" }}
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
        cursor={{ fill: "var(--lumen-surface-muted)", stroke: "var(--lumen-border-strong)" }}
        contentStyle={TOOLTIP_STYLE}
        labelFormatter={(label) => formatDay(String(label))}
        formatter={(value, name) => [format(Number(value)), name]}
        isAnimationActive={!reduceMotion}
      />
    </>
  );

  return (
    <figure
      aria-labelledby={titleId}
      className="flex min-w-0 flex-col rounded-card border border-border bg-surface p-4 shadow-card sm:p-5"
    >
      <div className="flex items-start justify-between gap-3">
        <h3 id={titleId} className="font-semibold tracking-tight">
          {title}
        </h3>
        <button
          type="button"
          aria-controls={viewId}
          onClick={() => setAsTable((t) => !t)}
          className={`${buttonClasses("ghost", "sm")} -mt-1 -mr-2 h-8 shrink-0 px-3 text-primary`}
        >
          {asTable ? "Show chart" : "Show table"}
          <span className="sr-only"> of {title.toLowerCase()}</span>
        </button>
      </div>
      <figcaption className="mt-1 text-sm text-pretty text-muted">{summary}</figcaption>
      {series.length > 1 && (
        <ul aria-hidden="true" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
          {series.map((s) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <span className="size-2.5 rounded-sm" style={{ background: s.color }} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <div id={viewId} className="mt-4">
        {asTable ? (
          <section
            aria-label={`${title} by day`}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard to scroll it
            tabIndex={0}
            className="max-h-[200px] overflow-auto rounded-lg border border-border"
          >
            <table className="w-full text-sm">
              <caption className="sr-only">{title} by UTC day</caption>
              <thead className="sticky top-0 bg-surface-muted text-left">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Day
                  </th>
                  {series.map((s) => (
                    <th key={s.key} scope="col" className="px-3 py-2 text-right font-medium">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.date} className="border-t border-border">
                    <th scope="row" className="px-3 py-1.5 text-left font-normal">
                      {formatDay(row.date)}
                    </th>
                    {series.map((s) => (
                      <td key={s.key} className="px-3 py-1.5 text-right tabular-nums">
                        {format(Number(row[s.key] ?? 0))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : (
          <div aria-hidden="true" className="h-[200px]">
            {kind === "bar" ? (
              <BarChart {...common}>
                {axes}
                {series.map((s, i) => (
                  <Bar
                    key={s.key}
                    dataKey={s.key}
                    name={s.label}
                    stackId={series.length > 1 ? "stack" : undefined}
                    fill={s.color}
                    radius={i === series.length - 1 ? [3, 3, 0, 0] : 0}
                    maxBarSize={28}
                    isAnimationActive={!reduceMotion}
                  />
                ))}
              </BarChart>
            ) : (
              <AreaChart {...common}>
                {axes}
                {series.map((s) => (
                  <Area
                    key={s.key}
                    type="monotone"
                    dataKey={s.key}
                    name={s.label}
                    stroke={s.color}
                    strokeWidth={2}
                    fill={s.color}
                    fillOpacity={0.15}
                    isAnimationActive={!reduceMotion}
                  />
                ))}
              </AreaChart>
            )}
          </div>
        )}
      </div>
    </figure>
  );
}
