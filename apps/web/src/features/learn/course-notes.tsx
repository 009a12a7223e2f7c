"use client";

import type { CourseDetail, Note } from "@lumen/contracts";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { errorText } from "@/lib/error-text";
import { loadCourse } from "./learn.api";
import { NotesPanel } from "./notes-panel";

/** Where a note's jump button goes from outside the learning room: its lesson, at its second or paragraph. */
export function noteHref(note: Note): string {
  const to = note.position_seconds !== null ? `?t=${Math.floor(note.position_seconds)}` : `?p=${note.paragraph}`;
  return `/learn/${note.course_id}/${note.lesson_id}${to}`;
}

/** A course's notes on a page of their own: search, edit, delete, download, and open each where it was taken. */
export function CourseNotes({ courseId }: { courseId: string }) {
  const router = useRouter();
  const [course, setCourse] = useState<CourseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    loadCourse(courseId).then(
      (c) => !cancelled && setCourse(c),
      (failure: unknown) => !cancelled && setError(errorText(failure, "This course couldn't be loaded.")),
    );
    return () => {
      cancelled = true;
    };
  }, [courseId]);

  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-8 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href={`/courses/${courseId}`} className="hover:text-foreground">
          {course?.title ?? "Course"}
        </Link>
      </nav>
      {error ? (
        <p role="alert" className="rounded-xl bg-danger-soft px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : (
        <div className="rounded-card border border-border bg-surface p-5 shadow-card sm:p-8">
          <NotesPanel courseId={courseId} headingLevel={1} onJump={(note) => router.push(noteHref(note))} />
        </div>
      )}
    </div>
  );
}
