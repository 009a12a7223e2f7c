"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { Lesson } from "@lumen/contracts";
import { useId, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import type { OutlineModule } from "../outline-model";
import { plural } from "../studio-format";
import { ArrowDownIcon, ArrowUpIcon, PencilIcon, PlusIcon, TrashIcon } from "./icons";
import { InlineTitleForm } from "./inline-title-form";
import { lessonDragId, OutlineLessonRow } from "./outline-lesson";
import { DragHandle, useOutlineSortable } from "./outline-sortable";
import { iconButtonClasses, selectClasses } from "./studio-ui";

export const moduleDragId = (id: string) => `module:${id}`;
const containerDropId = (id: string) => `lessons:${id}`;

export interface ModuleActions {
  move: (direction: -1 | 1) => void;
  rename: (title: string) => Promise<boolean>;
  remove: () => void;
  addLesson: (input: { title: string; kind: Lesson["kind"] }) => Promise<boolean>;
  moveLesson: (lessonId: string, direction: -1 | 1) => void;
  canMoveLesson: (lessonId: string, direction: -1 | 1) => boolean;
  removeLesson: (lessonId: string) => void;
}

function AddLesson({ moduleTitle, onAdd }: { moduleTitle: string; onAdd: ModuleActions["addLesson"] }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Lesson["kind"]>("video");
  const kindId = useId();
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className={`${buttonClasses("ghost", "sm")} -ml-2`}>
        <PlusIcon />
        Add a lesson<span className="sr-only"> to {moduleTitle}</span>
      </button>
    );
  }
  return (
    <InlineTitleForm
      label={`New lesson title in ${moduleTitle}`}
      submitLabel="Add lesson"
      autoFocus
      onCancel={() => setOpen(false)}
      onSubmit={async (title) => {
        const added = await onAdd({ title, kind });
        if (added) setOpen(false);
        return added;
      }}
    >
      <div>
        <label htmlFor={kindId} className="sr-only">
          Lesson type
        </label>
        <select
          id={kindId}
          value={kind}
          onChange={(event) => setKind(event.target.value as Lesson["kind"])}
          className={`${selectClasses} h-10 sm:w-32`}
        >
          <option value="video">Video</option>
          <option value="text">Text</option>
        </select>
      </div>
    </InlineTitleForm>
  );
}

/** A module of the outline: sortable itself, and a drop zone for lessons (so an empty one can take a lesson). */
export function OutlineModuleCard({
  courseId,
  module,
  number,
  count,
  firstLessonNumber,
  dragType,
  actions,
}: {
  courseId: string;
  module: OutlineModule;
  number: number;
  count: number;
  firstLessonNumber: number;
  dragType: "lesson" | "module" | null;
  actions: ModuleActions;
}) {
  const [renaming, setRenaming] = useState(false);
  const row = useOutlineSortable(
    moduleDragId(module.id),
    { type: "module", moduleId: module.id },
    dragType !== "lesson",
  );
  const { setNodeRef: setDropRef, isOver } = useDroppable({
    id: containerDropId(module.id),
    data: { type: "container", moduleId: module.id },
    disabled: dragType === "module",
  });

  return (
    <li ref={row.ref} style={row.style} className={`rounded-2xl border bg-surface-muted/50 p-3 sm:p-4 ${row.border}`}>
      <div className="flex items-start gap-2">
        <DragHandle label={`Drag module ${module.title}`} handle={row.handle} />
        <div className="min-w-0 flex-1 pt-1.5">
          {renaming ? (
            <InlineTitleForm
              label={`New title for module ${module.title}`}
              initial={module.title}
              submitLabel="Save"
              autoFocus
              onCancel={() => setRenaming(false)}
              onSubmit={async (title) => {
                const saved = await actions.rename(title);
                if (saved) setRenaming(false);
                return saved;
              }}
            />
          ) : (
            <h3 className="font-semibold leading-snug text-balance">
              <span className="text-muted">Module {number}:</span> {module.title}
            </h3>
          )}
          <p className="mt-0.5 text-xs text-muted">{plural(module.lessons.length, "lesson")}</p>
        </div>
        {!renaming && (
          <div className="flex shrink-0 flex-wrap justify-end">
            <button type="button" onClick={() => setRenaming(true)} title="Rename" className={iconButtonClasses}>
              <PencilIcon />
              <span className="sr-only">Rename module {module.title}</span>
            </button>
            <button
              type="button"
              onClick={() => actions.move(-1)}
              disabled={number === 1}
              title="Move up"
              className={iconButtonClasses}
            >
              <ArrowUpIcon />
              <span className="sr-only">Move module {module.title} up</span>
            </button>
            <button
              type="button"
              onClick={() => actions.move(1)}
              disabled={number === count}
              title="Move down"
              className={iconButtonClasses}
            >
              <ArrowDownIcon />
              <span className="sr-only">Move module {module.title} down</span>
            </button>
            <button
              type="button"
              onClick={actions.remove}
              title="Delete"
              className={`${iconButtonClasses} hover:text-danger`}
            >
              <TrashIcon />
              <span className="sr-only">Delete module {module.title}</span>
            </button>
          </div>
        )}
      </div>

      <SortableContext items={module.lessons.map((l) => lessonDragId(l.id))} strategy={verticalListSortingStrategy}>
        <ol
          ref={setDropRef}
          aria-label={`Lessons of module ${module.title}`}
          className={`mt-3 min-h-14 space-y-2 rounded-xl transition-colors ${
            isOver && dragType === "lesson" ? "bg-primary-soft/60" : ""
          }`}
        >
          {module.lessons.map((lesson, index) => (
            <OutlineLessonRow
              key={lesson.id}
              courseId={courseId}
              moduleId={module.id}
              lesson={lesson}
              number={firstLessonNumber + index}
              canMoveUp={actions.canMoveLesson(lesson.id, -1)}
              canMoveDown={actions.canMoveLesson(lesson.id, 1)}
              dragType={dragType}
              onMove={(direction) => actions.moveLesson(lesson.id, direction)}
              onDelete={() => actions.removeLesson(lesson.id)}
            />
          ))}
          {module.lessons.length === 0 && (
            <li className="flex min-h-14 items-center justify-center rounded-xl border border-dashed border-border-strong/50 px-3 text-center text-sm text-muted">
              No lessons yet. Add one below, or drag one here.
            </li>
          )}
        </ol>
      </SortableContext>
      <div className="mt-3">
        <AddLesson moduleTitle={module.title} onAdd={actions.addLesson} />
      </div>
    </li>
  );
}
