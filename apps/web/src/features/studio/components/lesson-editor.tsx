"use client";

import type { CourseDetail, Lesson, OwnerQuiz } from "@lumen/contracts";
import Link from "next/link";
import { useState } from "react";
import { lessonHref } from "@/features/courses/enrollment/lesson-href";
import { ApiError } from "@/lib/api-client";
import { useResource } from "@/lib/use-resource";
import { loadEditableCourse, loadLesson, loadQuiz } from "../studio.api";
import { courseEditorHref, lessonEditorHref, studioHref } from "../studio-format";
import { LessonForm } from "./lesson-form";
import { QuizEditor } from "./quiz-editor";
import { StudioBreadcrumb } from "./studio-breadcrumb";
import { EditorSkeleton, StudioLoadError } from "./studio-states";

interface Loaded {
  course: CourseDetail;
  lesson: Lesson;
  quiz: OwnerQuiz | null;
}

const LINK = "font-medium text-primary underline-offset-4 hover:underline";

async function loadAll(courseId: string, lessonId: string, signal: AbortSignal): Promise<Loaded> {
  const [course, lesson, quiz] = await Promise.all([
    loadEditableCourse(courseId, signal),
    loadLesson(lessonId, signal),
    loadQuiz(lessonId, signal),
  ]);
  if (lesson.course_id !== course.id) throw new ApiError("NOT_FOUND", "This lesson is not in this course.", 404);
  return { course, lesson, quiz };
}

function Workspace({ data }: { data: Loaded }) {
  const { course } = data;
  const [lesson, setLesson] = useState(data.lesson);
  const lessons = course.modules.flatMap((m) => m.lessons.map((l) => ({ ...l, module: m.title })));
  const index = lessons.findIndex((l) => l.id === lesson.id);
  const previous = lessons[index - 1];
  const next = lessons[index + 1];
  const module = lessons[index]?.module;

  return (
    <div className="mx-auto max-w-page px-4 py-8 sm:px-6 sm:py-10 lg:px-8">
      <StudioBreadcrumb
        trail={[
          { href: studioHref(), label: "My courses" },
          { href: courseEditorHref(course.id), label: course.title },
        ]}
        current="Edit lesson"
      />
      <header className="mt-2">
        {module && (
          <p className="text-sm text-muted">
            Lesson {index + 1} of {lessons.length} · {module}
          </p>
        )}
        <h1 className="mt-1 font-display text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
          {lesson.title}
        </h1>
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href={courseEditorHref(course.id)} className={LINK}>
            Back to the outline
          </Link>
          <Link href={lessonHref(course.id, lesson.id)} className={LINK}>
            Preview as a learner
          </Link>
        </p>
      </header>

      <div className="mt-8 space-y-6">
        <LessonForm courseId={course.id} lesson={lesson} onSaved={setLesson} />
        <QuizEditor
          lessonId={lesson.id}
          initial={data.quiz}
          onSaved={(quiz) => setLesson((l) => ({ ...l, has_quiz: quiz !== null }))}
        />
      </div>

      {(previous || next) && (
        <nav
          aria-label="Other lessons"
          className="mt-8 flex flex-wrap justify-between gap-4 border-t border-border pt-5 text-sm"
        >
          {previous ? (
            <Link href={lessonEditorHref(course.id, previous.id)} className={LINK}>
              ← {previous.title}
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link href={lessonEditorHref(course.id, next.id)} className={LINK}>
              {next.title} →
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

/** The lesson editor: the lesson's content and its quiz. */
export function LessonEditor({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  const load = useResource(`${courseId}/${lessonId}`, (signal) => loadAll(courseId, lessonId, signal));
  if (load.status === "loading") return <EditorSkeleton label="Loading the lesson…" />;
  if (load.status === "error") return <StudioLoadError what="lesson" error={load.error} onRetry={load.retry} />;
  return <Workspace key={load.data.lesson.id} data={load.data} />;
}
