import { ButtonLink } from "@/components/button-link";
import { CourseThumb } from "@/components/course-thumb";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Bone, SectionLoading } from "@/components/ui/section";
import { lessonHref } from "@/features/courses/enrollment/lesson-href";
import type { MyCourse } from "../dashboard.api";
import { formatPercent, formatRelativeTime, hasStarted, plural } from "../dashboard-format";

/** The one big call to action: back to the lesson the learner is up to in their most recent course. */
export function ContinueCard({
  course,
  lessonTitle,
  now,
}: {
  course: MyCourse & { next_lesson_id: string };
  /** The next lesson's title, when the learning path names it. */
  lessonTitle?: string | undefined;
  now?: Date;
}) {
  const percent = formatPercent(course.progress_percentage);
  const started = hasStarted(course);
  return (
    <section
      aria-labelledby="continue-title"
      className="rounded-card border border-primary/20 bg-primary-soft p-5 shadow-card sm:flex sm:gap-6 sm:p-6"
    >
      <CourseThumb
        url={course.thumbnail_url}
        title={course.title}
        className="aspect-[16/9] w-full rounded-xl border border-primary/15 sm:w-52 sm:shrink-0 sm:self-start lg:w-60"
      />
      <div className="mt-5 flex min-w-0 flex-1 flex-col sm:mt-0">
        <h2 id="continue-title" className="text-xs font-semibold tracking-[0.08em] text-primary uppercase">
          {started ? "Continue where you left off" : "Start your course"}
        </h2>
        <p className="mt-2 font-display text-2xl leading-tight font-semibold tracking-tight text-balance">
          {course.title}
        </p>
        {lessonTitle && (
          <p className="mt-1.5 text-sm text-muted">
            Next lesson: <span className="font-medium text-foreground">{lessonTitle}</span>
          </p>
        )}
        <div className="mt-4">
          <ProgressBar value={course.progress_percentage} label={`${course.title}: progress`} animated />
          <div className="mt-2 flex flex-wrap justify-between gap-x-4 gap-y-0.5 text-sm text-muted">
            <p>
              <span className="font-medium text-foreground">{percent} complete</span>
              <span aria-hidden="true"> · </span>
              {course.completed_lessons} of {plural(course.total_lessons, "lesson")} done
            </p>
            {course.last_accessed && <p>Last studied {formatRelativeTime(course.last_accessed, now)}</p>}
          </div>
        </div>
        <div className="mt-5">
          <ButtonLink href={lessonHref(course.course_id, course.next_lesson_id)}>
            {started ? "Continue learning" : "Start learning"}
            <span className="sr-only">: {course.title}</span>
            <svg
              aria-hidden="true"
              viewBox="0 0 20 20"
              className="size-4"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              <path d="M4 10h12m-5-5 5 5-5 5" />
            </svg>
          </ButtonLink>
        </div>
      </div>
    </section>
  );
}

export function ContinueCardSkeleton() {
  return (
    <SectionLoading label="Loading the course you were studying…">
      <div className="rounded-card border border-border bg-surface p-5 sm:flex sm:gap-6 sm:p-6">
        <Bone className="aspect-[16/9] w-full rounded-xl sm:w-52 lg:w-60" />
        <div className="mt-5 flex-1 space-y-3 sm:mt-0">
          <Bone className="h-3 w-40" />
          <Bone className="h-7 w-3/4" />
          <Bone className="h-2.5 w-full rounded-full" />
          <Bone className="h-11 w-44 rounded-full" />
        </div>
      </div>
    </SectionLoading>
  );
}
