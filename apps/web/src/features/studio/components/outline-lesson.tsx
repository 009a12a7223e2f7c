"use client";

import Link from "next/link";
import { formatDuration } from "@/features/courses/course-format";
import type { OutlineLesson } from "../outline-model";
import { lessonEditorHref } from "../studio-format";
import { ArrowDownIcon, ArrowUpIcon, TextIcon, TrashIcon, VideoIcon } from "./icons";
import { DragHandle, useOutlineSortable } from "./outline-sortable";
import { iconButtonClasses } from "./studio-ui";

export const lessonDragId = (id: string) => `lesson:${id}`;

/**
 * A lesson in the outline: a drag handle (pointer or keyboard: Space, arrows, Space), its title linking to the
 * lesson editor, and visible "Move up / Move down / Delete" buttons for whoever prefers buttons.
 */
export function OutlineLessonRow({
  courseId,
  moduleId,
  lesson,
  number,
  canMoveUp,
  canMoveDown,
  dragType,
  onMove,
  onDelete,
}: {
  courseId: string;
  moduleId: string;
  lesson: OutlineLesson;
  number: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** What is being dragged right now: only lessons make room for a lesson. */
  dragType: "lesson" | "module" | null;
  onMove: (direction: -1 | 1) => void;
  onDelete: () => void;
}) {
  const row = useOutlineSortable(
    lessonDragId(lesson.id),
    { type: "lesson", lessonId: lesson.id, moduleId },
    dragType !== "module",
  );
  const Kind = lesson.kind === "video" ? VideoIcon : TextIcon;

  return (
    <li
      ref={row.ref}
      style={row.style}
      className={`flex items-center gap-2 rounded-xl border bg-surface px-2 py-2 sm:gap-3 ${row.border}`}
    >
      <DragHandle label={`Drag lesson ${lesson.title}`} handle={row.handle} />
      <span aria-hidden="true" className="w-5 shrink-0 text-right text-sm tabular-nums text-muted">
        {number}
      </span>
      <div className="min-w-0 flex-1">
        <Link
          href={lessonEditorHref(courseId, lesson.id)}
          className="font-medium leading-snug underline-offset-4 hover:underline"
        >
          {lesson.title}
        </Link>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2.5 gap-y-0.5 text-xs text-muted">
          <span className="inline-flex items-center gap-1">
            <Kind className="size-3.5" />
            {lesson.kind === "video" ? "Video" : "Text"}
          </span>
          {lesson.duration_seconds > 0 && <span>{formatDuration(lesson.duration_seconds)}</span>}
          {lesson.is_preview && <span className="font-medium text-primary">Free preview</span>}
          {lesson.has_quiz && <span>Quiz</span>}
        </p>
      </div>
      <div className="flex shrink-0 items-center">
        <button
          type="button"
          id={`move-up-${lesson.id}`}
          onClick={() => onMove(-1)}
          disabled={!canMoveUp}
          title="Move up"
          className={iconButtonClasses}
        >
          <ArrowUpIcon />
          <span className="sr-only">Move lesson {lesson.title} up</span>
        </button>
        <button
          type="button"
          id={`move-down-${lesson.id}`}
          onClick={() => onMove(1)}
          disabled={!canMoveDown}
          title="Move down"
          className={iconButtonClasses}
        >
          <ArrowDownIcon />
          <span className="sr-only">Move lesson {lesson.title} down</span>
        </button>
        <button type="button" onClick={onDelete} title="Delete" className={`${iconButtonClasses} hover:text-danger`}>
          <TrashIcon />
          <span className="sr-only">Delete lesson {lesson.title}</span>
        </button>
      </div>
    </li>
  );
}
