import { formatCount, formatDay, formatPercent, formatShare, plural } from "./analytics-format";
import type { CourseAnalytics } from "./creator-analytics.api";

// The page's charts as rows, and each one in a sentence: the sentence is what screen readers get, and what
// everyone reads above the drawing.

export interface TrendDay {
  date: string;
  enrollments: number;
  active_learners: number;
}

export function trendDays(data: CourseAnalytics): TrendDay[] {
  const active = new Map(data.active_learners_per_day.map((d) => [d.date, d.count]));
  return data.enrollments_per_day.map((d) => ({
    date: d.date,
    enrollments: d.count,
    active_learners: active.get(d.date) ?? 0,
  }));
}

const busiest = <T>(rows: readonly T[], value: (row: T) => number) =>
  rows.reduce<T | null>((best, row) => (value(row) > (best ? value(best) : 0) ? row : best), null);

export function trendSummary(days: readonly TrendDay[]): string {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return "No days in this period.";
  const enrolled = days.reduce((sum, d) => sum + d.enrollments, 0);
  const peakEnrollments = busiest(days, (d) => d.enrollments);
  const peakActive = busiest(days, (d) => d.active_learners);
  const average = days.reduce((sum, d) => sum + d.active_learners, 0) / days.length;
  const period = `From ${formatDay(first.date)} to ${formatDay(last.date)}`;
  const enrollmentPart = peakEnrollments
    ? `${plural(enrolled, "new enrollment")}, the most on ${formatDay(peakEnrollments.date)} (${formatCount(peakEnrollments.enrollments)})`
    : "no new enrollments";
  const activePart = peakActive
    ? `${formatCount(Math.round(average * 10) / 10)} active learners a day on average, ${formatCount(peakActive.active_learners)} at most on ${formatDay(peakActive.date)}`
    : "no active learners";
  return `${period}: ${enrollmentPart}; ${activePart}.`;
}

/** A lesson on an axis: its place in the course, short enough for a phone. */
export const lessonTick = (position: number) => `L${position}`;
const lessonName = (lesson: { position: number; title: string }) => `lesson ${lesson.position}, “${lesson.title}”`;

export function funnelSummary(funnel: CourseAnalytics["lesson_funnel"]): string {
  if (funnel.length === 0) return "This course has no lessons yet.";
  const first = funnel[0];
  const steepest = busiest(
    funnel.filter((l) => l.started > 0),
    (l) => l.drop_off_rate ?? 0,
  );
  const opening = first
    ? `${plural(funnel.length, "lesson")}. The first was started by ${plural(first.started, "learner")} and completed by ${formatCount(first.completed)}.`
    : "";
  const drop = steepest
    ? ` The steepest drop-off is at ${lessonName(steepest)}: ${formatShare(steepest.drop_off_rate)} of those who started it did not complete it.`
    : " No lesson lost learners between starting and completing it.";
  return `${opening}${drop}`;
}

export function quizSummary(quizzes: CourseAnalytics["quiz_pass_rates"], positions: Map<string, number>): string {
  if (quizzes.length === 0) return "This course has no quizzes yet.";
  const attempted = quizzes.filter((q) => q.attempts > 0 && q.pass_rate !== null);
  if (attempted.length === 0) return `${plural(quizzes.length, "quiz", "quizzes")}, not attempted in this period.`;
  const named = (q: (typeof quizzes)[number]) =>
    lessonName({ position: positions.get(q.lesson_id) ?? 0, title: q.title });
  const lowest = attempted.reduce((low, q) => ((q.pass_rate ?? 1) < (low.pass_rate ?? 1) ? q : low));
  const highest = attempted.reduce((high, q) => ((q.pass_rate ?? 0) > (high.pass_rate ?? 0) ? q : high));
  const lowPart = `Lowest pass rate: ${named(lowest)}, ${formatShare(lowest.pass_rate)} of ${plural(lowest.attempts, "attempt")}.`;
  return attempted.length === 1 || lowest === highest
    ? `${plural(quizzes.length, "quiz", "quizzes")}. ${lowPart}`
    : `${plural(quizzes.length, "quiz", "quizzes")}. ${lowPart} Highest: ${named(highest)}, ${formatShare(highest.pass_rate)}.`;
}

export function coverageSummary(
  coverage: CourseAnalytics["watch_coverage_per_lesson"],
  positions: Map<string, number>,
  average: number | null,
): string {
  if (coverage.length === 0) return "This course has no video lessons yet.";
  const watched = coverage.filter((c) => c.average_watch_percentage !== null);
  if (watched.length === 0) return `${plural(coverage.length, "video lesson")}, not watched in this period.`;
  const least = watched.reduce((low, c) =>
    (c.average_watch_percentage ?? 100) < (low.average_watch_percentage ?? 100) ? c : low,
  );
  const name = lessonName({ position: positions.get(least.lesson_id) ?? 0, title: least.title });
  return `Videos are watched ${formatPercent(average)} through on average. Least watched: ${name}, ${formatPercent(least.average_watch_percentage)}.`;
}
