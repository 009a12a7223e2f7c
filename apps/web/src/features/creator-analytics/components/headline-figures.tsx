import { FigureTiles } from "@/components/charts/figure-tiles";
import { formatCount, formatPercent, formatSeconds, formatShare, plural } from "../analytics-format";
import type { CourseAnalytics } from "../creator-analytics.api";

/** The period at a glance: a label, the number, and a line of context each. */
export function HeadlineFigures({ data }: { data: CourseAnalytics }) {
  const { totals, completion } = data;
  const items = [
    {
      label: "New enrollments",
      value: formatCount(totals.enrollments),
      note: `${plural(totals.active_learners, "active learner")}`,
    },
    {
      label: "Course completion",
      value: formatShare(completion.rate, "—"),
      note:
        completion.enrolled === 0
          ? "No enrollments in this period"
          : `${formatCount(completion.completed)} of ${plural(completion.enrolled, "enrollment")} finished`,
    },
    {
      label: "Lessons completed",
      value: formatCount(totals.lesson_completions),
      note:
        data.average_completion_time_seconds === null
          ? "No completions yet"
          : `${formatSeconds(data.average_completion_time_seconds)} from start to finish on average`,
    },
    {
      label: "Quiz pass rate",
      value: formatShare(data.quiz_pass_rate, "—"),
      note: totals.quiz_submissions === 0 ? "No quiz attempts" : plural(totals.quiz_submissions, "attempt"),
    },
    {
      label: "Video watched",
      value: formatPercent(data.average_watch_coverage, "—"),
      note: data.average_watch_coverage === null ? "No videos watched" : "On average, of each video",
    },
    {
      label: "Tutor questions",
      value: formatCount(totals.ai_requests),
      note: "Asked to the AI tutor",
    },
  ];
  return <FigureTiles label="This period at a glance" columns="md:grid-cols-3 xl:grid-cols-6" items={items} />;
}
