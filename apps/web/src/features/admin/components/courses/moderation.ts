import type { AdminCourse } from "@lumen/contracts";
import { isApiError } from "@/lib/api-client";
import { fieldErrors } from "@/lib/error-text";
import { adminErrorText } from "../../admin-errors";
import { plural } from "../../admin-format";
import type { CourseStatus } from "../../admin-params";

export interface ModerationAction {
  to: CourseStatus;
  /** The button's words. */
  label: string;
}

/**
 * What an admin may do with a course in its current status. The API's course rules decide (an archived course
 * can only be republished; publishing needs a lesson); the console offers only what those rules allow.
 */
export function moderationActions(course: AdminCourse): ModerationAction[] {
  const publish: ModerationAction = { to: "published", label: course.published_at ? "Republish" : "Publish" };
  switch (course.status) {
    case "published":
      return [
        { to: "draft", label: "Unpublish" },
        { to: "archived", label: "Archive" },
      ];
    case "draft":
      return course.lesson_count > 0
        ? [publish, { to: "archived", label: "Archive" }]
        : [{ to: "archived", label: "Archive" }];
    case "archived":
      return [{ ...publish, label: "Republish" }];
  }
}

/** Why a course has fewer actions than usual, if it does. */
export function moderationNote(course: AdminCourse): string | null {
  if (course.status === "archived") return "An archived course can only be republished, not moved back to draft.";
  if (course.status === "draft" && course.lesson_count === 0) return "It can't be published until it has a lesson.";
  return null;
}

/** The consequences of a move, said before it is made. */
export function moderationConsequences(course: AdminCourse, to: CourseStatus): string {
  const learners = plural(course.enrollment_count, "learner");
  const enrolled = course.enrollment_count === 1 ? "is enrolled" : "are enrolled";
  if (to === "draft") {
    return course.enrollment_count > 0
      ? `It leaves the catalog, and the ${learners} enrolled lose access to it until it is published again. Its creator keeps it and can edit it.`
      : "It leaves the catalog. Nobody is enrolled yet. Its creator keeps it and can edit it.";
  }
  if (to === "archived") {
    return `It leaves the catalog, so no one new can enroll${
      course.enrollment_count > 0 ? `; the ${learners} already enrolled keep access` : ""
    }. An archived course can later be republished, but not moved back to draft.`;
  }
  return course.enrollment_count > 0
    ? `It is back in the catalog for everyone, and the ${learners} who ${enrolled} can open it again.`
    : "It appears in the catalog for everyone.";
}

export const MOVE_WORDS: Record<CourseStatus, string> = {
  draft: "unpublished",
  archived: "archived",
  published: "published",
};

/** A refused move in words; a 409 is the course rules, explained rather than quoted. */
export function moderationErrorText(course: AdminCourse, to: CourseStatus, error: unknown): string {
  if (isApiError(error) && error.code === "CONFLICT") {
    if (to === "published") return "A course needs at least one lesson before it can be published. Nothing changed.";
    if (to === "draft") {
      return "An archived course can't go back to draft, only be republished. It may have been archived since this list loaded: reload to see where it stands.";
    }
    return `Lumen refused: ${error.message}. The course may have changed since this list loaded (it shows as ${course.status}): reload to see where it stands.`;
  }
  const reason = fieldErrors(error).reason;
  if (reason) return reason;
  return adminErrorText(error);
}
