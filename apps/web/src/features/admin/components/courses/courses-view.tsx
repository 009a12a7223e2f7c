"use client";

import type { AdminCourse } from "@lumen/contracts";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { Bone, SectionError, SectionLoading } from "@/features/dashboard/components/section";
import { listCourses } from "../../admin.api";
import { plural, STATUS_LABELS } from "../../admin-format";
import { COURSE_STATUSES, type CourseFilters, coursesHref, coursesQuery } from "../../admin-params";
import { useKeysetList } from "../../use-keyset-list";
import { AdminPageHeader } from "../admin-page-header";
import { FilterSelect, ListFooter, SearchField } from "../list-parts";
import { CourseRow } from "./course-row";
import { MOVE_WORDS, type ModerationAction } from "./moderation";
import { ModerationDialog } from "./moderation-dialog";

const STATUS_OPTIONS = COURSE_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }));

/** Courses: every course in any status, searchable, with moderation (unpublish, archive, republish). */
export function CoursesView({ filters }: { filters: CourseFilters }) {
  const router = useRouter();
  const list = useKeysetList(coursesHref(filters), (cursor, signal) =>
    listCourses({ ...coursesQuery(filters), cursor }, signal),
  );
  const [asking, setAsking] = useState<{ course: AdminCourse; action: ModerationAction } | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const change = (next: CourseFilters, mode: "push" | "replace") => {
    router[mode](coursesHref(next), { scroll: false });
  };

  const done = (course: AdminCourse) => {
    list.update((items) => items.map((c) => (c.id === course.id ? course : c)));
    setAnnouncement(`“${course.title}” is ${MOVE_WORDS[course.status]}.`);
    setAsking(null);
  };

  return (
    <div>
      <AdminPageHeader
        title="Courses"
        description="Every course on Lumen, drafts and archived ones included. Take a course out of the catalog, archive it or bring it back; each change is recorded in the security log."
      />

      <search className="mt-8 flex flex-col gap-4 sm:flex-row sm:items-end">
        <SearchField
          id="course-search"
          label="Search courses"
          placeholder="Title, or the creator's name or email"
          value={filters.q}
          onSearch={(q) => change({ ...filters, q }, "replace")}
        />
        <FilterSelect
          id="course-status"
          label="Status"
          value={filters.status}
          anyLabel="Any status"
          options={STATUS_OPTIONS}
          onChange={(status) => change({ ...filters, status }, "push")}
        />
      </search>

      <p role="status" className="mt-4 min-h-6 text-sm font-medium text-primary">
        {announcement}
      </p>

      <div className="mt-2">
        {list.status === "loading" && (
          <SectionLoading label="Loading courses…">
            <div className="space-y-3">
              {[0, 1, 2, 3].map((n) => (
                <Bone key={n} className="h-28 rounded-card" />
              ))}
            </div>
          </SectionLoading>
        )}
        {list.status === "error" && <SectionError what="the courses" error={list.error} onRetry={list.retry} />}
        {list.status === "ready" && list.items.length === 0 && (
          <div className="rounded-card border border-dashed border-border-strong/50 px-6 py-10 text-center">
            <p className="font-medium">
              {filters.q
                ? `No ${filters.status ? `${filters.status} ` : ""}courses match “${filters.q}”.`
                : filters.status
                  ? `No ${filters.status} courses.`
                  : "No courses yet."}
            </p>
            {(filters.q || filters.status) && (
              <button
                type="button"
                onClick={() => change({ q: "", status: null }, "push")}
                className={`${buttonClasses("secondary", "sm")} mt-4`}
              >
                Show all courses
              </button>
            )}
          </div>
        )}
        {list.status === "ready" && list.items.length > 0 && (
          <>
            <ul aria-label="Courses" className="space-y-3">
              {list.items.map((course) => (
                <CourseRow
                  key={course.id}
                  course={course}
                  onModerate={(action) => {
                    setAnnouncement("");
                    setAsking({ course, action });
                  }}
                />
              ))}
            </ul>
            <ListFooter
              shown={plural(list.items.length, "course")}
              noun="courses"
              hasMore={list.hasMore}
              loadingMore={list.loadingMore}
              moreError={list.moreError}
              onLoadMore={list.loadMore}
            />
          </>
        )}
      </div>

      {asking && (
        <ModerationDialog
          course={asking.course}
          action={asking.action}
          onDone={done}
          onCancel={() => setAsking(null)}
        />
      )}
    </div>
  );
}
