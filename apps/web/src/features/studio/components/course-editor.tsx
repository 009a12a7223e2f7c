"use client";

import type { CourseDetail } from "@lumen/contracts";
import Link from "next/link";
import { useState } from "react";
import { lessonHref } from "@/features/courses/enrollment/lesson-href";
import { useResource } from "@/lib/use-resource";
import { lessonCount } from "../outline-model";
import { loadEditableCourse } from "../studio.api";
import { courseAnalyticsHref, publicCourseHref, studioHref } from "../studio-format";
import { useOutline } from "../use-outline";
import { CourseDetailsForm } from "./course-details-form";
import { OutlineEditor } from "./outline-editor";
import { PublishPanel } from "./publish-panel";
import { StatusBadge } from "./status-badge";
import { StudioBreadcrumb } from "./studio-breadcrumb";
import { EditorSkeleton, StudioLoadError } from "./studio-states";

const LINK = "font-medium text-primary underline-offset-4 hover:underline";

function Workspace({ initial }: { initial: CourseDetail }) {
  const [course, setCourse] = useState(initial);
  const outline = useOutline(initial.id, initial.modules);
  const lessons = lessonCount(outline.outline);
  const firstLesson = outline.outline.flatMap((m) => m.lessons)[0]?.id;

  return (
    <div className="mx-auto max-w-page px-4 py-8 sm:px-6 sm:py-10 lg:px-8">
      <StudioBreadcrumb trail={[{ href: studioHref(), label: "My courses" }]} current="Edit course" />
      <header className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="min-w-0 font-display text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
          {course.title}
        </h1>
        <StatusBadge status={course.status} />
      </header>
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {course.status === "published" ? (
          <Link href={publicCourseHref(course.id)} className={LINK}>
            View in catalog
          </Link>
        ) : (
          // The catalog's course page is public, so it can't show a draft: the learning room can, to its owner.
          firstLesson && (
            <Link href={lessonHref(course.id, firstLesson)} className={LINK}>
              Preview as a learner
            </Link>
          )
        )}
        <Link href={courseAnalyticsHref(course.id)} className={LINK}>
          Analytics
        </Link>
      </p>

      <div className="mt-8 grid grid-cols-1 gap-6 lg:grid-cols-3 lg:items-start">
        <div className="min-w-0 lg:sticky lg:top-20 lg:col-start-3 lg:row-start-1">
          <PublishPanel
            course={course}
            lessonCount={lessons}
            onChange={(updated) => setCourse((c) => ({ ...updated, modules: c.modules }))}
          />
        </div>
        <div className="min-w-0 space-y-6 lg:col-span-2 lg:row-start-1">
          <OutlineEditor courseId={course.id} controller={outline} />
          <CourseDetailsForm
            course={course}
            onSaved={(updated) => setCourse((c) => ({ ...updated, modules: c.modules }))}
          />
        </div>
      </div>
    </div>
  );
}

/** The course editor: outline, details and publishing for one of the creator's courses. */
export function CourseEditor({ courseId }: { courseId: string }) {
  const course = useResource(courseId, (signal) => loadEditableCourse(courseId, signal));
  if (course.status === "loading") return <EditorSkeleton label="Loading the course…" />;
  if (course.status === "error") return <StudioLoadError what="course" error={course.error} onRetry={course.retry} />;
  return <Workspace key={course.data.id} initial={course.data} />;
}
