import {
  courses,
  type Executor,
  enrollments,
  lessons,
  notificationPreferences,
  notifications,
  progress,
  users,
} from "@lumen/db";
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";

export type NotificationRow = typeof notifications.$inferSelect;
export type PreferenceRow = typeof notificationPreferences.$inferSelect;
export interface Recipient {
  id: string;
  email: string;
  fullName: string;
  emailVerified: boolean;
}

const recipientColumns = {
  id: users.id,
  email: users.email,
  fullName: users.fullName,
  emailVerified: users.emailVerified,
};

export function createNotificationRepo(db: Executor) {
  return {
    async preferences(userIds: string[], kinds: string[]): Promise<PreferenceRow[]> {
      if (userIds.length === 0) return [];
      return db
        .select()
        .from(notificationPreferences)
        .where(and(inArray(notificationPreferences.userId, userIds), inArray(notificationPreferences.kind, kinds)));
    },

    async savePreferences(rows: Array<{ userId: string; kind: string; inApp: boolean; email: boolean }>, tx = db) {
      if (rows.length === 0) return;
      await tx
        .insert(notificationPreferences)
        .values(rows)
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { inApp: sql`excluded.in_app`, email: sql`excluded.email`, updatedAt: sql`now()` },
        });
    },

    async recipients(userIds: string[]): Promise<Recipient[]> {
      if (userIds.length === 0) return [];
      return db
        .select(recipientColumns)
        .from(users)
        .where(and(inArray(users.id, userIds), eq(users.disabled, false)));
    },

    /** Inserts the rows a job owes; a row already written for the same user and event is skipped. */
    async insertMany(
      rows: Array<{ userId: string; kind: string; dedupeKey: string; data: Record<string, string | number | null> }>,
    ): Promise<number> {
      if (rows.length === 0) return 0;
      const inserted = await db
        .insert(notifications)
        .values(rows)
        .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
        .returning({ id: notifications.id });
      return inserted.length;
    },

    /** Newest first; `after` is the last row of the previous page. */
    async page(userId: string, limit: number, after?: { t: string; id: string }): Promise<NotificationRow[]> {
      const where = after
        ? and(
            eq(notifications.userId, userId),
            or(
              lt(notifications.createdAt, sql`${after.t}::timestamptz`),
              and(eq(notifications.createdAt, sql`${after.t}::timestamptz`), lt(notifications.id, after.id)),
            ),
          )
        : eq(notifications.userId, userId);
      return db
        .select()
        .from(notifications)
        .where(where)
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit);
    },

    async unreadCount(userId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return Number(row?.n ?? 0);
    },

    /** Marks one of the user's notifications read (an earlier read time is kept); null when it isn't theirs. */
    async markRead(userId: string, id: string): Promise<NotificationRow | null> {
      const [row] = await db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
        .returning();
      return row ?? null;
    },

    async markAllRead(userId: string): Promise<number> {
      const rows = await db
        .update(notifications)
        .set({ readAt: sql`now()` })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return rows.length;
    },

    /** A lesson with its course, for the new-lesson fan-out (null once either is gone). */
    async lessonWithCourse(lessonId: string) {
      const [row] = await db
        .select({
          lessonId: lessons.id,
          lessonTitle: lessons.title,
          courseId: courses.id,
          courseTitle: courses.title,
          courseStatus: courses.status,
          creatorId: courses.creatorId,
        })
        .from(lessons)
        .innerJoin(courses, eq(courses.id, lessons.courseId))
        .where(eq(lessons.id, lessonId));
      return row ?? null;
    },

    /** Active learners of a course, by id after `afterUserId` (keyset batches for a fan-out). */
    async enrolledBatch(courseId: string, excludeUserId: string, afterUserId: string | null, limit: number) {
      const rows = await db
        .select({ userId: enrollments.userId })
        .from(enrollments)
        .where(
          and(
            eq(enrollments.courseId, courseId),
            eq(enrollments.status, "active"),
            ne(enrollments.userId, excludeUserId),
            afterUserId ? gt(enrollments.userId, afterUserId) : undefined,
          ),
        )
        .orderBy(asc(enrollments.userId))
        .limit(limit);
      return rows.map((r) => r.userId);
    },

    /** Users who opted into an email-only kind (the weekly progress email), in keyset batches. */
    async optedInBatch(kind: string, afterUserId: string | null, limit: number): Promise<string[]> {
      const rows = await db
        .select({ userId: notificationPreferences.userId })
        .from(notificationPreferences)
        .where(
          and(
            eq(notificationPreferences.kind, kind),
            eq(notificationPreferences.email, true),
            afterUserId ? gt(notificationPreferences.userId, afterUserId) : undefined,
          ),
        )
        .orderBy(asc(notificationPreferences.userId))
        .limit(limit);
      return rows.map((r) => r.userId);
    },

    /** A learner's active courses with their progress, and the lessons they completed since `since`. */
    async progressSummary(userId: string, since: Date) {
      const [courseRows, completed] = await Promise.all([
        db
          .select({
            courseId: courses.id,
            title: courses.title,
            percentage: enrollments.progressPercentage,
          })
          .from(enrollments)
          .innerJoin(courses, eq(courses.id, enrollments.courseId))
          .where(and(eq(enrollments.userId, userId), eq(enrollments.status, "active")))
          .orderBy(sql`${enrollments.lastAccessedAt} desc nulls last`, asc(courses.title))
          .limit(10),
        db
          .select({ n: count() })
          .from(progress)
          .where(and(eq(progress.userId, userId), eq(progress.isCompleted, true), gte(progress.completedAt, since))),
      ]);
      return { courses: courseRows, completedThisWeek: Number(completed[0]?.n ?? 0) };
    },
  };
}
export type NotificationRepo = ReturnType<typeof createNotificationRepo>;
