"use client";

import type { StudioCourse } from "@lumen/contracts";
import Link from "next/link";
import { useState } from "react";
import { ButtonLink, buttonClasses } from "@/components/button-link";
import { CourseThumb } from "@/components/course-thumb";
import { Bone, SectionEmpty, SectionError, SectionLoading } from "@/components/ui/section";
import { formatCategory, formatLevel, formatPrice } from "@/features/courses/course-format";
import { errorText } from "@/lib/error-text";
import { useKeysetList } from "@/lib/use-keyset-list";
import { listMyCourses } from "../studio.api";
import { courseAnalyticsHref, courseEditorHref, formatEdited, plural, publicCourseHref } from "../studio-format";
import { PlusIcon } from "./icons";
import { StatusBadge } from "./status-badge";

type Filter = "all" | StudioCourse["status"];
const FILTERS: { value: Filter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "draft", label: "Drafts" },
  { value: "published", label: "Published" },
  { value: "archived", label: "Archived" },
];

const LINK = "font-medium text-primary underline-offset-4 hover:underline";

function CourseRow({ course, now }: { course: StudioCourse; now?: Date | undefined }) {
  return (
    <li className="flex gap-4 py-5 first:pt-0 last:pb-0">
      <CourseThumb
        url={course.thumbnail_url}
        title={course.title}
        className="aspect-[16/9] w-24 shrink-0 self-start rounded-lg border border-border sm:w-40"
      />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h3 className="min-w-0 text-base font-semibold leading-snug text-balance sm:text-lg">
            <Link href={courseEditorHref(course.id)} className="underline-offset-4 hover:underline">
              {course.title}
            </Link>
          </h3>
          <StatusBadge status={course.status} />
        </div>
        <p className="mt-1 text-sm text-muted">
          {formatCategory(course.category)} · {formatLevel(course.level)} · {formatPrice(course.pricing)}
        </p>
        <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm">
          <div className="flex gap-1">
            <dt className="sr-only">Lessons</dt>
            <dd>{plural(course.lesson_count, "lesson")}</dd>
          </div>
          <div className="flex gap-1">
            <dt className="sr-only">Enrolled</dt>
            <dd>{plural(course.enrollment_count, "learner")} enrolled</dd>
          </div>
          <div className="flex gap-1 text-muted">
            <dt>Edited</dt>
            <dd>
              <time dateTime={course.updated_at}>{formatEdited(course.updated_at, now)}</time>
            </dd>
          </div>
        </dl>
        <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href={courseEditorHref(course.id)} className={LINK}>
            Edit<span className="sr-only">: {course.title}</span>
          </Link>
          <Link href={courseAnalyticsHref(course.id)} className={LINK}>
            Analytics<span className="sr-only">: {course.title}</span>
          </Link>
          {course.status === "published" && (
            <Link href={publicCourseHref(course.id)} className={LINK}>
              View in catalog<span className="sr-only">: {course.title}</span>
            </Link>
          )}
        </p>
      </div>
    </li>
  );
}

/** The studio's home: the creator's courses, drafts and published, newest edit first, a page at a time. */
export function StudioHome({ now }: { now?: Date }) {
  const [filter, setFilter] = useState<Filter>("all");
  const status = filter === "all" ? undefined : filter;
  // A new filter starts the list over; pages still arriving for the old one are dropped.
  const list = useKeysetList(filter, (cursor, signal) =>
    listMyCourses({ status, ...(cursor ? { cursor } : {}) }, signal),
  );

  const filterLabel = FILTERS.find((f) => f.value === filter)?.label.toLowerCase() ?? "";

  return (
    <div className="mx-auto max-w-page px-4 py-10 sm:px-6 sm:py-12 lg:px-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-primary">Creator studio</p>
          <h1 className="mt-1 font-display text-3xl font-semibold tracking-tight sm:text-4xl">My courses</h1>
          <p className="mt-2 max-w-prose text-muted">
            Build a course, add lessons with video, transcripts and quizzes, and publish it when it's ready.
          </p>
        </div>
        <ButtonLink href="/studio/courses/new">
          <PlusIcon />
          New course
        </ButtonLink>
      </header>

      <section
        aria-labelledby="studio-courses-title"
        className="mt-8 rounded-card border border-border bg-surface p-5 shadow-card sm:p-6"
      >
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="studio-courses-title" className="sr-only">
            Courses
          </h2>
          <fieldset className="flex flex-wrap gap-1.5">
            <legend className="sr-only">Show courses</legend>
            {FILTERS.map((f) => (
              <button
                key={f.value}
                type="button"
                aria-pressed={filter === f.value}
                onClick={() => setFilter(f.value)}
                className="rounded-full border border-border px-3.5 py-1.5 text-sm font-medium text-muted transition-colors hover:bg-surface-muted hover:text-foreground aria-pressed:border-primary aria-pressed:bg-primary-soft aria-pressed:text-primary"
              >
                {f.label}
              </button>
            ))}
          </fieldset>
        </div>
        <div className="mt-5">
          {list.status === "loading" && (
            <SectionLoading label="Loading your courses…">
              <div className="space-y-6">
                {[0, 1, 2].map((i) => (
                  <div key={i} className="flex gap-4">
                    <Bone className="aspect-[16/9] w-24 rounded-lg sm:w-40" />
                    <div className="flex-1 space-y-2.5 pt-1">
                      <Bone className="h-5 w-2/3" />
                      <Bone className="h-3 w-1/3" />
                      <Bone className="h-3 w-1/2" />
                    </div>
                  </div>
                ))}
              </div>
            </SectionLoading>
          )}
          {list.status === "error" && <SectionError what="your courses" error={list.error} onRetry={list.retry} />}
          {list.status === "ready" && list.items.length === 0 && (
            <SectionEmpty
              action={
                filter === "all" ? (
                  <ButtonLink href="/studio/courses/new">Create your first course</ButtonLink>
                ) : undefined
              }
            >
              {filter === "all"
                ? "You haven't created a course yet. Start with a title and a few details; you can add lessons next."
                : `You have no ${filterLabel} courses.`}
            </SectionEmpty>
          )}
          {list.status === "ready" && list.items.length > 0 && (
            <>
              <ul className="divide-y divide-border">
                {list.items.map((course) => (
                  <CourseRow key={course.id} course={course} now={now} />
                ))}
              </ul>
              {list.hasMore && (
                <div className="mt-6 flex flex-col items-center gap-2 border-t border-border pt-5">
                  {list.moreError !== null && (
                    <p role="alert" className="text-sm text-danger">
                      {errorText(list.moreError)}
                    </p>
                  )}
                  <button
                    type="button"
                    onClick={list.loadMore}
                    aria-disabled={list.loadingMore || undefined}
                    className={`${buttonClasses("secondary", "sm")} aria-disabled:cursor-progress`}
                  >
                    {list.loadingMore ? "Loading more…" : "Show more courses"}
                  </button>
                </div>
              )}
            </>
          )}
        </div>
      </section>
    </div>
  );
}
