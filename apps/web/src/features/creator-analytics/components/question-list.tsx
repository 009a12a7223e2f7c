import Link from "next/link";
import { buttonClasses } from "@/components/button-link";
import { lessonHref } from "@/features/courses/enrollment/lesson-href";
import { formatClock } from "@/features/learn/format-time";
import { wholeSeconds } from "@/lib/format";
import { formatCount, formatDate, formatStretch, plural } from "../analytics-format";
import type { TimelineBucket, TutorQuestion } from "../creator-analytics.api";

/**
 * What learners asked the tutor on this lesson, newest first, in their words: when and where in the video, never
 * who. A question with a video time links to the lesson at that second, to see what was on screen.
 */
export function QuestionList({
  courseId,
  lessonId,
  total,
  questions,
  stretch,
  onClearStretch,
  headingId,
}: {
  courseId: string;
  lessonId: string;
  total: number;
  questions: readonly TutorQuestion[];
  /** When set, only the questions asked at this stretch of the video are listed. */
  stretch: { bucket: TimelineBucket; questions: readonly TutorQuestion[] } | null;
  onClearStretch: () => void;
  headingId: string;
}) {
  const shown = stretch ? stretch.questions : questions;

  return (
    <section aria-labelledby={headingId}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h4 id={headingId} className="font-semibold tracking-tight">
          Questions learners asked
        </h4>
        <p className="text-sm text-muted" aria-live="polite">
          {stretch
            ? `${plural(shown.length, "question")} at ${formatStretch(stretch.bucket)}`
            : total > questions.length
              ? `The latest ${formatCount(questions.length)} of ${formatCount(total)}`
              : plural(total, "question")}
        </p>
      </div>
      {stretch && (
        <button
          type="button"
          onClick={onClearStretch}
          className={`${buttonClasses("ghost", "sm")} -ml-3 mt-1 text-primary`}
        >
          Show all questions
        </button>
      )}
      {shown.length === 0 ? (
        <p className="mt-3 rounded-xl border border-dashed border-border-strong/50 px-4 py-5 text-center text-sm text-muted">
          {stretch
            ? "The questions asked here are older than the ones listed. Pick a shorter period to see them."
            : total > 0
              ? "These questions were asked before Lumen kept their wording, so there is no text to show."
              : "No one asked the tutor about this lesson in this period."}
        </p>
      ) : (
        <ol className="mt-3 divide-y divide-border rounded-xl border border-border">
          {shown.map((q) => (
            <li
              key={`${q.asked_at}-${q.question.slice(0, 24)}`}
              className="flex flex-col gap-1.5 px-4 py-3 sm:flex-row sm:items-start sm:gap-4"
            >
              <span className="w-20 shrink-0 font-mono text-sm text-muted tabular-nums">
                {q.position_seconds === null ? (
                  <span className="font-sans text-xs">No video time</span>
                ) : (
                  formatClock(q.position_seconds)
                )}
              </span>
              <div className="min-w-0 flex-1">
                <p className="text-sm text-pretty break-words text-foreground">“{q.question}”</p>
                <p className="mt-1 text-xs text-muted">
                  Asked {formatDate(q.asked_at)}
                  {q.position_seconds !== null && (
                    <>
                      {" · "}
                      <Link
                        href={`${lessonHref(courseId, lessonId)}?t=${wholeSeconds(q.position_seconds)}`}
                        className="font-medium text-primary underline-offset-2 hover:underline"
                      >
                        Open the lesson at {formatClock(q.position_seconds)}
                      </Link>
                    </>
                  )}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
