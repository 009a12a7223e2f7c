import type { AdminCourse } from "@lumen/contracts";
import Link from "next/link";
import { buttonClasses } from "@/components/button-link";
import { formatDate, plural, STATUS_LABELS } from "../../admin-format";
import { Badge } from "../badge";
import { type ModerationAction, moderationActions, moderationNote } from "./moderation";

const STATUS_TONES = { published: "primary", draft: "neutral", archived: "accent" } as const;

/** One course: what it is, who made it, how many learners it has, and the moderation its status allows. */
export function CourseRow({
  course,
  onModerate,
}: {
  course: AdminCourse;
  onModerate: (action: ModerationAction) => void;
}) {
  const note = moderationNote(course);
  return (
    <li className="rounded-card border border-border bg-surface p-4 shadow-card sm:p-5">
      <div className="flex flex-col gap-4 lg:flex-row lg:items-center lg:justify-between">
        <div className="min-w-0">
          <h2 className="flex flex-wrap items-center gap-x-2.5 gap-y-1 text-base font-semibold">
            <Link href={`/courses/${course.id}`} className="break-words hover:text-primary hover:underline">
              {course.title}
            </Link>
            <Badge tone={STATUS_TONES[course.status]}>{STATUS_LABELS[course.status]}</Badge>
          </h2>
          <p className="mt-0.5 text-sm text-muted">
            by {course.creator.full_name} <span className="break-all">({course.creator.email})</span>
          </p>
          <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted">
            <span>{plural(course.enrollment_count, "learner")} enrolled</span>
            <span>{plural(course.lesson_count, "lesson")}</span>
            <span>
              Created <time dateTime={course.created_at}>{formatDate(course.created_at)}</time>
            </span>
            {course.published_at && (
              <span>
                Published <time dateTime={course.published_at}>{formatDate(course.published_at)}</time>
              </span>
            )}
          </p>
        </div>
        <div className="flex shrink-0 flex-col gap-2 lg:items-end">
          <div className="flex flex-wrap gap-2.5">
            {moderationActions(course).map((action) => (
              <button
                key={action.to}
                type="button"
                onClick={() => onModerate(action)}
                className={buttonClasses("secondary", "sm")}
              >
                {action.label}
                <span className="sr-only"> “{course.title}”</span>
              </button>
            ))}
          </div>
          {note && <p className="text-xs text-muted lg:text-right">{note}</p>}
        </div>
      </div>
    </li>
  );
}
