import { courses, type Executor, enrollments, users } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";

export type InstructorRow = {
  id: string;
  fullName: string;
  profile: { bio?: string; avatar_url?: string };
  teachingSince: Date;
  courseCount: number;
  learnerCount: number;
  reviewCount: number;
  ratingAvg: number;
};

export function createInstructorRepo(db: Executor) {
  return {
    /**
     * An active account with at least one published course, and figures over those courses only: drafts and
     * archived courses, and everything about who the learners are, stay private.
     */
    async findPublic(id: string): Promise<InstructorRow | undefined> {
      const published = and(eq(courses.creatorId, users.id), eq(courses.status, "published"));
      const [row] = await db
        .select({
          id: users.id,
          fullName: users.fullName,
          profile: users.profile,
          teachingSince: sql<Date>`min(coalesce(${courses.publishedAt}, ${courses.createdAt}))`.mapWith(
            (v: string | Date) => new Date(v),
          ),
          courseCount: sql<number>`count(*)::int`,
          reviewCount: sql<number>`coalesce(sum(${courses.ratingCount}), 0)::int`,
          ratingAvg: sql<number>`coalesce(sum(${courses.ratingAvg} * ${courses.ratingCount}) / nullif(sum(${courses.ratingCount}), 0), 0)::float8`,
          learnerCount: sql<number>`(
            select count(distinct ${enrollments.userId})::int
            from ${enrollments} join ${courses} c2 on c2.id = ${enrollments.courseId}
            where c2.creator_id = ${users.id} and c2.status = 'published' and ${enrollments.status} = 'active'
          )`,
        })
        .from(users)
        .innerJoin(courses, published)
        .where(and(eq(users.id, id), eq(users.disabled, false)))
        .groupBy(users.id);
      return row;
    },
  };
}

export type InstructorRepo = ReturnType<typeof createInstructorRepo>;
