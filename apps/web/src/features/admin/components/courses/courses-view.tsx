"use client";

import type { AdminCourse } from "@lumen/contracts";
import { useState } from "react";
import { useKeysetList } from "@/lib/use-keyset-list";
import { listCourses } from "../../admin.api";
import { STATUS_LABELS } from "../../admin-format";
import { COURSE_STATUSES, type CourseFilters, coursesHref, coursesQuery } from "../../admin-params";
import { AdminPageHeader } from "../admin-page-header";
import { EmptyList } from "../list/empty-list";
import { KeysetListStates } from "../list/keyset-list-states";
import { ListHeader } from "../list/list-header";
import { useFilterNavigation } from "../list/use-filter-navigation";
import { CourseRow } from "./course-row";
import { MOVE_WORDS, type ModerationAction } from "./moderation";
import { ModerationDialog } from "./moderation-dialog";

const STATUS_OPTIONS = COURSE_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }));

/** Courses: every course in any status, searchable, with moderation (unpublish, archive, republish). */
export function CoursesView({ filters }: { filters: CourseFilters }) {
  const change = useFilterNavigation(coursesHref);
  const list = useKeysetList(coursesHref(filters), (cursor, signal) =>
    listCourses({ ...coursesQuery(filters), cursor }, signal),
  );
  const [asking, setAsking] = useState<{ course: AdminCourse; action: ModerationAction } | null>(null);
  const [announcement, setAnnouncement] = useState("");

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

      <ListHeader
        search={{
          id: "course-search",
          label: "Search courses",
          placeholder: "Title, or the creator's name or email",
          value: filters.q,
          onSearch: (q) => change({ ...filters, q }, "replace"),
        }}
        filter={{
          id: "course-status",
          label: "Status",
          value: filters.status,
          anyLabel: "Any status",
          options: STATUS_OPTIONS,
          onChange: (status) => change({ ...filters, status }),
        }}
        announcement={announcement}
      />

      <div className="mt-2">
        <KeysetListStates
          list={list}
          label="Courses"
          one="course"
          loadingLabel="Loading courses…"
          boneClassName="h-28"
          what="the courses"
          empty={
            <EmptyList
              title={
                filters.q
                  ? `No ${filters.status ? `${filters.status} ` : ""}courses match “${filters.q}”.`
                  : filters.status
                    ? `No ${filters.status} courses.`
                    : "No courses yet."
              }
              resetLabel="Show all courses"
              onReset={filters.q || filters.status ? () => change({ q: "", status: null }) : null}
            />
          }
        >
          {(course) => (
            <CourseRow
              key={course.id}
              course={course}
              onModerate={(action) => {
                setAnnouncement("");
                setAsking({ course, action });
              }}
            />
          )}
        </KeysetListStates>
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
