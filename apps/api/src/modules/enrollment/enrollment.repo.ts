import { courseGrants, courses, type Executor, enrollments, lessons, modules, progress } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import { transactions } from "../../lib/sql.js";

export type EnrollmentRow = typeof enrollments.$inferSelect;

export function createEnrollmentRepo(db: Executor) {
  return {
    ...transactions(db),
    async findForUser(userId: string, courseId: string, tx: Executor = db): Promise<EnrollmentRow | undefined> {
      const [row] = await tx
        .select()
        .from(enrollments)
        .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)))
        .limit(1);
      return row;
    },

    /** Race-free: the unique (user, course) key makes concurrent calls produce one row; null when it existed. */
    async insertIfAbsent(userId: string, courseId: string, tx: Executor = db): Promise<EnrollmentRow | null> {
      const [row] = await tx
        .insert(enrollments)
        .values({ userId, courseId, lastAccessedAt: new Date() })
        .onConflictDoNothing({ target: [enrollments.userId, enrollments.courseId] })
        .returning();
      return row ?? null;
    },

    /** Re-activates a cancelled enrollment; null when it was already active (or another request won). */
    async reactivate(userId: string, courseId: string, tx: Executor = db): Promise<EnrollmentRow | null> {
      const [row] = await tx
        .update(enrollments)
        .set({ status: "active", updatedAt: new Date(), lastAccessedAt: new Date() })
        .where(
          and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId), eq(enrollments.status, "cancelled")),
        )
        .returning();
      return row ?? null;
    },

    async cancel(userId: string, courseId: string, tx: Executor = db): Promise<EnrollmentRow | null> {
      const [row] = await tx
        .update(enrollments)
        .set({ status: "cancelled", updatedAt: new Date() })
        .where(
          and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId), eq(enrollments.status, "active")),
        )
        .returning();
      return row ?? null;
    },

    async adjustEnrollmentCount(courseId: string, delta: number, tx: Executor = db): Promise<void> {
      await tx
        .update(courses)
        .set({ enrollmentCount: sql`greatest(0, ${courses.enrollmentCount} + ${delta})` })
        .where(eq(courses.id, courseId));
    },

    async hasGrant(userId: string, courseId: string, tx: Executor = db): Promise<boolean> {
      const [row] = await tx
        .select({ id: courseGrants.id })
        .from(courseGrants)
        .where(and(eq(courseGrants.userId, userId), eq(courseGrants.courseId, courseId)))
        .limit(1);
      return Boolean(row);
    },

    async grant(userId: string, courseId: string, grantedBy: string, tx: Executor = db): Promise<void> {
      await tx.insert(courseGrants).values({ userId, courseId, grantedBy }).onConflictDoNothing();
    },

    /**
     * The seed's "user courses" query in one round trip: each active enrollment with its course's title,
     * thumbnail and level, progress, last access, and the first lesson not yet completed (to continue).
     */
    async listForUser(userId: string, tx: Executor = db) {
      return tx
        .select({
          courseId: courses.id,
          title: courses.title,
          thumbnailUrl: courses.thumbnailUrl,
          level: courses.level,
          category: courses.category,
          progressPercentage: enrollments.progressPercentage,
          completedLessons: enrollments.completedLessons,
          totalLessons: courses.lessonCount,
          lastAccessedAt: enrollments.lastAccessedAt,
          enrolledAt: enrollments.createdAt,
          started: sql<boolean>`EXISTS (
            SELECT 1 FROM ${progress} p WHERE p.user_id = ${userId} AND p.course_id = ${courses.id})`,
          nextLessonId: sql<string | null>`(
            SELECT l.id FROM ${lessons} l JOIN ${modules} m ON m.id = l.module_id
            LEFT JOIN ${progress} p ON p.lesson_id = l.id AND p.user_id = ${userId}
            WHERE l.course_id = ${courses.id} AND coalesce(p.is_completed, false) = false
            ORDER BY m.position, l.position, l.created_at LIMIT 1)`,
        })
        .from(enrollments)
        .innerJoin(courses, eq(courses.id, enrollments.courseId))
        .where(and(eq(enrollments.userId, userId), eq(enrollments.status, "active")))
        .orderBy(sql`${enrollments.lastAccessedAt} DESC NULLS LAST`, sql`${enrollments.createdAt} DESC`);
    },
  };
}
export type EnrollmentRepo = ReturnType<typeof createEnrollmentRepo>;
