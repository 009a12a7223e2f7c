import { randomBytes } from "node:crypto";
import type {
  CourseCreate,
  CourseDetail,
  CourseListQuery,
  CourseSummary,
  CourseUpdate,
  Page,
  StudioCourse,
  StudioCourseListQuery,
} from "@lumen/contracts";
import type { CacheEntry } from "../../lib/cache.js";
import { type PublicReads, queryKey } from "../../lib/cache-public.js";
import {
  decodeCursor,
  encodeCursor,
  isFiniteNumber,
  isInt4,
  isIsoInstant,
  isTimeCursor,
  isUuid,
  timePage,
} from "../../lib/cursor.js";
import { AppError, notFound } from "../../lib/errors.js";
import type { AccessService } from "../access/access.service.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { AccessClaims } from "../auth/tokens.js";
import { presentEnrollment } from "../enrollment/enrollment.presenter.js";
import type { EnrollmentRepo } from "../enrollment/enrollment.repo.js";
import type { MediaService } from "../media/media.service.js";
import { presentCourseDetail, presentCourseSummary, presentStudioCourse } from "./course.presenter.js";
import type { CourseRepo, CourseSort } from "./course.repo.js";

/** The type of each sort's keyset value, as the repo casts it (see sortKey in course.repo.ts). */
const SORT_VALUE: Record<CourseSort, (v: unknown) => boolean> = {
  newest: isIsoInstant,
  popular: isInt4,
  rating: isFiniteNumber,
  relevance: isFiniteNumber,
};
type SortCursor = { v: number | string; id: string; s: CourseSort; q?: string };
const isSortCursor = (v: unknown): v is SortCursor => {
  if (typeof v !== "object" || v === null) return false;
  const c = v as Partial<SortCursor>;
  const valueOk = typeof c.s === "string" && Object.hasOwn(SORT_VALUE, c.s) && SORT_VALUE[c.s](c.v);
  return valueOk && isUuid(c.id) && (c.q === undefined || typeof c.q === "string");
};

