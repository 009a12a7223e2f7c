"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useMotionAllowed } from "@/components/motion/use-motion";
import { GripIcon } from "./icons";
import { iconButtonClasses } from "./studio-ui";

/** What a dragged row of the outline carries, for the editor's collision and drop logic. */
export type DragData = { type: "lesson"; lessonId: string; moduleId: string } | { type: "module"; moduleId: string };

/**
 * A row of the outline (a module or a lesson) that can be dragged: its element's ref and style, the border that
 * shows it lifted, and the props of its drag handle. Without `droppable` it makes no room for what is dragged.
 */
export function useOutlineSortable(id: string, data: DragData, droppable: boolean) {
  const motion = useMotionAllowed();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    data,
    disabled: { droppable: !droppable },
    // Inline transitions would outrun the stylesheet's reduced-motion rule: leave them out when asked to.
    ...(motion ? {} : { transition: null }),
  });
  return {
    ref: setNodeRef,
    style: { transform: CSS.Translate.toString(transform), transition },
    border: isDragging ? "border-dashed border-primary/60 opacity-50" : "border-border",
    handle: { ref: setActivatorNodeRef, ...attributes, ...listeners },
  };
}

/** The grip a row is moved by, with a pointer or from the keyboard (Space, arrows, Space). */
export function DragHandle({
  label,
  handle,
}: {
  label: string;
  handle: ReturnType<typeof useOutlineSortable>["handle"];
}) {
  return (
    <button
      type="button"
      {...handle}
      aria-label={label}
      className={`${iconButtonClasses} cursor-grab touch-none active:cursor-grabbing`}
    >
      <GripIcon />
    </button>
  );
}
