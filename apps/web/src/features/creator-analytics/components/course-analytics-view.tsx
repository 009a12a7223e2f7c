"use client";

import Link from "next/link";
import { useState } from "react";
import { ButtonLink, buttonClasses } from "@/components/button-link";
import { StatusPanel } from "@/components/status-panel";
import { Bone, PageSection, SectionLoading } from "@/components/ui/section";
import { CourseRevenue } from "@/features/billing/components/course-revenue";
import { isApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";
import { useAuthResource } from "@/lib/use-auth-resource";
import { formatDay } from "../analytics-format";
import { DEFAULT_PRESET, type RangeChoice, rangeOf } from "../analytics-range";
import { trendDays } from "../chart-data";
import { courseAnalytics } from "../creator-analytics.api";
import { HeadlineFigures } from "./headline-figures";
import { CoverageChart, FunnelChart, QuizChart } from "./lesson-charts";
import { RangePicker } from "./range-picker";
import { StuckSection } from "./stuck-section";
import { TrendChart } from "./trend-chart";

function Loading() {
  return (
    <SectionLoading label="Loading the course's analytics…">
      <div className="mt-8 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {[0, 1, 2, 3, 4, 5].map((n) => (
          <Bone key={n} className="h-24 rounded-card" />
        ))}
      </div>
      <div className="mt-10 grid gap-4 lg:grid-cols-2">
        {[0, 1, 2, 3].map((n) => (
          <Bone key={n} className="h-80 rounded-card" />
        ))}
      </div>
    </SectionLoading>
  );
}

/** A failed load in words: no access and no such course get their own message, anything else a retry. */
function Failure({ error, onRetry, courseHref }: { error: unknown; onRetry: () => void; courseHref: string }) {
  const status = isApiError(error) ? error.status : 0;
  if (status === 403 || status === 404) {
    return (
      <div className="mt-10">
        <StatusPanel
          role="alert"
          title={status === 403 ? "These analytics aren't yours to see" : "We couldn't find this course"}
          actions={<ButtonLink href="/studio">Go to your courses</ButtonLink>}
        >
          {status === 403
            ? "Only the course's creator and admins can see its analytics."
            : "It may have been deleted, or the link is wrong."}
        </StatusPanel>
      </div>
    );
  }
  return (
    <div className="mt-10">
      <StatusPanel
        tone="danger"
        role="alert"
        title="We couldn't load the analytics"
        actions={
          <>
            <button type="button" onClick={onRetry} className={buttonClasses("primary")}>
              Try again
            </button>
            <ButtonLink href={courseHref} variant="secondary">
              Back to the course
            </ButtonLink>
          </>
        }
      >
        {errorText(error)}
      </StatusPanel>
    </div>
  );
}

/**
 * A course's analytics for its creator (and admins): headline figures, enrollments and activity by day, the
 * lesson funnel, quiz pass rates, watch coverage, and where learners get stuck. Every chart has its words and its
 * table. `now` pins the clock in tests.
 */
export function CourseAnalyticsView({ courseId, now }: { courseId: string; now?: Date }) {
  const [choice, setChoice] = useState<RangeChoice>({ kind: "preset", days: DEFAULT_PRESET });
  const range = rangeOf(choice, now);
  const resource = useAuthResource(courseAnalytics(courseId, range));
  const courseHref = `/studio/courses/${encodeURIComponent(courseId)}`;
  const data = resource.status === "ready" ? resource.data : null;

  return (
    <div className="mx-auto max-w-page px-4 py-8 sm:px-6 sm:py-10 lg:px-8">
      <Link
        href={courseHref}
        className="inline-flex items-center gap-1.5 text-sm font-medium text-muted hover:text-foreground"
      >
        <span aria-hidden="true">←</span> Back to the course
      </Link>
      <header className="mt-4 flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0">
          <h1 className="font-display text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
            Course analytics
          </h1>
          <p className="mt-2 text-pretty text-muted">
            {data ? <span className="font-medium text-foreground">{data.course.title}</span> : "Your course"}
            {` · ${formatDay(range.from)} to ${formatDay(range.to)} (UTC days)`}
          </p>
        </div>
        <RangePicker choice={choice} range={range} onChange={setChoice} now={now} />
      </header>

      {resource.status === "loading" && <Loading />}
      {resource.status === "error" && (
        <Failure error={resource.error} onRetry={resource.retry} courseHref={courseHref} />
      )}
      {data && (
        <>
          <div className="mt-8">
            <HeadlineFigures data={data} />
          </div>

          <PageSection id="activity-heading" title="Learners over time">
            <TrendChart days={trendDays(data)} />
          </PageSection>

          <PageSection
            id="lessons-heading"
            title="Lesson by lesson"
            description="Lessons in course order: L1 is the first."
          >
            <div className="grid gap-4 lg:grid-cols-2">
              <div className="lg:col-span-2">
                <FunnelChart funnel={data.lesson_funnel} />
              </div>
              <QuizChart data={data} />
              <CoverageChart data={data} />
            </div>
          </PageSection>

          <PageSection
            id="revenue-heading"
            title="Revenue"
            description="What learners paid for this course, by UTC day: gross sales, refunds and purchases."
          >
            <CourseRevenue courseId={courseId} range={range} />
          </PageSection>

          <PageSection
            id="stuck-heading"
            title="Where learners get stuck"
            description="Stretches of a video that learners watched again, and what they asked the AI tutor there. Questions are shown without who asked them."
          >
            <StuckSection courseId={courseId} lessons={data.where_stuck} range={range} />
          </PageSection>
        </>
      )}
    </div>
  );
}
