import type { AdminCourse, Page } from "@lumen/contracts";
import { timePage } from "../../lib/cursor.js";
import { notFound } from "../../lib/errors.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { CourseService } from "../course/course.service.js";
import type { Notifier } from "../notification/notification.service.js";
import type { RequestMeta, SecurityService } from "../security/security.service.js";
import type { AdminCourseRow, AdminRepo } from "./admin.repo.js";

function presentAdminCourse(row: AdminCourseRow): AdminCourse {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    status: row.status,
    creator: { id: row.creatorId, full_name: row.creatorName, email: row.creatorEmail },
    enrollment_count: row.enrollmentCount,
    lesson_count: row.lessonCount,
    created_at: row.createdAt.toISOString(),
    published_at: row.publishedAt?.toISOString() ?? null,
  };
}

/**
 * Course moderation for admins: every course in any status, and status changes that go through the course
 * service's own rules (publishing still needs a lesson, archived courses can only be republished), recorded in
 * the security log against the course's creator.
 */
export function createAdminCourseService(deps: {
  repo: Pick<AdminRepo, "listCourses" | "findCourse">;
  courses: Pick<CourseService, "update">;
  security: Pick<SecurityService, "record">;
  /** Tells a creator their course was taken down, with the moderator's reason. */
  notifier?: Notifier;
}) {
  const { repo, courses, security } = deps;
  return {
    async list(filter: {
      q?: string | undefined;
      status?: AdminCourse["status"] | undefined;
      after?: { t: string; id: string } | undefined;
      limit: number;
    }): Promise<Page<AdminCourse>> {
      const rows = await repo.listCourses({ ...filter, limit: filter.limit + 1 });
      return timePage(rows, filter.limit, presentAdminCourse, (c) => ({ at: c.createdAt, id: c.id }));
    },

    /** Moves the course to `status`; asking for the status it already has changes nothing and records nothing. */
    async moderate(
      auth: AuthContext,
      courseId: string,
      change: { status: AdminCourse["status"]; reason?: string | undefined },
      meta: RequestMeta,
    ): Promise<{ course: AdminCourse; changed: boolean }> {
      const before = await repo.findCourse(courseId);
      if (!before) throw notFound("Course");
      if (before.status === change.status) return { course: presentAdminCourse(before), changed: false };
      await courses.update(auth, courseId, { status: change.status });
      await security.record("course_moderated", {
        userId: before.creatorId,
        meta,
        details: {
          changed_by: auth.userId,
          course_id: before.id,
          title: before.title,
          from: before.status,
          to: change.status,
          ...(change.reason ? { reason: change.reason } : {}),
        },
      });
      const after = await repo.findCourse(courseId);
      if (!after) throw notFound("Course");
      if (before.status === "published" && after.status !== "published") {
        await deps.notifier?.notify(
          before.creatorId,
          "course.unpublished",
          { course_id: before.id, course_title: before.title, reason: change.reason ?? null },
          // One per publication taken down: a course republished (a new published_at) and taken down again is new.
          `${before.id}.${before.publishedAt?.getTime() ?? 0}`,
        );
      }
      return { course: presentAdminCourse(after), changed: true };
    },
  };
}
export type AdminCourseService = ReturnType<typeof createAdminCourseService>;