function slugify(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${base || "course"}-${randomBytes(3).toString("hex")}`;
}

/**
 * Allowed status moves; `draft` again only while nobody is enrolled (it would hide the course from them), except
 * for admins: taking a course down for moderation is exactly that.
 */
const TRANSITIONS: Record<string, readonly string[]> = {
  draft: ["published", "archived"],
  published: ["draft", "archived"],
  archived: ["published"],
};

export function createCourseService(deps: {
  courses: CourseRepo;
  enrollments: Pick<EnrollmentRepo, "findForUser">;
  access: AccessService;
  /** The tutor's retrieval index: a course's description is one of its sources. */
  indexer: { indexCourseDescription(courseId: string): Promise<unknown> };
  media: Pick<MediaService, "attachable">;
  /** The server cache of public reads; every write here that changes one bumps the course's version. */
  cache: Pick<PublicReads, "catalog" | "course" | "courseChanged">;
}) {
  const { courses, enrollments, access, indexer, media, cache } = deps;
  /** An uploaded image must be the caller's to use here (a new course: from their own library). */
  const thumbnailToStore = (auth: AuthContext, url: string | null | undefined, courseId: string | null) =>
    url
      ? media.attachable(auth, url, { kind: "image", courseId, field: "thumbnail_url" })
      : Promise.resolve(url ?? null);

  async function detail(auth: AuthContext | null, courseId: string): Promise<CourseDetail> {
    const course = await access.visibleCourse(auth, courseId);
    // A guest's detail may come from a read replica; a signed-in caller's stays on the primary with their enrollment.
    const from = auth ? undefined : courses.read;
    const [row, outline, enrollment] = await Promise.all([
      courses.findWithCreator(courseId, from),
      courses.outline(courseId, from),
      auth ? enrollments.findForUser(auth.userId, courseId) : Promise.resolve(undefined),
    ]);
    if (!row) throw notFound("Course");
    const canEdit = access.canManage(auth, course);
    const active = enrollment?.status === "active";
    // A refunded purchase or lapsed Premium keeps the enrollment (and progress) but not the content.
    const entitled = auth !== null && active && (await access.entitledTo(auth, course));
    return presentCourseDetail(row, outline, enrollment ? presentEnrollment(enrollment) : null, {
      can_edit: canEdit,
      can_view_content: canEdit || entitled,
      requires_premium: !row.course.isFree,
    });
  }

  /** A published course's page as a guest sees it, cached; null (cached too) for drafts, archived and unknown ids. */
  function publicPage(courseId: string): Promise<CacheEntry<CourseDetail | null>> {
    // Filled from a read replica when there is one; the cache sends a fill right after an edit to the primary.
    return cache.course(courseId, "detail", async () => {
      const row = await courses.findWithCreator(courseId, courses.read);
      if (row?.course.status !== "published") return null;
      const guest = { can_edit: false, can_view_content: false, requires_premium: !row.course.isFree };
      return presentCourseDetail(row, await courses.outline(courseId, courses.read), null, guest);
    });
  }

  async function listPage(query: CourseListQuery): Promise<Page<CourseSummary>> {
    // Relevance needs a query to rank by: it is the default with `q` and means newest without.
    const requested = query.sort ?? (query.q ? "relevance" : "newest");
    const sort: CourseSort = requested === "relevance" && !query.q ? "newest" : requested;
    const decoded = query.cursor ? decodeCursor(query.cursor, isSortCursor) : undefined;
    // A cursor only continues the listing it came from (same order and, for relevance, the same query).
    const after =
      decoded && decoded.s === sort && (sort !== "relevance" || decoded.q === query.q) ? decoded : undefined;
    const rows = await courses.listPublished({
      q: query.q,
      category: query.category,
      level: query.level,
      isFree: query.is_free,
      creatorId: query.creator_id,
      minPrice: query.min_price,
      maxPrice: query.max_price,
      sort,
      after,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    // Timestamps come back as Date, counts and ranks as numbers.
    const sortValue = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | number));
    return {
      items: page.map(presentCourseSummary),
      next_cursor:
        rows.length > query.limit && last
          ? encodeCursor({
              v: sortValue(last.sortValue),
              id: last.course.id,
              s: sort,
              ...(sort === "relevance" ? { q: query.q ?? "" } : {}),
            })
          : null,
    };
  }

  return {
    detail,

    /** Guests: the cached public page of a published course; 404 for anything else. */
    async publicDetail(courseId: string): Promise<CacheEntry<CourseDetail>> {
      const entry = await publicPage(courseId);
      if (entry.data === null) throw notFound("Course");
      return entry as CacheEntry<CourseDetail>;
    },

    /**
     * Signed in: a published course is the cached public page plus ONE query, the caller's session check folded
     * together with their enrollment and entitlement (the route checks no session before: `sessionInHandler`);
     * drafts (owner, admins) and archived courses (enrolled learners) take the uncached path. Returns the checked
     * caller with the page.
     */
    async viewerDetail(claims: AccessClaims, courseId: string): Promise<{ auth: AuthContext; detail: CourseDetail }> {
      const { auth, enrollment, entitled } = await access.sessionViewerState(claims, courseId);
      const cached = (await publicPage(courseId)).data;
      if (!cached) return { auth, detail: await detail(auth, courseId) };
      const canEdit = access.canManage(auth, { creatorId: cached.creator.id });
      // A refunded purchase or lapsed Premium keeps the enrollment (and progress) but not the content.
      const active = enrollment?.status === "active";
      return {
        auth,
        detail: {
          ...cached,
          enrollment: enrollment ? presentEnrollment(enrollment) : null,
          access: {
            can_edit: canEdit,
            can_view_content: canEdit || (active && entitled),
            requires_premium: cached.access.requires_premium,
          },
        },
      };
    },

    /** The public catalog, cached per query until a course changes. */
    listPublished: (query: CourseListQuery) => cache.catalog(`list:${queryKey(query)}`, () => listPage(query)),

    /** The creator studio's list: the caller's own courses in every status (admins too: their own). */
    async listMine(auth: AuthContext, query: StudioCourseListQuery): Promise<Page<StudioCourse>> {
      const after = query.cursor ? decodeCursor(query.cursor, isTimeCursor) : undefined;
      const rows = await courses.listByCreator({
        creatorId: auth.userId,
        status: query.status,
        after,
        limit: query.limit + 1,
      });
      return timePage(rows, query.limit, presentStudioCourse, (r) => ({ at: r.lastEditedAt, id: r.course.id }));
    },

    suggest: (q: string, limit: number) =>
      cache.catalog(`suggest:${queryKey({ q, limit })}`, async () => ({ items: await courses.suggest(q, limit) })),

    categories: () => cache.catalog("categories", async () => ({ items: await courses.categories() })),

    async create(auth: AuthContext, input: CourseCreate): Promise<CourseDetail> {
      const thumbnailUrl = await thumbnailToStore(auth, input.thumbnail_url, null);
      // The row and its derived stats (lesson count, search document) appear together or not at all.
      const row = await courses.transaction(async (tx) => {
        const inserted = await courses.insert(
          {
            creatorId: auth.userId,
            slug: slugify(input.title),
            title: input.title,
            subtitle: input.subtitle,
            description: input.description,
            category: input.category,
            level: input.level,
            isFree: input.pricing.is_free,
            price: input.pricing.is_free ? 0 : input.pricing.price,
            tags: [...new Set(input.tags)],
            outcomes: input.outcomes,
            thumbnailUrl,
            status: "draft",
            certificatesEnabled: input.certificates_enabled,
          },
          tx,
        );
        await courses.refreshDerived(inserted.id, tx);
        return inserted;
      });
      await indexer.indexCourseDescription(row.id);
      return detail(auth, row.id);
    },

    async update(auth: AuthContext, courseId: string, input: CourseUpdate): Promise<CourseDetail> {
      const course = await access.managedCourse(auth, courseId);
      const values: Parameters<CourseRepo["update"]>[1] = {};
      if (input.title !== undefined) values.title = input.title;
      if (input.subtitle !== undefined) values.subtitle = input.subtitle;
      if (input.description !== undefined) values.description = input.description;
      if (input.category !== undefined) values.category = input.category;
      if (input.level !== undefined) values.level = input.level;
      if (input.tags !== undefined) values.tags = [...new Set(input.tags)];
      if (input.outcomes !== undefined) values.outcomes = input.outcomes;
      if (input.thumbnail_url !== undefined) {
        values.thumbnailUrl = await thumbnailToStore(auth, input.thumbnail_url, courseId);
      }
      if (input.certificates_enabled !== undefined) values.certificatesEnabled = input.certificates_enabled;
      if (input.pricing !== undefined) {
        values.isFree = input.pricing.is_free;
        values.price = input.pricing.is_free ? 0 : input.pricing.price;
      }
      if (input.status !== undefined && input.status !== course.status) {
        if (!TRANSITIONS[course.status]?.includes(input.status)) {
          throw new AppError("CONFLICT", `A ${course.status} course can't become ${input.status}`, {
            fields: { status: [`Not allowed from ${course.status}`] },
          });
        }
        if (input.status === "published") {
          const outline = await courses.outline(courseId);
          if (!outline.some((m) => m.lessons.length > 0)) {
            throw new AppError("CONFLICT", "Add at least one lesson before publishing", {
              fields: { status: ["A course needs at least one lesson to be published"] },
            });
          }
          values.publishedAt = new Date();
        }
        if (input.status === "draft" && auth.role !== "admin" && (await courses.countEnrollments(courseId)) > 0) {
          throw new AppError(
            "CONFLICT",
            "Learners are enrolled: archive the course instead of turning it back into a draft",
          );
        }
        values.status = input.status;
      }
      await courses.transaction(async (tx) => {
        await courses.update(courseId, values, tx);
        await courses.refreshDerived(courseId, tx);
      });
      await cache.courseChanged(courseId);
      if (input.title !== undefined || input.subtitle !== undefined || input.description !== undefined) {
        await indexer.indexCourseDescription(courseId);
      }
      return detail(auth, courseId);
    },

    /** Deletes a course nobody enrolled in; one with enrollments is archived so no learner loses history. */
    async remove(auth: AuthContext, courseId: string): Promise<{ deleted: boolean; archived: boolean }> {
      await access.managedCourse(auth, courseId);
      // Counted under the course's lock: a learner enrolling meanwhile waits, and is never deleted with it.
      const archived = await courses.transaction(async (tx) => {
        await courses.lock(courseId, tx);
        if ((await courses.countEnrollments(courseId, tx)) > 0) {
          await courses.update(courseId, { status: "archived" }, tx);
          return true;
        }
        await courses.delete(courseId, tx);
        return false;
      });
      await cache.courseChanged(courseId);
      return { deleted: !archived, archived };
    },
  };
}
export type CourseService = ReturnType<typeof createCourseService>;
