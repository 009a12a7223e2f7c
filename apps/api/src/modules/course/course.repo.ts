import { courses, type Executor, enrollments, lessons, modules, quizzes, refreshCourseDerived, users } from "@lumen/db";
import { and, asc, eq, getTableColumns, gte, lte, type SQL, sql } from "drizzle-orm";
import { qualified, transactions } from "../../lib/sql.js";

export type CourseSort = "newest" | "popular" | "rating" | "relevance";
export type CourseRow = typeof courses.$inferSelect;
export type CourseSummaryRow = { course: Omit<CourseRow, "searchVector">; creatorName: string };
export type StudioCourseRow = { course: Omit<CourseRow, "searchVector">; enrollmentCount: number; lastEditedAt: Date };

/**
 * When anything in a course was last edited: the course row, one of its modules, lessons or quizzes. Every
 * one of these columns keeps milliseconds, so the value survives a keyset cursor's ISO string exactly.
 * The outer course's columns are `qualified` (see lib/sql.ts): these subqueries sit in a one-table select list.
 */
const lastEdited = sql`greatest(
  ${qualified(courses.updatedAt)},
  (SELECT max(m.updated_at) FROM ${modules} m WHERE m.course_id = ${qualified(courses.id)}),
  (SELECT max(l.updated_at) FROM ${lessons} l WHERE l.course_id = ${qualified(courses.id)}),
  (SELECT max(q.updated_at) FROM ${quizzes} q WHERE q.course_id = ${qualified(courses.id)})
)`;

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

/** Words closer than this (pg_trgm word_similarity) count as a typo of a title word. */
const TYPO_THRESHOLD = 0.45;

const tsQuery = (q: string) => sql`websearch_to_tsquery('english', ${q})`;

/** At most this many spellings are tried per search (a long query's words are checked up to this count). */
const MAX_SPELLINGS = 24;

/**
 * The query, then each spelling with two neighbouring letters of a word swapped ("pyhton" → "python"). Trigrams
 * barely forgive a transposition (it breaks three of a short word's trigrams), while they forgive a wrong or
 * missing letter; trying the swaps makes "pyhton" and "pytohn" as findable as "pythn". Words under five letters
 * are left alone: their swaps are other real words too often ("form" → "from").
 */
export function transpositionSpellings(q: string): string[] {
  const query = q.toLowerCase();
  const spellings = new Set([query]);
  for (const word of query.matchAll(/\p{L}{5,}/gu)) {
    for (let i = word.index; i < word.index + word[0].length - 1 && spellings.size < MAX_SPELLINGS; i++) {
      const a = query[i] as string;
      const b = query[i + 1] as string;
      if (a !== b) spellings.add(query.slice(0, i) + b + a + query.slice(i + 2));
    }
  }
  return [...spellings];
}

/** How close the query (or one of its transposition spellings) comes to a word run in the title, 0–1. */
function titleSimilarity(q: string): SQL {
  const spellings = transpositionSpellings(q);
  const title = sql`lower(${courses.title})`;
  if (spellings.length === 1) return sql`word_similarity(${spellings[0]}, ${title})`;
  return sql`GREATEST(${sql.join(
    spellings.map((v) => sql`word_similarity(${v}, ${title})`),
    sql`, `,
  )})`;
}

/** Full-text rank (title > tags/category > description > lessons) plus a typo-tolerant title match. */
const relevance = (q: string) =>
  sql`(ts_rank_cd(coalesce(${courses.searchVector}, ''::tsvector), ${tsQuery(q)}, 32) + 0.5 * ${titleSimilarity(q)})::float8`;

function sortKey(filter: CourseListFilter): { expr: SQL; cast: string } {
  switch (filter.sort) {
    case "popular":
      return { expr: sql`${courses.enrollmentCount}`, cast: "int" };
    case "rating":
      return { expr: sql`${courses.ratingAvg}::float8`, cast: "float8" };
    case "relevance":
      return filter.q
        ? { expr: relevance(filter.q), cast: "float8" }
        : { expr: sql`${courses.createdAt}`, cast: "timestamptz" };
    default:
      return { expr: sql`${courses.createdAt}`, cast: "timestamptz" };
  }
}

