"use client";

import { useRouter } from "next/navigation";
import { CHART_COLORS } from "@/components/charts/chart-theme";
import { FigureTiles } from "@/components/charts/figure-tiles";
import { Bone, PageSection, SectionError, SectionLoading } from "@/components/ui/section";
import { lastDays } from "@/features/creator-analytics/analytics-range";
import { useAuthResource } from "@/lib/use-auth-resource";
import { platformAiUsage, platformAnalytics } from "../../admin.api";
import { formatCount, formatDay, formatShare, formatUsd } from "../../admin-format";
import { OVERVIEW_RANGES, type OverviewDays, overviewHref } from "../../admin-params";
import { AdminPageHeader } from "../admin-page-header";
import { CourseCompletion } from "./course-completion";
import { KpiChart } from "./kpi-chart";
import { aiDays, learningDays, sum } from "./overview-data";

function Loading({ label }: { label: string }) {
  return (
    <SectionLoading label={label}>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[0, 1, 2, 3].map((n) => (
          <Bone key={n} className="h-24 rounded-card" />
        ))}
      </div>
      <Bone className="mt-4 h-72 rounded-card" />
    </SectionLoading>
  );
}

function RangePicker({ days, onChange }: { days: OverviewDays; onChange: (days: OverviewDays) => void }) {
  return (
    <fieldset className="inline-flex rounded-full border border-border bg-surface p-1 shadow-card">
      <legend className="sr-only">Period</legend>
      {OVERVIEW_RANGES.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={option === days}
          onClick={() => onChange(option)}
          className={`h-9 rounded-full px-4 text-sm font-medium transition-colors ${
            option === days ? "bg-primary text-primary-foreground" : "text-muted hover:text-foreground"
          }`}
        >
          {option} days
        </button>
      ))}
    </fieldset>
  );
}

/** Platform KPIs over the last 7, 30 or 90 UTC days: learning, the AI tutor and its cost, completion per course. */
export function OverviewView({ days, now }: { days: OverviewDays; now?: Date }) {
  const router = useRouter();
  const range = lastDays(days, now);
  const analytics = useAuthResource(platformAnalytics(range));
  const usage = useAuthResource(platformAiUsage(days));

  const learning = analytics.status === "ready" ? learningDays(analytics.data) : [];
  const ai = usage.status === "ready" ? aiDays(usage.data, range) : [];
  const answered = sum(ai, "answered");

  return (
    <div>
      <AdminPageHeader
        title="Overview"
        description={`How learning and the AI tutor went across Lumen from ${formatDay(range.from)} to ${formatDay(range.to)} (UTC days).`}
        actions={<RangePicker days={days} onChange={(next) => router.push(overviewHref(next), { scroll: false })} />}
      />

      <PageSection id="learning-heading" title="Learning">
        {analytics.status === "loading" && <Loading label="Loading the learning figures…" />}
        {analytics.status === "error" && (
          <SectionError what="the learning figures" error={analytics.error} onRetry={analytics.retry} />
        )}
        {analytics.status === "ready" && (
          <>
            <FigureTiles
              label="Learning in this period"
              columns="lg:grid-cols-4"
              items={[
                { label: "New enrollments", value: formatCount(analytics.data.totals.enrollments) },
                {
                  label: "Active learners",
                  value: formatCount(analytics.data.totals.active_learners),
                  note: "Learners with any activity",
                },
                {
                  label: "Lessons completed",
                  value: formatCount(analytics.data.totals.lesson_completions),
                  note:
                    analytics.data.average_watch_coverage === null
                      ? "No videos watched"
                      : `Videos watched ${Math.round(analytics.data.average_watch_coverage)}% on average`,
                },
                {
                  label: "Quiz pass rate",
                  value: formatShare(analytics.data.quiz_pass_rate),
                  note: analytics.data.quiz_pass_rate === null ? "No quiz attempts" : "Of the quiz attempts",
                },
              ]}
            />
            <div className="mt-4 grid gap-4 lg:grid-cols-3">
              <KpiChart
                title="Enrollments"
                kind="bar"
                data={learning}
                series={[{ key: "enrollments", label: "Enrollments", color: CHART_COLORS.primary, additive: true }]}
                format={formatCount}
              />
              <KpiChart
                title="Active learners"
                kind="area"
                data={learning}
                series={[
                  { key: "active_learners", label: "Active learners", color: CHART_COLORS.accent, additive: false },
                ]}
                format={formatCount}
              />
              <KpiChart
                title="Lesson completions"
                kind="bar"
                data={learning}
                series={[
                  { key: "completions", label: "Lesson completions", color: CHART_COLORS.primary, additive: true },
                ]}
                format={formatCount}
              />
            </div>
          </>
        )}
      </PageSection>

      <PageSection id="ai-heading" title="AI tutor">
        {usage.status === "loading" && <Loading label="Loading the AI usage…" />}
        {usage.status === "error" && <SectionError what="the AI usage" error={usage.error} onRetry={usage.retry} />}
        {usage.status === "ready" && (
          <>
            <FigureTiles
              label="AI tutor in this period"
              columns="lg:grid-cols-4"
              items={[
                { label: "Answered requests", value: formatCount(answered) },
                {
                  label: "Answered from cache",
                  value: formatCount(sum(ai, "cached")),
                  note:
                    answered > 0 ? `${formatShare(sum(ai, "cached") / answered)} of answers, at no cost` : undefined,
                },
                { label: "Failed requests", value: formatCount(sum(ai, "failed")), note: "Refunded to the budget" },
                { label: "Estimated cost", value: formatUsd(sum(ai, "cost_usd")), note: "US dollars" },
              ]}
            />
            <div className="mt-4 grid gap-4 lg:grid-cols-2">
              <KpiChart
                title="AI requests"
                kind="bar"
                data={ai}
                series={[
                  { key: "answered", label: "Answered", color: CHART_COLORS.primary, additive: true },
                  { key: "failed", label: "Failed", color: CHART_COLORS.danger, additive: true },
                ]}
                format={formatCount}
              />
              <KpiChart
                title="Estimated AI cost (USD)"
                kind="area"
                data={ai}
                series={[{ key: "cost_usd", label: "Estimated cost", color: CHART_COLORS.accent, additive: true }]}
                format={formatUsd}
                integer={false}
              />
            </div>
          </>
        )}
      </PageSection>

      <PageSection
        id="completion-heading"
        title="Completion by course"
        description="Of the enrollments made in this period, the share completed so far. The most enrolled courses come first."
      >
        {analytics.status === "loading" && (
          <SectionLoading label="Loading completion by course…">
            <Bone className="h-64 rounded-card" />
          </SectionLoading>
        )}
        {analytics.status === "error" && (
          <SectionError what="completion by course" error={analytics.error} onRetry={analytics.retry} />
        )}
        {analytics.status === "ready" && <CourseCompletion rows={analytics.data.completion_rate_per_course} />}
      </PageSection>
    </div>
  );
}
