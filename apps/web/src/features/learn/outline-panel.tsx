"use client";

import type { CourseDetail, Progress } from "@lumen/contracts";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { LessonOutline } from "./lesson-outline";

type Edges = { above: boolean; below: boolean };

/**
 * The outline card beside the lesson. Where the caller caps its height (the sticky column it shares with the
 * tutor on a wide screen), the list scrolls on its own: the current lesson is scrolled into view, and soft
 * edges say there is more above or below. `tracked` shows how many lessons are done.
 */
export function OutlinePanel({
  course,
  currentLessonId,
  progress,
  tracked,
  className,
}: {
  course: CourseDetail;
  currentLessonId: string;
  progress: Map<string, Progress>;
  tracked: boolean;
  className?: string;
}) {
  const titleId = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<Edges>({ above: false, below: false });
  const lessons = course.modules.flatMap((m) => m.lessons);
  const done = lessons.filter((l) => progress.get(l.id)?.video_progress.is_completed).length;

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    // A pixel of slack: fractional scroll positions never quite reach the end.
    const next = { above: el.scrollTop > 1, below: el.scrollTop + el.clientHeight < el.scrollHeight - 1 };
    setEdges((current) => (current.above === next.above && current.below === next.below ? current : next));
  }, []);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    measure();
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(measure);
    observer?.observe(el);
    return () => observer?.disconnect();
  }, [measure]);

  // Bring the lesson being studied into view inside the list (only the list scrolls, never the page).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again when another lesson becomes current
  useEffect(() => {
    const el = scroller.current;
    const current = el?.querySelector<HTMLElement>(`[aria-current="page"]`);
    if (!el || !current || el.scrollHeight <= el.clientHeight) return;
    const top = current.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop;
    el.scrollTop = Math.max(0, top - el.clientHeight / 3);
    measure();
  }, [currentLessonId, measure]);

  return (
    <section
      aria-labelledby={titleId}
      className={`flex min-h-0 flex-col rounded-card border border-border bg-surface p-4 shadow-card sm:p-5 ${className ?? ""}`}
    >
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <h2 id={titleId} className="font-display text-lg font-semibold">
          Course outline
        </h2>
        <p className="text-xs text-muted">
          {tracked ? `${done} of ${lessons.length} done` : `${lessons.length} lessons`}
        </p>
      </div>
      <div className="relative flex min-h-0 flex-1 flex-col">
        <div ref={scroller} onScroll={measure} className="min-h-0 flex-1 overflow-y-auto overscroll-contain">
          <LessonOutline course={course} currentLessonId={currentLessonId} progress={progress} />
        </div>
        <div
          aria-hidden="true"
          className={`pointer-events-none absolute inset-x-0 top-0 h-8 bg-linear-to-b from-surface to-transparent transition-opacity ${
            edges.above ? "opacity-100" : "opacity-0"
          }`}
        />
        <div
          aria-hidden="true"
          className={`pointer-events-none absolute inset-x-0 bottom-0 flex h-12 items-end justify-center bg-linear-to-t from-surface via-surface/80 to-transparent transition-opacity ${
            edges.below ? "opacity-100" : "opacity-0"
          }`}
        >
          <span className="mb-0.5 inline-flex items-center gap-1 rounded-full border border-border bg-surface px-2.5 py-0.5 text-xs text-muted shadow-xs">
            More lessons below
            <svg aria-hidden="true" viewBox="0 0 12 12" className="size-3" fill="none" stroke="currentColor">
              <path d="M3 4.5 6 7.5 9 4.5" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </span>
        </div>
      </div>
    </section>
  );
}
