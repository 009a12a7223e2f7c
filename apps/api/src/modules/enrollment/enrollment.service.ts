import type { Enrollment } from "@lumen/contracts";
import type { Executor } from "@lumen/db";
import type { PublicReads } from "../../lib/cache-public.js";
import { AppError, notFound } from "../../lib/errors.js";
import type { AccessService } from "../access/access.service.js";
import type { AnalyticsRecorder } from "../analytics/analytics.recorder.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { UserRepo } from "../user/user.repo.js";
import { presentEnrollment } from "./enrollment.presenter.js";
import type { EnrollmentRepo } from "./enrollment.repo.js";

/** What the service asks of the enrollment repository (its transaction() included). */
export type EnrollmentStore = Pick<
  EnrollmentRepo,
  | "transaction"
  | "findForUser"
  | "insertIfAbsent"
  | "reactivate"
  | "cancel"
  | "adjustEnrollmentCount"
  | "grant"
  | "listForUser"
>;

export function createEnrollmentService(deps: {
  enrollments: EnrollmentStore;
  users: Pick<UserRepo, "findById">;
  access: Pick<AccessService, "visibleCourse" | "entitledTo">;
  analytics: Pick<AnalyticsRecorder, "record">;
  /** A course's enrollment count is public (catalog, "popular" sort): every change bumps the course. */
  cache: Pick<PublicReads, "courseChanged">;
  /** Writes the learner's buffered progress reports first, so "continue where you left off" is current. */
  flushProgress?: (userId: string) => Promise<void>;
}) {
  const { enrollments, users, access, analytics, cache } = deps;
  return {
    /**
     * Idempotent and race-free: the first call creates the enrollment (201), later ones return it (200).
     * Paid courses need an entitlement (the access module's one rule: owner, admin, grant, purchase, Premium).
     */
    async enroll(auth: AuthContext, courseId: string): Promise<{ enrollment: Enrollment; created: boolean }> {
      const course = await access.visibleCourse(auth, courseId);
      const existing = await enrollments.findForUser(auth.userId, courseId);
      const entitled = await access.entitledTo(auth, course);
      if (existing?.status === "active" && entitled) return { enrollment: presentEnrollment(existing), created: false };
      if (course.status !== "published" && existing?.status !== "active") {
        throw new AppError("CONFLICT", "This course is not open for enrollment");
      }
      if (!entitled) {
        throw new AppError("PAYMENT_REQUIRED", "This is a paid course: buy it or get Premium to enroll", {
          course_id: courseId,
        });
      }
      const result = await enrollments.transaction(async (tx) => {
        const row =
          (await enrollments.insertIfAbsent(auth.userId, courseId, tx)) ??
          (await enrollments.reactivate(auth.userId, courseId, tx));
        if (row) {
          await enrollments.adjustEnrollmentCount(courseId, 1, tx);
          await analytics.record({ type: "enrollment", userId: auth.userId, courseId }, tx);
        }
        return row;
      });
      if (result) {
        await cache.courseChanged(courseId);
        return { enrollment: presentEnrollment(result), created: true };
      }
      // A concurrent request created it first.
      const winner = await enrollments.findForUser(auth.userId, courseId);
      if (!winner) throw notFound("Enrollment");
      return { enrollment: presentEnrollment(winner), created: false };
    },

    /** Leaves the course; progress is kept, so enrolling again picks up where the learner was. */
    async unenroll(auth: AuthContext, courseId: string): Promise<Enrollment> {
      await access.visibleCourse(auth, courseId);
      const cancelled = await enrollments.transaction(async (tx) => {
        const row = await enrollments.cancel(auth.userId, courseId, tx);
        if (row) await enrollments.adjustEnrollmentCount(courseId, -1, tx);
        return row;
      });
      if (cancelled) {
        await cache.courseChanged(courseId);
        return presentEnrollment(cancelled);
      }
      const existing = await enrollments.findForUser(auth.userId, courseId);
      if (!existing) throw notFound("Enrollment");
      return presentEnrollment(existing);
    },

    async mine(auth: AuthContext) {
      await deps.flushProgress?.(auth.userId);
      const rows = await enrollments.listForUser(auth.userId);
      return rows.map((r) => ({
        course_id: r.courseId,
        title: r.title,
        thumbnail_url: r.thumbnailUrl,
        level: r.level,
        category: r.category,
        progress_percentage: Math.round(r.progressPercentage * 100) / 100,
        completed_lessons: r.completedLessons,
        total_lessons: r.totalLessons,
        last_accessed: r.lastAccessedAt?.toISOString() ?? null,
        enrolled_at: r.enrolledAt.toISOString(),
        next_lesson_id: r.nextLessonId,
        started: r.started,
      }));
    },

    /**
     * Billing: a paid purchase enrolls the buyer, inside the fulfilment's transaction (so a purchase never
     * lands without its enrollment). No-op when already enrolled.
     */
    async admit(userId: string, courseId: string, tx: Executor): Promise<void> {
      const row =
        (await enrollments.insertIfAbsent(userId, courseId, tx)) ??
        (await enrollments.reactivate(userId, courseId, tx));
      if (row) {
        await enrollments.adjustEnrollmentCount(courseId, 1, tx);
        await analytics.record({ type: "enrollment", userId, courseId }, tx);
        // Inside the caller's transaction: bumped before its commit, so a reader in between may cache the old
        // count under the new version until the entry's TTL (5 minutes); the count is the only field at stake.
        await cache.courseChanged(courseId);
      }
    },

    /** Billing: a refund closes the course again; the enrollment is cancelled and its progress kept. */
    async close(userId: string, courseId: string, tx: Executor): Promise<void> {
      const row = await enrollments.cancel(userId, courseId, tx);
      if (row) {
        await enrollments.adjustEnrollmentCount(courseId, -1, tx);
        await cache.courseChanged(courseId); // before the caller's commit: see admit
      }
    },

    /** Admin: lets a user into a paid course without premium. */
    async grant(actor: AuthContext, courseId: string, userId: string): Promise<void> {
      await access.visibleCourse(actor, courseId);
      if (!(await users.findById(userId))) throw notFound("User");
      await enrollments.grant(userId, courseId, actor.userId);
    },
  };
}
export type EnrollmentService = ReturnType<typeof createEnrollmentService>;
