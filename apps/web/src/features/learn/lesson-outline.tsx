"use client";

import type { CourseDetail, Progress } from "@lumen/contracts";
import Link from "next/link";
import { usePopWhen } from "@/components/motion/use-pop";
import { formatClock } from "./format-time";

/** The round mark before a lesson; it pops when the lesson is completed while the learner is here. */
function CompletionMark({ done }: { done: boolean }) {
  const ref = usePopWhen<HTMLSpanElement>(done);
  return (
    <span
      ref={ref}
      aria-hidden="true"
      className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full border text-[0.65rem] ${
        done ? "border-primary bg-primary text-primary-foreground" : "border-border-strong/60"
      }`}
    >
      {done ? "✓" : ""}
    </span>
  );
}

/** Modules → lessons with a mark for each completed lesson; the current one is marked for screen readers too. */
export function LessonOutline({
  course,
  currentLessonId,
  progress,
}: {
  course: CourseDetail;
  currentLessonId: string;
  progress: Map<string, Progress>;
}) {
  const canView = course.access.can_view_content;
  return (
    <nav aria-label="Course outline" className="space-y-5">
      {course.modules.map((module, moduleIndex) => (
        <div key={module.id}>
          <h3 className="px-2 text-xs font-semibold tracking-wide text-muted uppercase">
            {moduleIndex + 1}. {module.title}
          </h3>
          <ul className="mt-2 space-y-0.5">
            {module.lessons.map((lesson) => {
              const done = progress.get(lesson.id)?.video_progress.is_completed ?? false;
              const current = lesson.id === currentLessonId;
              const open = canView || lesson.is_preview;
              const body = (
                <>
                  <CompletionMark done={done} />
                  <span className="min-w-0 flex-1">
                    <span className="block">{lesson.title}</span>
                    <span className="text-xs text-muted">
                      {lesson.kind === "video" ? "Video" : "Reading"} · {formatClock(lesson.duration_seconds)}
                      {lesson.has_quiz ? " · Quiz" : ""}
                      {!canView && lesson.is_preview ? " · Free preview" : ""}
                    </span>
                  </span>
                  <span className="sr-only">{done ? "(completed)" : "(not completed)"}</span>
                </>
              );
              const classes = `flex items-start gap-2.5 rounded-xl px-2 py-2 text-sm ${
                current ? "bg-primary-soft font-medium" : open ? "hover:bg-surface-muted" : "text-muted"
              }`;
              return (
                <li key={lesson.id}>
                  {open ? (
                    <Link
                      href={`/learn/${course.id}/${lesson.id}`}
                      aria-current={current ? "page" : undefined}
                      className={classes}
                    >
                      {body}
                    </Link>
                  ) : (
                    <span className={classes}>
                      {body}
                      <span className="sr-only">(enroll to open)</span>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
