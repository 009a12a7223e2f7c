import type { CourseDetail } from "@lumen/contracts";
import Link from "next/link";
import { formatDuration, formatLessonCount } from "../course-format";
import { lessonHref } from "../enrollment/lesson-href";

type Module = CourseDetail["modules"][number];
type Lesson = Module["lessons"][number];

/** Outlines this short or shorter open every module; longer ones open the first. */
const OPEN_ALL_UP_TO = 12;

function LessonKindIcon({ kind }: { kind: Lesson["kind"] }) {
  return (
    <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-surface-muted text-muted">
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        className="size-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {kind === "video" ? (
          <>
            <rect x="2.5" y="4" width="15" height="12" rx="2.5" />
            <path d="M8.5 7.8v4.4l3.6-2.2z" fill="currentColor" stroke="none" />
          </>
        ) : (
          <>
            <path d="M5 2.5h6.5L15 6v11.5H5z" />
            <path d="M11.5 2.5V6H15M7.5 10h5M7.5 13h5" />
          </>
        )}
      </svg>
      <span className="sr-only">{kind === "video" ? "Video:" : "Reading:"}</span>
    </span>
  );
}

function LessonRow({ courseId, lesson }: { courseId: string; lesson: Lesson }) {
  return (
    <li className="flex items-center gap-3 px-4 py-3 sm:px-5">
      <LessonKindIcon kind={lesson.kind} />
      <div className="min-w-0 flex-1">
        <p className="text-[0.95rem] leading-snug text-foreground">
          {lesson.is_preview ? (
            <Link
              href={lessonHref(courseId, lesson.id)}
              className="font-medium text-primary underline-offset-2 hover:underline"
            >
              {lesson.title}
              <span className="sr-only"> (free preview)</span>
            </Link>
          ) : (
            lesson.title
          )}
        </p>
        {(lesson.is_preview || lesson.has_quiz) && (
          <p className="mt-1 flex flex-wrap gap-1.5">
            {lesson.is_preview && (
              <span
                aria-hidden="true"
                className="rounded-full bg-accent-soft px-2 py-0.5 text-xs font-semibold text-accent"
              >
                Free preview
              </span>
            )}
            {lesson.has_quiz && (
              <span className="rounded-full bg-primary-soft px-2 py-0.5 text-xs font-semibold text-primary">Quiz</span>
            )}
          </p>
        )}
      </div>
      <span className="shrink-0 text-sm text-muted tabular-nums">
        <span className="sr-only">Length: </span>
        {formatDuration(lesson.duration_seconds)}
      </span>
    </li>
  );
}

/** Modules and their lessons; free previews link straight to the lesson. Works without script (details). */
export function CourseOutline({ courseId, modules }: { courseId: string; modules: Module[] }) {
  const lessonTotal = modules.reduce((sum, module) => sum + module.lessons.length, 0);
  if (lessonTotal === 0) {
    return <p className="text-muted">The lessons of this course are still being prepared.</p>;
  }
  const openAll = lessonTotal <= OPEN_ALL_UP_TO;
  return (
    <ol className="overflow-hidden rounded-card border border-border bg-surface shadow-card">
      {modules.map((module, index) => {
        const seconds = module.lessons.reduce((sum, lesson) => sum + lesson.duration_seconds, 0);
        return (
          <li key={module.id} className="border-b border-border last:border-b-0">
            <details open={openAll || index === 0} className="group">
              <summary className="flex cursor-pointer list-none items-center gap-4 px-4 py-4 transition-colors hover:bg-surface-muted sm:px-5 [&::-webkit-details-marker]:hidden">
                <svg
                  aria-hidden="true"
                  viewBox="0 0 20 20"
                  className="size-4 shrink-0 text-muted transition-transform group-open:rotate-90"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                >
                  <path d="M7.5 5l5 5-5 5" />
                </svg>
                <span className="min-w-0 flex-1">
                  <span className="block text-xs font-medium tracking-[0.08em] text-muted uppercase">
                    Module {index + 1}
                  </span>
                  <span className="mt-0.5 block font-semibold leading-snug">{module.title}</span>
                </span>
                <span className="shrink-0 text-right text-sm text-muted">
                  {formatLessonCount(module.lessons.length)}
                  <span className="hidden sm:inline"> · {formatDuration(seconds)}</span>
                </span>
              </summary>
              {module.lessons.length > 0 ? (
                <ol className="divide-y divide-border border-t border-border bg-background/40">
                  {module.lessons.map((lesson) => (
                    <LessonRow key={lesson.id} courseId={courseId} lesson={lesson} />
                  ))}
                </ol>
              ) : (
                <p className="border-t border-border px-5 py-3 text-sm text-muted">Lessons coming soon.</p>
              )}
            </details>
          </li>
        );
      })}
    </ol>
  );
}