/**
 * `read` serves the public catalog reads (listing, suggest, categories) and, when the service passes it, a guest's
 * course detail: the replica router when DATABASE_READ_URL is set (lib/db-routing.ts), else the same `db`.
 */
export function createCourseRepo(db: Executor, read: Executor = db) {
  // Every course column but the search document, which can weigh kilobytes and is never returned.
  const { searchVector: _searchVector, ...courseColumns } = getTableColumns(courses);
  const withCreator = { course: courseColumns, creatorName: users.fullName };

  const catalogQuery = (tx: Executor, where: SQL[], key: { expr: SQL }) =>
    tx
      .select({ ...withCreator, sortValue: sql<unknown>`${key.expr}` })
      .from(courses)
      .innerJoin(users, eq(users.id, courses.creatorId))
      .where(and(...where))
      .orderBy(sql`${key.expr} DESC`, sql`${courses.id} DESC`);

  // The catalog's first page without filters is the hottest read of the product: prepared once per sort.
  const firstPages = new Map<CourseSort, ReturnType<typeof preparedFirstPage>>();
  const preparedFirstPage = (sort: CourseSort, key: { expr: SQL }) =>
    catalogQuery(read, [eq(courses.status, "published")], key)
      .limit(sql.placeholder("limit"))
      .prepare(`lumen_catalog_${sort}`);
  const firstPage = (sort: CourseSort, key: { expr: SQL }) => {
    let query = firstPages.get(sort);
    if (!query) {
      query = preparedFirstPage(sort, key);
      firstPages.set(sort, query);
    }
    return query;
  };

  return {
    ...transactions(db),
    /** Published courses matching the filter, ordered by the sort key then id (both descending). */
    async listPublished(
      filter: CourseListFilter,
      tx: Executor = read,
    ): Promise<Array<CourseSummaryRow & { sortValue: unknown }>> {
      const where: SQL[] = [eq(courses.status, "published")];
      if (filter.category) where.push(sql`lower(${courses.category}) = lower(${filter.category})`);
      if (filter.level) where.push(eq(courses.level, filter.level));
      if (filter.isFree !== undefined) where.push(eq(courses.isFree, filter.isFree));
      if (filter.creatorId) where.push(eq(courses.creatorId, filter.creatorId));
      if (filter.minPrice !== undefined) where.push(gte(courses.price, filter.minPrice));
      if (filter.maxPrice !== undefined) where.push(lte(courses.price, filter.maxPrice));
      if (filter.q) {
        where.push(
          sql`(coalesce(${courses.searchVector}, ''::tsvector) @@ ${tsQuery(filter.q)} OR ${titleSimilarity(filter.q)} >= ${TYPO_THRESHOLD})`,
        );
      }
      const key = sortKey(filter);
      if (filter.after) {
        where.push(
          sql`(${key.expr}, ${courses.id}) < (${filter.after.v}::${sql.raw(key.cast)}, ${filter.after.id}::uuid)`,
        );
      }
      const unfiltered = where.length === 1 && filter.sort !== "relevance" && tx === read;
      if (unfiltered) return firstPage(filter.sort, key).execute({ limit: filter.limit });
      return catalogQuery(tx, where, key).limit(filter.limit);
    },

    /** One creator's courses in any status, most recently edited first; keyset on (last edit, id). */
    async listByCreator(
      filter: {
        creatorId: string;
        status?: CourseRow["status"] | undefined;
        after?: { t: string; id: string } | undefined;
        limit: number;
      },
      tx: Executor = db,
    ): Promise<StudioCourseRow[]> {
      const where: SQL[] = [eq(courses.creatorId, filter.creatorId)];
      if (filter.status) where.push(eq(courses.status, filter.status));
      if (filter.after) {
        where.push(sql`(${lastEdited}, ${courses.id}) < (${filter.after.t}::timestamptz, ${filter.after.id}::uuid)`);
      }
      return tx
        .select({
          course: courseColumns,
          // Counted rather than read from the catalog's cached figure: the studio shows who is enrolled now.
          enrollmentCount: sql<number>`(SELECT count(*)::int FROM ${enrollments} e WHERE e.course_id = ${qualified(courses.id)} AND e.status = 'active')`,
          lastEditedAt: sql<Date>`${lastEdited}`.mapWith(courses.updatedAt),
        })
        .from(courses)
        .where(and(...where))
        .orderBy(sql`${lastEdited} DESC`, sql`${courses.id} DESC`)
        .limit(filter.limit);
    },

    /** Titles for search-as-you-type: prefix and typo-tolerant matches on published courses. */
    async suggest(q: string, limit: number, tx: Executor = read) {
      const pattern = `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return tx
        .select({ id: courses.id, title: courses.title, category: courses.category, level: courses.level })
        .from(courses)
        .where(
          and(
            eq(courses.status, "published"),
            sql`(lower(${courses.title}) LIKE ${pattern} OR lower(${courses.title}) LIKE ${`% ${pattern}`} OR ${titleSimilarity(q)} >= ${TYPO_THRESHOLD})`,
          ),
        )
        .orderBy(sql`${titleSimilarity(q)} DESC`, courses.title)
        .limit(limit);
    },

    /** Published categories, case-folded into one; the most used spelling names each. */
    async categories(tx: Executor = read): Promise<{ name: string; course_count: number }[]> {
      const key = sql`lower(trim(${courses.category}))`;
      return tx
        .select({
          name: sql<string>`mode() WITHIN GROUP (ORDER BY trim(${courses.category}))`,
          course_count: sql<number>`count(*)::int`,
        })
        .from(courses)
        .where(and(eq(courses.status, "published"), sql`trim(${courses.category}) <> ''`))
        .groupBy(key)
        .orderBy(key);
    },

    async findWithCreator(id: string, tx: Executor = db): Promise<CourseSummaryRow | undefined> {
      const [row] = await tx
        .select(withCreator)
        .from(courses)
        .innerJoin(users, eq(users.id, courses.creatorId))
        .where(eq(courses.id, id))
        .limit(1);
      return row;
    },

    /** Modules and lessons in order, each lesson flagged when it has a quiz. */
    async outline(courseId: string, tx: Executor = db) {
      const mods = await tx
        .select()
        .from(modules)
        .where(eq(modules.courseId, courseId))
        .orderBy(asc(modules.position), asc(modules.createdAt));
      const rows = await tx
        .select({
          id: lessons.id,
          moduleId: lessons.moduleId,
          title: lessons.title,
          kind: lessons.kind,
          durationSeconds: lessons.durationSeconds,
          isPreview: lessons.isPreview,
          position: lessons.position,
          hasQuiz: sql<boolean>`${quizzes.id} IS NOT NULL`,
        })
        .from(lessons)
        .leftJoin(quizzes, eq(quizzes.lessonId, lessons.id))
        .where(eq(lessons.courseId, courseId))
        .orderBy(asc(lessons.position), asc(lessons.createdAt));
      return mods.map((m) => ({ ...m, lessons: rows.filter((l) => l.moduleId === m.id) }));
    },

    async insert(values: typeof courses.$inferInsert, tx: Executor = db): Promise<CourseRow> {
      const [row] = await tx.insert(courses).values(values).returning();
      if (!row) throw new Error("insert returned no row");
      return row;
    },

    async update(
      id: string,
      values: Partial<typeof courses.$inferInsert>,
      tx: Executor = db,
    ): Promise<CourseRow | undefined> {
      const [row] = await tx
        .update(courses)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(courses.id, id))
        .returning();
      return row;
    },

    async delete(id: string, tx: Executor = db): Promise<void> {
      await tx.delete(courses).where(eq(courses.id, id));
    },

    /**
     * Locks the course row for the rest of the transaction. An enrollment's foreign key check shares that row, so
     * no enrollment can be added between a count under this lock and the commit.
     */
    async lock(courseId: string, tx: Executor): Promise<void> {
      await tx.select({ id: courses.id }).from(courses).where(eq(courses.id, courseId)).for("update");
    },

    async countEnrollments(courseId: string, tx: Executor = db): Promise<number> {
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(enrollments)
        .where(eq(enrollments.courseId, courseId));
      return row?.n ?? 0;
    },

    /** Lesson count, total duration and the weighted search document, after any change to the course or a lesson. */
    async refreshDerived(courseId: string, tx: Executor = db): Promise<void> {
      await refreshCourseDerived(tx, courseId);
    },

    /** The executor for reads a replica may serve (see above). */
    read,
  };
}
export type CourseRepo = ReturnType<typeof createCourseRepo>;
