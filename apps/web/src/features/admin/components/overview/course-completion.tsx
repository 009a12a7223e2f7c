"use client";

import Link from "next/link";
import { useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { Meter } from "@/components/ui/meter";
import type { PlatformAnalytics } from "../../admin.api";
import { formatCount, formatShare } from "../../admin-format";

const FIRST_ROWS = 8;

/** Completion per course for enrollments made in the period, most enrolled first. */
export function CourseCompletion({ rows }: { rows: PlatformAnalytics["completion_rate_per_course"] }) {
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  if (rows.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-border-strong/50 px-4 py-6 text-center text-sm text-muted">
        No course had enrollments in this period.
      </p>
    );
  }
  return (
    <div>
      <div className="overflow-x-auto rounded-card border border-border bg-surface shadow-card">
        <table className="w-full min-w-[34rem] text-sm">
          <caption className="sr-only">Completion rate per course, for enrollments made in the period</caption>
          <thead className="bg-surface-muted text-left">
            <tr>
              <th scope="col" className="px-4 py-2.5 font-medium">
                Course
              </th>
              <th scope="col" className="px-4 py-2.5 text-right font-medium">
                Enrolled
              </th>
              <th scope="col" className="px-4 py-2.5 text-right font-medium">
                Completed
              </th>
              <th scope="col" className="w-[30%] px-4 py-2.5 font-medium">
                Completion rate
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.course_id} className="border-t border-border">
                <th scope="row" className="px-4 py-2.5 text-left font-normal">
                  <Link href={`/courses/${row.course_id}`} className="font-medium hover:text-primary hover:underline">
                    {row.title}
                  </Link>
                </th>
                <td className="px-4 py-2.5 text-right tabular-nums">{formatCount(row.enrolled)}</td>
                <td className="px-4 py-2.5 text-right tabular-nums">{formatCount(row.completed)}</td>
                <td className="px-4 py-2.5">
                  <div className="flex items-center gap-3">
                    <Meter
                      value={row.rate === null ? 0 : Math.round(row.rate * 100)}
                      max={100}
                      warnAt={2}
                      label={`Completion rate of ${row.title}`}
                      valueText={row.rate === null ? "No enrollments" : `${formatShare(row.rate)} completed`}
                      className="h-2 flex-1"
                    />
                    <span className="w-10 text-right tabular-nums">{formatShare(row.rate)}</span>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > FIRST_ROWS && (
        <button type="button" onClick={() => setAll((a) => !a)} className={`${buttonClasses("ghost", "sm")} mt-3`}>
          {all ? "Show the top 8 only" : `Show all ${rows.length} courses`}
        </button>
      )}
    </div>
  );
}
