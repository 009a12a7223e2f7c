"use client";

import { CHART_COLORS } from "@/components/charts/chart-theme";
import { DailyChart } from "@/components/charts/daily-chart";
import { errorText } from "@/lib/error-text";
import { useResource } from "@/lib/use-resource";
import { getCourseRevenue } from "../billing.api";
import { formatMoney } from "../money";

/** A course's sales for its creator: gross and refunds per UTC day, and the purchases behind them. */
export function CourseRevenue({ courseId, range }: { courseId: string; range: { from: string; to: string } }) {
  const revenue = useResource(`revenue:${courseId}:${range.from}:${range.to}`, (signal) =>
    getCourseRevenue(courseId, range, signal),
  );
  if (revenue.status === "loading") return <div className="h-64 animate-pulse rounded-card bg-surface-muted" />;
  if (revenue.status === "error") {
    return (
      <p role="alert" className="text-danger">
        {errorText(revenue.error, "We couldn't load the revenue.")}
      </p>
    );
  }
  const { totals, days, currency } = revenue.data;
  const money = (n: number) => formatMoney(n, currency);
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          ["Gross", money(totals.gross)],
          ["Refunds", money(totals.refunds)],
          ["Net", money(totals.net)],
          ["Purchases", String(totals.purchases)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-card border border-border bg-surface p-4">
            <dt className="text-xs text-muted">{label}</dt>
            <dd className="mt-1 font-display text-xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <DailyChart
        title="Revenue by day"
        summary={`${money(totals.gross)} in ${totals.purchases} purchases, ${money(totals.refunds)} refunded, in this period. Premium members' access is not counted here.`}
        empty={totals.purchases === 0 && totals.refunds === 0 ? "No purchases of this course in this period." : null}
        days={days}
        series={[
          { key: "gross", label: "Gross", color: CHART_COLORS.primary, kind: "bar" },
          { key: "refunds", label: "Refunds", color: CHART_COLORS.accent, kind: "line" },
        ]}
        format={money}
        integer={false}
      />
    </div>
  );
}
