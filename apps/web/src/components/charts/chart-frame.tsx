"use client";

import { type ReactNode, useId, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { CHART_HEIGHT } from "./chart-theme";

export interface TableColumn<Row> {
  label: string;
  /** The cell's text; the first column is the row's header. */
  cell: (row: Row) => string;
  numeric?: boolean;
}

/**
 * Rows as a table in a box that scrolls once it is taller than `maxHeight` pixels (reachable by keyboard, to
 * scroll it), its header row staying in view. The first column heads each row.
 */
export function ScrollingTable<Row>({
  label,
  caption,
  rows,
  columns,
  rowKey,
  maxHeight,
}: {
  /** The scrolling box's name, as a region. */
  label: string;
  /** The table's own name, for screen readers. */
  caption: string;
  rows: readonly Row[];
  columns: ReadonlyArray<TableColumn<Row>>;
  rowKey: (row: Row) => string;
  maxHeight: number;
}) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard to scroll it
      tabIndex={0}
      style={{ maxHeight }}
      className="overflow-auto rounded-lg border border-border"
    >
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-surface-muted text-left">
          <tr>
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={`px-3 py-2 font-medium ${column.numeric ? "text-right" : ""}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-t border-border">
              {columns.map((column, index) =>
                index === 0 ? (
                  <th key={column.label} scope="row" className="px-3 py-1.5 text-left font-normal">
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.label} className={`px-3 py-1.5 ${column.numeric ? "text-right tabular-nums" : ""}`}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * A chart card: its title, a sentence saying what it shows (what screen readers get: the drawing is hidden from
 * them), and "Show table" to swap the drawing for the numbers. With no data it says so in words instead, and
 * keeps the card's shape beside charts that have data. The table is as tall as the chart at most (it scrolls),
 * so the card doesn't jump when it is swapped in.
 */
export function ChartFrame<Row>({
  title,
  summary,
  legend,
  empty,
  rows,
  columns,
  rowKey,
  height = CHART_HEIGHT,
  tableLabel = `${title}, as a table`,
  tableCaption = title,
  children,
}: {
  title: string;
  summary: string;
  /** Shown when there are two series or more: which colour is which. */
  legend?: ReadonlyArray<{ label: string; color: string }>;
  /** A sentence shown instead of the chart when there is nothing to draw. */
  empty?: string | null;
  rows: readonly Row[];
  columns: ReadonlyArray<TableColumn<Row>>;
  rowKey: (row: Row) => string;
  /** The drawing's height in pixels. */
  height?: number;
  /** The scrolling table's name, as a region. */
  tableLabel?: string;
  /** The table's own name (its caption, for screen readers). */
  tableCaption?: string;
  /** The recharts chart. */
  children: ReactNode;
}) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const viewId = useId();

  return (
    <figure
      aria-labelledby={titleId}
      className="flex min-w-0 flex-col rounded-card border border-border bg-surface p-4 shadow-card sm:p-5"
    >
      <div className="flex items-start justify-between gap-3">
        <h3 id={titleId} className="font-semibold tracking-tight">
          {title}
        </h3>
        {!empty && (
          <button
            type="button"
            aria-controls={viewId}
            aria-expanded={asTable}
            onClick={() => setAsTable((t) => !t)}
            className={`${buttonClasses("ghost", "sm")} -mt-1 -mr-2 h-8 shrink-0 px-3 text-primary`}
          >
            {asTable ? "Show chart" : "Show table"}
            <span className="sr-only"> of {title.toLowerCase()}</span>
          </button>
        )}
      </div>
      <figcaption className="mt-1 text-sm text-pretty text-muted">{empty || summary}</figcaption>
      {!empty && legend && legend.length > 1 && (
        <ul aria-hidden="true" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
          {legend.map((item) => (
            <li key={item.label} className="flex items-center gap-1.5">
              <span className="size-2.5 rounded-sm" style={{ background: item.color }} />
              {item.label}
            </li>
          ))}
        </ul>
      )}
      {empty ? (
        // The sentence above says it; this keeps the card's shape beside a chart that has data.
        <div
          aria-hidden="true"
          className="mt-4 flex min-h-40 flex-1 items-center justify-center rounded-xl border border-dashed border-border-strong/50 text-muted"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            className="size-8 opacity-60"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
          >
            <path d="M4 20h16M7 16v-4M12 16V8M17 16v-6" strokeLinecap="round" />
          </svg>
        </div>
      ) : (
        <div id={viewId} className="mt-4">
          {asTable ? (
            <ScrollingTable
              label={tableLabel}
              caption={tableCaption}
              rows={rows}
              columns={columns}
              rowKey={rowKey}
              maxHeight={height}
            />
          ) : (
            <div aria-hidden="true" style={{ height }}>
              {children}
            </div>
          )}
        </div>
      )}
    </figure>
  );
}
