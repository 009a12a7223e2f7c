import Link from "next/link";
import { ButtonLink } from "@/components/button-link";
import { CourseThumb } from "@/components/course-thumb";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Bone, DashboardSection, SectionEmpty, SectionError, SectionLoading } from "@/components/ui/section";
import { formatCategory, formatLevel } from "@/features/courses/course-format";
import type { Resource } from "@/lib/use-resource";
import type { MyCourse } from "../dashboard.api";
import {
  continueHref,
  courseHref,
  formatPercent,
  formatRelativeTime,
  hasStarted,
  plural,
  sortByRecent,
} from "../dashboard-format";

function CourseRow({ course, now }: { course: MyCourse; now?: Date | undefined }) {
  const finished = course.next_lesson_id === null;
  const started = hasStarted(course);
  const action = finished ? "Review" : started ? "Continue" : "Start";
  return (
    <li className="flex gap-4 py-4 first:pt-0 last:pb-0">
      <CourseThumb
        url={course.thumbnail_url}
        title={course.title}
        className="hidden aspect-[16/9] w-32 shrink-0 self-start rounded-lg border border-border sm:block"
      />
      <div className="min-w-0 flex-1">
        <div className="flex items-start justify-between gap-3 sm:gap-4">
          <div className="min-w-0">
            <h3 className="font-semibold leading-snug text-balance">
              <Link href={courseHref(course.course_id)} className="underline-offset-4 hover:underline">
                {course.title}
              </Link>
            </h3>
            <p className="mt-0.5 text-sm text-muted">
              {formatCategory(course.category)} · {formatLevel(course.level)}
            </p>
          </div>
          <ButtonLink href={continueHref(course)} variant="secondary" size="sm" className="shrink-0">
            {action}
            <span className="sr-only">: {course.title}</span>
          </ButtonLink>
        </div>
        <ProgressBar
          value={course.progress_percentage}
          label={`${course.title}: progress`}
          size="sm"
          className="mt-3"
          animated
        />
        <div className="mt-1.5 flex flex-wrap justify-between gap-x-4 gap-y-0.5 text-xs text-muted">
          <p>
            <span className="font-medium text-foreground">
              {finished ? "Finished" : `${formatPercent(course.progress_percentage)} complete`}
            </span>
            <span aria-hidden="true"> · </span>
            {course.completed_lessons} of {plural(course.total_lessons, "lesson")}
          </p>
          <p>
            {course.last_accessed ? `Last studied ${formatRelativeTime(course.last_accessed, now)}` : "Not started yet"}
          </p>
        </div>
      </div>
    </li>
  );
}

/** Every course the learner has joined, most recently studied first. */
export function MyCourses({
  resource,
  onRetry,
  now,
}: {
  resource: Resource<{ items: MyCourse[] }>;
  onRetry: () => void;
  now?: Date;
}) {
  const count = resource.status === "ready" ? resource.data.items.length : 0;
  return (
    <DashboardSection
      id="my-courses-title"
      title="My courses"
      action={
        count > 0 && (
          <Link href="/courses" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
            Find another course
          </Link>
        )
      }
    >
      {resource.status === "loading" && (
        <SectionLoading label="Loading your courses…">
          <div className="space-y-5">
            {[0, 1, 2].map((i) => (
              <div key={i} className="flex gap-4">
                <Bone className="hidden aspect-[16/9] w-32 rounded-lg sm:block" />
                <div className="flex-1 space-y-2.5 pt-1">
                  <Bone className="h-4 w-2/3" />
                  <Bone className="h-3 w-1/3" />
                  <Bone className="h-1.5 w-full rounded-full" />
                </div>
              </div>
            ))}
          </div>
        </SectionLoading>
      )}
      {resource.status === "error" && <SectionError what="your courses" error={resource.error} onRetry={onRetry} />}
      {resource.status === "ready" && count === 0 && (
        <SectionEmpty action={<ButtonLink href="/courses">Browse the catalog</ButtonLink>}>
          You haven't joined a course yet. Pick one from the catalog and it will show up here, with your progress.
        </SectionEmpty>
      )}
      {resource.status === "ready" && count > 0 && (
        <ul className="divide-y divide-border">
          {sortByRecent(resource.data.items).map((course) => (
            <CourseRow key={course.course_id} course={course} now={now} />
          ))}
        </ul>
      )}
    </DashboardSection>
  );
}
