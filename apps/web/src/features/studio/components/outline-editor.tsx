"use client";

import {
  type Announcements,
  type CollisionDetection,
  closestCenter,
  closestCorners,
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useRef, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import {
  describePlace,
  findLesson,
  lessonCount,
  type Outline,
  moveLesson as previewMove,
  stepLesson,
} from "../outline-model";
import { plural } from "../studio-format";
import type { OutlineController } from "../use-outline";
import { GripIcon } from "./icons";
import { InlineTitleForm } from "./inline-title-form";
import { moduleDragId, OutlineModuleCard } from "./outline-module";
import type { DragData } from "./outline-sortable";
import { panelClasses } from "./studio-ui";

type DropData = DragData | { type: "container"; moduleId: string };

const dataOf = (item: { data: { current?: unknown } } | null | undefined) => item?.data.current as DropData | undefined;

/**
 * Lessons go where the pointer is: onto a lesson, or into a module's list (the closest lesson in it, or its empty
 * drop zone). Keyboard moves and modules use the nearest corners.
 */
const collisions: CollisionDetection = (args) => {
  if (dataOf(args.active)?.type !== "lesson" || !args.pointerCoordinates) return closestCorners(args);
  const hits = pointerWithin(args);
  const byId = new Map(args.droppableContainers.map((c) => [c.id, c]));
  const lesson = hits.find((h) => dataOf(byId.get(h.id))?.type === "lesson");
  if (lesson) return [lesson];
  const container = hits.map((h) => byId.get(h.id)).find((c) => dataOf(c)?.type === "container");
  if (!container) return closestCorners(args);
  const moduleId = dataOf(container)?.moduleId;
  const inside = args.droppableContainers.filter((c) => {
    const d = dataOf(c);
    return d?.type === "lesson" && d.moduleId === moduleId;
  });
  return inside.length > 0 ? closestCenter({ ...args, droppableContainers: inside }) : [{ id: container.id }];
};

const INSTRUCTIONS =
  "To move a lesson or a module, press Space or Enter on its drag handle, use the arrow keys to move it, and " +
  "press Space or Enter again to drop it, or Escape to cancel. The Move up and Move down buttons do the same.";

type Confirm =
  | { kind: "module"; id: string; title: string; lessons: number }
  | { kind: "lesson"; id: string; title: string };

/** Modules and lessons, in order, rearranged by dragging (pointer or keyboard) or with the Move buttons. */
export function OutlineEditor({ courseId, controller }: { courseId: string; controller: OutlineController }) {
  const { outline } = controller;
  const current = useRef(outline);
  current.current = outline;
  const before = useRef<Outline | null>(null);
  const [dragging, setDragging] = useState<DragData | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [deleting, setDeleting] = useState(false);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const titleOf = (data: DropData | undefined): string => {
    if (!data) return "";
    if (data.type === "lesson") return `lesson ${findLesson(current.current, data.lessonId)?.lesson.title ?? ""}`;
    return `module ${current.current.find((m) => m.id === data.moduleId)?.title ?? ""}`;
  };
  /** Where the dragged item would land over `target`: the place it takes, for announcements. */
  const landingOf = (drag: DropData | undefined, target: DropData | undefined): string => {
    const outlineNow = current.current;
    if (drag?.type === "module") {
      const index = outlineNow.findIndex((m) => m.id === target?.moduleId);
      return index >= 0 ? `position ${index + 1} of ${outlineNow.length}` : "";
    }
    if (drag?.type !== "lesson" || !target) return "";
    const here = findLesson(outlineNow, drag.lessonId);
    if (target.type === "lesson") {
      const there = findLesson(outlineNow, target.lessonId);
      return there ? describePlace(outlineNow, there) : "";
    }
    const module = outlineNow.find((m) => m.id === target.moduleId);
    if (!module) return "";
    const index = here?.moduleId === module.id ? here.index : module.lessons.length;
    return describePlace(outlineNow, { moduleId: module.id, index });
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${titleOf(dataOf(active))}, at ${landingOf(dataOf(active), dataOf(active))}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${titleOf(dataOf(active))} would move to ${landingOf(dataOf(active), dataOf(over))}.`
        : `${titleOf(dataOf(active))} is outside the outline.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `Dropped ${titleOf(dataOf(active))} at ${landingOf(dataOf(active), dataOf(over))}.`
        : `Dropped ${titleOf(dataOf(active))} where it was.`,
    onDragCancel: ({ active }) => `Moving was cancelled: ${titleOf(dataOf(active))} is back where it was.`,
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    before.current = current.current;
    setDragging(dataOf(active) as DragData);
  };

  // A lesson crossing into another module moves there while dragging, so that module's list makes room for it.
  const onDragOver = ({ active, over }: DragOverEvent) => {
    const drag = dataOf(active);
    const target = dataOf(over);
    if (drag?.type !== "lesson" || !target || target.type === "module") return;
    const here = findLesson(current.current, drag.lessonId);
    if (!here || target.moduleId === here.moduleId) return;
    const module = current.current.find((m) => m.id === target.moduleId);
    if (!module) return;
    let index = module.lessons.length;
    if (target.type === "lesson" && over) {
      const overId = target.lessonId;
      const overIndex = module.lessons.findIndex((l) => l.id === overId);
      const dragged = active.rect.current.translated;
      const below = dragged ? dragged.top > over.rect.top + over.rect.height / 2 : false;
      index = overIndex + (below ? 1 : 0);
    }
    controller.preview(previewMove(current.current, drag.lessonId, { moduleId: target.moduleId, index }));
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const from = before.current;
    before.current = null;
    setDragging(null);
    const drag = dataOf(active);
    const target = dataOf(over);
    if (!from || !drag) return;
    if (!target) {
      controller.preview(from);
      return;
    }
    if (drag.type === "module") {
      const index = from.findIndex((m) => m.id === target.moduleId);
      if (target.type === "module" && index >= 0) controller.moveModule(drag.moduleId, index);
      return;
    }
    if (drag.type !== "lesson") return;
    const here = findLesson(current.current, drag.lessonId);
    if (!here) return controller.preview(from);
    let place = { moduleId: here.moduleId, index: here.index };
    if (target.type === "lesson" && target.moduleId === here.moduleId) {
      const overId = target.lessonId;
      const module = current.current.find((m) => m.id === here.moduleId);
      place = { moduleId: here.moduleId, index: module?.lessons.findIndex((l) => l.id === overId) ?? here.index };
    }
    controller.moveLesson(drag.lessonId, place, from);
  };

  const onDragCancel = () => {
    if (before.current) controller.preview(before.current);
    before.current = null;
    setDragging(null);
  };

  // After a button move the row may land in another module's list: keep the keyboard focus on it.
  const refocus = (lessonId: string, direction: -1 | 1) => {
    requestAnimationFrame(() => {
      const same = document.getElementById(`move-${direction === -1 ? "up" : "down"}-${lessonId}`);
      const other = document.getElementById(`move-${direction === -1 ? "down" : "up"}-${lessonId}`);
      const target = same && !(same as HTMLButtonElement).disabled ? same : other;
      target?.focus();
    });
  };

  let lessonNumber = 1;
  const dragged =
    dragging?.type === "lesson"
      ? findLesson(outline, dragging.lessonId)?.lesson.title
      : outline.find((m) => m.id === dragging?.moduleId)?.title;

  return (
    <section aria-labelledby="outline-title" className={panelClasses}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="outline-title" className="text-lg font-semibold tracking-tight">
          Outline
        </h2>
        <p className="text-sm text-muted" role="status">
          {controller.saving
            ? "Saving the outline…"
            : `${plural(outline.length, "module")}, ${plural(lessonCount(outline), "lesson")}`}
        </p>
      </div>
      <p className="mt-1 text-sm text-muted">
        Drag <GripIcon className="inline size-4 align-text-bottom" /> to reorder, or use the arrows. Lessons can move
        between modules.
      </p>
      <p className="sr-only" aria-live="polite">
        {controller.announcement}
      </p>
      {controller.error && (
        <div
          role="alert"
          className="mt-4 flex flex-wrap items-start justify-between gap-3 rounded-xl border border-danger/30 bg-danger-soft px-4 py-3 text-sm"
        >
          <p className="min-w-0 flex-1">{controller.error}</p>
          <button type="button" onClick={controller.clearError} className={buttonClasses("ghost", "sm")}>
            Dismiss
          </button>
        </div>
      )}

      <DndContext
        sensors={sensors}
        collisionDetection={collisions}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
        accessibility={{ announcements, screenReaderInstructions: { draggable: INSTRUCTIONS } }}
      >
        <SortableContext items={outline.map((m) => moduleDragId(m.id))} strategy={verticalListSortingStrategy}>
          <ol aria-label="Modules" className="mt-5 space-y-4">
            {outline.map((module, index) => {
              const first = lessonNumber;
              lessonNumber += module.lessons.length;
              return (
                <OutlineModuleCard
                  key={module.id}
                  courseId={courseId}
                  module={module}
                  number={index + 1}
                  count={outline.length}
                  firstLessonNumber={first}
                  dragType={dragging?.type ?? null}
                  actions={{
                    move: (direction) => controller.moveModule(module.id, index + direction),
                    rename: (title) => controller.renameModule(module.id, title),
                    remove: () =>
                      setConfirm({
                        kind: "module",
                        id: module.id,
                        title: module.title,
                        lessons: module.lessons.length,
                      }),
                    addLesson: (input) => controller.addLesson(module.id, input),
                    canMoveLesson: (lessonId, direction) => stepLesson(outline, lessonId, direction) !== null,
                    moveLesson: (lessonId, direction) => {
                      const place = stepLesson(outline, lessonId, direction);
                      if (!place) return;
                      controller.moveLesson(lessonId, place);
                      refocus(lessonId, direction);
                    },
                    removeLesson: (lessonId) =>
                      setConfirm({
                        kind: "lesson",
                        id: lessonId,
                        title: findLesson(outline, lessonId)?.lesson.title ?? "",
                      }),
                  }}
                />
              );
            })}
          </ol>
        </SortableContext>
        <DragOverlay dropAnimation={null}>
          {dragging && (
            <div className="flex items-center gap-2 rounded-xl border border-primary bg-surface px-3 py-2.5 font-medium shadow-card-hover">
              <GripIcon className="size-4 text-muted" />
              {dragged}
            </div>
          )}
        </DragOverlay>
      </DndContext>

      {outline.length === 0 && (
        <p className="mt-5 rounded-xl border border-dashed border-border-strong/50 px-4 py-6 text-center text-sm text-muted">
          A course is made of modules, and modules of lessons. Start with a first module.
        </p>
      )}
      <div className="mt-5 border-t border-border pt-5">
        <h3 className="text-sm font-medium">Add a module</h3>
        <div className="mt-2">
          <InlineTitleForm label="New module title" submitLabel="Add module" onSubmit={controller.addModule} />
        </div>
      </div>

      {confirm !== null && (
        <ConfirmDialog
          title={confirm.kind === "module" ? `Delete module “${confirm.title}”?` : `Delete lesson “${confirm.title}”?`}
          confirmLabel={confirm.kind === "module" ? "Delete module" : "Delete lesson"}
          tone="danger"
          busy={deleting}
          onCancel={() => setConfirm(null)}
          onConfirm={async () => {
            setDeleting(true);
            if (confirm.kind === "module") await controller.removeModule(confirm.id);
            else await controller.removeLesson(confirm.id);
            setDeleting(false);
            setConfirm(null);
          }}
        >
          {confirm.kind === "module"
            ? confirm.lessons > 0
              ? `Its ${plural(confirm.lessons, "lesson")}, with their videos, transcripts and quizzes, will be deleted too. This can't be undone.`
              : "This can't be undone."
            : "Its video, transcript, quiz and learners' progress on it will be deleted. This can't be undone."}
        </ConfirmDialog>
      )}
    </section>
  );
}
