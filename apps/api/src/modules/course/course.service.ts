import type { CourseListQuery, CourseSummary, Page } from "@lumen/contracts";
import { decodeCursor, encodeCursor } from "../../lib/cursor.js";
import { presentCourseSummary } from "./course.presenter.js";
import type { CourseRepo, CourseSort } from "./course.repo.js";

type SortCursor = { v: number | string; id: string; s: CourseSort };
const isSortCursor = (v: unknown): v is SortCursor =>
  typeof v === "object" &&
  v !== null &&
  ["number", "string"].includes(typeof (v as SortCursor).v) &&
  typeof (v as SortCursor).id === "string" &&
  /^[0-9a-f-]{36}$/i.test((v as SortCursor).id) &&
  ["newest", "popular", "rating"].includes((v as SortCursor).s);

export function createCourseService(deps: { courses: CourseRepo }) {
  return {
    async listPublished(query: CourseListQuery): Promise<Page<CourseSummary>> {
      // Relevance needs a query to rank by; without one (and until ranking lands) newest is the sensible order.
      const sort: CourseSort = query.sort === "popular" || query.sort === "rating" ? query.sort : "newest";
      const after = query.cursor ? decodeCursor(query.cursor, isSortCursor) : undefined;
      const rows = await deps.courses.listPublished({
        q: query.q,
        category: query.category,
        level: query.level,
        isFree: query.is_free,
        creatorId: query.creator_id,
        minPrice: query.min_price,
        maxPrice: query.max_price,
        sort,
        after: after && after.s === sort ? after : undefined,
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1)?.course;
      const sortValue = (c: NonNullable<typeof last>) =>
        sort === "newest" ? c.createdAt.toISOString() : sort === "popular" ? c.enrollmentCount : c.ratingAvg;
      return {
        items: page.map(presentCourseSummary),
        next_cursor:
          rows.length > query.limit && last ? encodeCursor({ v: sortValue(last), id: last.id, s: sort }) : null,
      };
    },
  };
}
export type CourseService = ReturnType<typeof createCourseService>;
