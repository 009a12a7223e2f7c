import type { CourseDetail } from "@lumen/contracts";

export type OutlineModule = CourseDetail["modules"][number];
export type OutlineLesson = OutlineModule["lessons"][number];
export type Outline = OutlineModule[];

/** Where a lesson sits: its module and its index in that module. */
export interface LessonPlace {
  moduleId: string;
  index: number;
}

export function findLesson(outline: Outline, lessonId: string): (LessonPlace & { lesson: OutlineLesson }) | null {
  for (const module of outline) {
    const index = module.lessons.findIndex((l) => l.id === lessonId);
    const lesson = module.lessons[index];
    if (lesson) return { moduleId: module.id, index, lesson };
  }
  return null;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The outline with a module moved to `toIndex` (clamped). */
export function moveModule(outline: Outline, moduleId: string, toIndex: number): Outline {
  const from = outline.findIndex((m) => m.id === moduleId);
  const module = outline[from];
  if (!module) return outline;
  const rest = outline.filter((m) => m.id !== moduleId);
  const at = clamp(toIndex, 0, rest.length);
  return [...rest.slice(0, at), module, ...rest.slice(at)].map((m, position) => ({ ...m, position }));
}

/** The outline with a lesson moved to `to` (another module too); the index is clamped to the module's length. */
export function moveLesson(outline: Outline, lessonId: string, to: LessonPlace): Outline {
  const found = findLesson(outline, lessonId);
  if (!found || !outline.some((m) => m.id === to.moduleId)) return outline;
  const without = outline.map((m) =>
    m.id === found.moduleId ? { ...m, lessons: m.lessons.filter((l) => l.id !== lessonId) } : m,
  );
  return without.map((m) => {
    if (m.id !== to.moduleId) return m;
    const at = clamp(to.index, 0, m.lessons.length);
    const lessons = [...m.lessons.slice(0, at), found.lesson, ...m.lessons.slice(at)];
    return { ...m, lessons: lessons.map((l, position) => ({ ...l, position })) };
  });
}

/**
 * One step up or down for the "Move" buttons: within the module, or across the boundary into the neighbouring
 * module (the end of the one above, the start of the one below). Null at the very top or bottom.
 */
export function stepLesson(outline: Outline, lessonId: string, direction: -1 | 1): LessonPlace | null {
  const found = findLesson(outline, lessonId);
  if (!found) return null;
  const moduleIndex = outline.findIndex((m) => m.id === found.moduleId);
  const module = outline[moduleIndex];
  if (!module) return null;
  const index = found.index + direction;
  if (index >= 0 && index < module.lessons.length) return { moduleId: module.id, index };
  const neighbour = outline[moduleIndex + direction];
  if (!neighbour) return null;
  return { moduleId: neighbour.id, index: direction === -1 ? neighbour.lessons.length : 0 };
}

export function lessonCount(outline: Outline): number {
  return outline.reduce((n, m) => n + m.lessons.length, 0);
}

/** "position 2 of 3 in Basics", for announcements. */
export function describePlace(outline: Outline, place: LessonPlace): string {
  const module = outline.find((m) => m.id === place.moduleId);
  if (!module) return "";
  return `position ${place.index + 1} of ${module.lessons.length} in module ${module.title}`;
}
