import { courses, type Executor, users } from "@lumen/db";
import { and, eq, gte, lte, type SQL, sql } from "drizzle-orm";

export type CourseSort = "newest" | "popular" | "rating";

export interface CourseListFilter {
  q?: string | undefined;
  category?: string | undefined;
  level?: "beginner" | "intermediate" | "advanced" | undefined;
  isFree?: boolean | undefined;
  creatorId?: string | undefined;
  minPrice?: number | undefined;
  maxPrice?: number | undefined;
  sort: CourseSort;
  /** Keyset position: the previous page's last sort value and id. */
  after?: { v: number | string; id: string } | undefined;
  limit: number;
}

/** The sort key of each order, as an SQL expression and as read from a row. */
const SORT_KEYS = {
  newest: { expr: sql`${courses.createdAt}`, cast: "timestamptz" },
  popular: { expr: sql`${courses.enrollmentCount}`, cast: "int" },
  rating: { expr: sql`${courses.ratingAvg}`, cast: "real" },
} as const;

const summaryColumns = {
  course: courses,
  creatorName: users.fullName,
};

export type CourseSummaryRow = { course: typeof courses.$inferSelect; creatorName: string };

export function createCourseRepo(db: Executor) {
  return {
    /** Published courses matching the filter, ordered by `sort` then id (both descending). */
    async listPublished(filter: CourseListFilter, tx: Executor = db): Promise<CourseSummaryRow[]> {
      const where: SQL[] = [eq(courses.status, "published")];
      if (filter.category) where.push(sql`lower(${courses.category}) = lower(${filter.category})`);
      if (filter.level) where.push(eq(courses.level, filter.level));
      if (filter.isFree !== undefined) where.push(eq(courses.isFree, filter.isFree));
      if (filter.creatorId) where.push(eq(courses.creatorId, filter.creatorId));
      if (filter.minPrice !== undefined) where.push(gte(courses.price, filter.minPrice));
      if (filter.maxPrice !== undefined) where.push(lte(courses.price, filter.maxPrice));
      if (filter.q) {
        const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        where.push(
          sql`(${courses.title} ILIKE ${pattern} OR ${courses.description} ILIKE ${pattern} OR ${courses.category} ILIKE ${pattern} OR array_to_string(${courses.tags}, ' ') ILIKE ${pattern})`,
        );
      }
      const key = SORT_KEYS[filter.sort];
      if (filter.after) {
        where.push(
          sql`(${key.expr}, ${courses.id}) < (${filter.after.v}::${sql.raw(key.cast)}, ${filter.after.id}::uuid)`,
        );
      }
      return tx
        .select(summaryColumns)
        .from(courses)
        .innerJoin(users, eq(users.id, courses.creatorId))
        .where(and(...where))
        .orderBy(sql`${key.expr} DESC`, sql`${courses.id} DESC`)
        .limit(filter.limit);
    },
  };
}
export type CourseRepo = ReturnType<typeof createCourseRepo>;
