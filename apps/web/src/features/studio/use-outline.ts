"use client";

import type { Lesson } from "@lumen/contracts";
import { useCallback, useRef, useState } from "react";
import { errorText } from "@/lib/error-text";
import {
  describePlace,
  findLesson,
  type LessonPlace,
  moveLesson as moveLessonIn,
  moveModule as moveModuleIn,
  type Outline,
} from "./outline-model";
import * as studio from "./studio.api";

type Transform = (outline: Outline) => Outline;

interface Step {
  /** Shown at once and kept when the server agrees; undone when it doesn't. */
  optimistic?: Transform;
  /** The calls; `commit` records a part the server already accepted. May return a change to show once done. */
  persist: (commit: (change: Transform) => void) => Promise<Transform | undefined>;
  /** What failed, in words (the API's reason follows). */
  failure: string;
  /** Announced to screen readers when the step is saved. */
  success?: string;
}

/**
 * The course outline as the creator edits it. Moves show at once and are saved in order, one at a time; when a
 * save fails, the outline goes back to what the server last accepted, the moves queued behind it (made on top of
 * the failed one) are dropped, and the reason is shown. Adding, renaming and deleting wait for the server.
 */
export function useOutline(courseId: string, initial: Outline) {
  const [outline, setOutline] = useState(initial);
  const shown = useRef(initial);
  const confirmed = useRef(initial);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const epoch = useRef(0);
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const show = useCallback((next: Outline) => {
    shown.current = next;
    setOutline(next);
  }, []);

  const run = useCallback(
    (step: Step): Promise<boolean> => {
      const myEpoch = epoch.current;
      if (step.optimistic) show(step.optimistic(shown.current));
      setPending((n) => n + 1);
      setError(null);
      const done = queue.current.then(async () => {
        // An earlier step failed and was undone: this one was made on top of it.
        if (epoch.current !== myEpoch) return false;
        try {
          const change = await step.persist((part) => {
            confirmed.current = part(confirmed.current);
          });
          if (step.optimistic) confirmed.current = step.optimistic(confirmed.current);
          if (change) {
            confirmed.current = change(confirmed.current);
            show(change(shown.current));
          }
          if (step.success) setAnnouncement(step.success);
          return true;
        } catch (err) {
          epoch.current += 1;
          show(confirmed.current);
          setError(`${step.failure} ${errorText(err)}`);
          return false;
        } finally {
          setPending((n) => n - 1);
        }
      });
      queue.current = done;
      return done;
    },
    [show],
  );

  const moveModule = useCallback(
    (moduleId: string, toIndex: number) => {
      const next = moveModuleIn(shown.current, moduleId, toIndex);
      const ids = next.map((m) => m.id);
      if (ids.join() === shown.current.map((m) => m.id).join()) return;
      const title = next.find((m) => m.id === moduleId)?.title ?? "";
      setAnnouncement(`Module ${title} moved to position ${ids.indexOf(moduleId) + 1} of ${ids.length}.`);
      void run({
        optimistic: (o) => moveModuleIn(o, moduleId, toIndex),
        persist: async () => {
          await studio.reorderModules(courseId, ids);
          return undefined;
        },
        failure: "The new module order wasn't saved, so the outline is back as it was.",
      });
    },
    [courseId, run],
  );

  const moveLesson = useCallback(
    (lessonId: string, to: LessonPlace, from: Outline = shown.current) => {
      const origin = findLesson(from, lessonId);
      if (!origin) return;
      const next = moveLessonIn(from, lessonId, to);
      const landed = findLesson(next, lessonId);
      if (!landed || (landed.moduleId === origin.moduleId && landed.index === origin.index)) {
        show(from);
        return;
      }
      const ids = next.find((m) => m.id === landed.moduleId)?.lessons.map((l) => l.id) ?? [];
      const last = landed.index === ids.length - 1;
      setAnnouncement(`Lesson ${origin.lesson.title} moved to ${describePlace(next, landed)}.`);
      show(from);
      void run({
        optimistic: (o) => moveLessonIn(o, lessonId, landed),
        persist: async (commit) => {
          if (landed.moduleId !== origin.moduleId) {
            // The API appends a lesson to the module it moves to; a reorder puts it in its place.
            await studio.moveLesson(lessonId, landed.moduleId);
            commit((o) => moveLessonIn(o, lessonId, { moduleId: landed.moduleId, index: Number.MAX_SAFE_INTEGER }));
            if (last) return undefined;
          }
          await studio.reorderLessons(landed.moduleId, ids);
          return undefined;
        },
        failure: "The lesson's new place wasn't saved, so the outline is back as it was.",
      });
    },
    [run, show],
  );

  const addModule = useCallback(
    (title: string) =>
      run({
        persist: async () => {
          const created = await studio.createModule(courseId, title);
          return (o) => [...o, { id: created.id, title: created.title, position: created.position, lessons: [] }];
        },
        failure: "The module wasn't added.",
        success: `Module ${title} added.`,
      }),
    [courseId, run],
  );

  const renameModule = useCallback(
    (moduleId: string, title: string) =>
      run({
        persist: async () => {
          const saved = await studio.renameModule(moduleId, title);
          return (o) => o.map((m) => (m.id === moduleId ? { ...m, title: saved.title } : m));
        },
        failure: "The module wasn't renamed.",
        success: `Module renamed to ${title}.`,
      }),
    [run],
  );

  const removeModule = useCallback(
    (moduleId: string) =>
      run({
        persist: async () => {
          await studio.deleteModule(moduleId);
          return (o) => o.filter((m) => m.id !== moduleId);
        },
        failure: "The module wasn't deleted.",
        success: "Module deleted.",
      }),
    [run],
  );

  const addLesson = useCallback(
    (moduleId: string, input: { title: string; kind: Lesson["kind"] }) =>
      run({
        persist: async () => {
          const l = await studio.createLesson(moduleId, input);
          const lesson = {
            id: l.id,
            title: l.title,
            kind: l.kind,
            duration_seconds: l.duration_seconds,
            is_preview: l.is_preview,
            position: l.position,
            has_quiz: l.has_quiz,
          };
          return (o) => o.map((m) => (m.id === moduleId ? { ...m, lessons: [...m.lessons, lesson] } : m));
        },
        failure: "The lesson wasn't added.",
        success: `Lesson ${input.title} added.`,
      }),
    [run],
  );

  const removeLesson = useCallback(
    (lessonId: string) =>
      run({
        persist: async () => {
          await studio.deleteLesson(lessonId);
          return (o) => o.map((m) => ({ ...m, lessons: m.lessons.filter((l) => l.id !== lessonId) }));
        },
        failure: "The lesson wasn't deleted.",
        success: "Lesson deleted.",
      }),
    [run],
  );

  return {
    outline,
    /** Shows a state during a drag, not saved: `moveLesson(…, from)` or `preview(from)` ends it. */
    preview: show,
    saving: pending > 0,
    error,
    clearError: useCallback(() => setError(null), []),
    announcement,
    moveModule,
    moveLesson,
    addModule,
    renameModule,
    removeModule,
    addLesson,
    removeLesson,
  };
}

export type OutlineController = ReturnType<typeof useOutline>;
