import type { AdminCourse } from "@lumen/contracts";
import { courses, type Executor, enrollments, users } from "@lumen/db";
import { and, desc, eq, ilike, inArray, lt, or, type SQL, sql } from "drizzle-orm";

type CourseStatus = AdminCourse["status"];

export type AdminCourseRow = {
  id: string;
  slug: string;
  title: string;
  status: CourseStatus;
  creatorId: string;
  creatorName: string;
  creatorEmail: string;
  enrollmentCount: number;
  lessonCount: number;
  createdAt: Date;
  publishedAt: Date | null;
};

/** `%q%` for ILIKE with the pattern characters escaped, so `%`, `_` and `\` in a search match themselves. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The admin console's read models: every course whatever its status, and emails for ids in the security log. */
export function createAdminRepo(db: Executor) {
  const courseColumns = {
    id: courses.id,
    slug: courses.slug,
    title: courses.title,
    status: courses.status,
    creatorId: courses.creatorId,
    creatorName: users.fullName,
    creatorEmail: users.email,
    // Counted here rather than read from the catalog's cached figure: moderation needs the exact number.
    enrollmentCount: sql<number>`(SELECT count(*)::int FROM ${enrollments} WHERE ${enrollments.courseId} = ${courses.id} AND ${enrollments.status} = 'active')`,
    lessonCount: courses.lessonCount,
    createdAt: courses.createdAt,
    publishedAt: courses.publishedAt,
  };

  return {
    /** Newest first; keyset on (created_at, id). `q` matches the title or the creator's name or email. */
    async listCourses(filter: {
      q?: string | undefined;
      status?: CourseStatus | undefined;
      after?: { t: string; id: string } | undefined;
      limit: number;
    }): Promise<AdminCourseRow[]> {
      const where: SQL[] = [];
      if (filter.status) where.push(eq(courses.status, filter.status));
      if (filter.q) {
        const pattern = containing(filter.q);
        where.push(
          or(ilike(courses.title, pattern), ilike(users.fullName, pattern), ilike(users.email, pattern)) as SQL,
        );
      }
      if (filter.after) {
        const t = new Date(filter.after.t);
        where.push(or(lt(courses.createdAt, t), and(eq(courses.createdAt, t), lt(courses.id, filter.after.id))) as SQL);
      }
      return db
        .select(courseColumns)
        .from(courses)
        .innerJoin(users, eq(users.id, courses.creatorId))
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(courses.createdAt), desc(courses.id))
        .limit(filter.limit);
    },

    async findCourse(id: string): Promise<AdminCourseRow | undefined> {
      const [row] = await db
        .select(courseColumns)
        .from(courses)
        .innerJoin(users, eq(users.id, courses.creatorId))
        .where(eq(courses.id, id))
        .limit(1);
      return row;
    },

    /** id → email for the given user ids (ids of deleted accounts are simply missing). */
    async emailsByIds(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.id, [...ids]));
      return new Map(rows.map((r) => [r.id, r.email]));
    },
  };
}
export type AdminRepo = ReturnType<typeof createAdminRepo>;
