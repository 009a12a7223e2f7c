import { COURSE_SORTS, type CourseSummary, LEVELS } from "@lumen/contracts";
import type { CourseListParams } from "@/features/courses/courses.api";
import { allParams, firstParam, oneOf, type SearchParamsInput } from "@/lib/search-params";

/**
 * The catalog's view lives in the URL, so a link reproduces it and back/forward walk through it.
 * Query parameters (all optional):
 *   q         search text
 *   category  a category exactly as the API names it ("Data & AI")
 *   level     beginner | intermediate | advanced
 *   price     free | paid
 *   sort      newest | popular | rating | relevance (omitted when it is the default for the search)
 *   cursor    where the current page starts (the API's opaque keyset cursor; absent on page 1)
 *   prev      repeated: where each earlier page from page 2 on starts, oldest first, so "Previous" works
 *             from a shared link too (keyset cursors only go forward)
 */
export type CatalogSort = (typeof COURSE_SORTS)[number];
export type CatalogLevel = CourseSummary["level"];
export type PriceFilter = "free" | "paid";

export interface CatalogState {
  q: string;
  category: string | null;
  level: CatalogLevel | null;
  price: PriceFilter | null;
  /** null: the default order (best match while searching, newest otherwise). */
  sort: CatalogSort | null;
  cursor: string | null;
  prev: string[];
}

export type CatalogFilterChanges = Partial<Pick<CatalogState, "q" | "category" | "level" | "price" | "sort">>;

export const CATALOG_PATH = "/courses";
/** The per-request route of every catalog view but the first (search, filters, order, later pages). */
export const CATALOG_VIEW_PATH = "/courses/search";
export const CATALOG_PAGE_SIZE = 12;

export const PRICE_FILTERS = ["free", "paid"] as const;

// Bounds mirror the API's own limits, so a hand-edited URL degrades to "ignored" instead of a 400.
const MAX_QUERY = 200;
const MAX_CATEGORY = 60;
const MAX_CURSOR = 500;
const MAX_TRAIL = 50;

export const EMPTY_CATALOG_STATE: CatalogState = {
  q: "",
  category: null,
  level: null,
  price: null,
  sort: null,
  cursor: null,
  prev: [],
};

function cursorOrNull(value: string | null): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed.length > 0 && trimmed.length <= MAX_CURSOR ? trimmed : null;
}

/** Reads the catalog view from a URL's search parameters; anything unknown or malformed is ignored. */
export function parseCatalogParams(input: SearchParamsInput): CatalogState {
  const q = (firstParam(input, "q") ?? "").trim().slice(0, MAX_QUERY);
  const category = (firstParam(input, "category") ?? "").trim();
  const cursor = cursorOrNull(firstParam(input, "cursor"));
  const prev = cursor
    ? allParams(input, "prev")
        .map((value) => cursorOrNull(value))
        .filter((value): value is string => value !== null)
        .slice(-MAX_TRAIL)
    : [];
  const sort = oneOf(firstParam(input, "sort"), COURSE_SORTS);
  return {
    q,
    category: category.length > 0 && category.length <= MAX_CATEGORY ? category : null,
    level: oneOf(firstParam(input, "level"), LEVELS),
    price: oneOf(firstParam(input, "price"), PRICE_FILTERS),
    // "Best match" ranks by the search text; without one it means nothing.
    sort: sort === "relevance" && !q ? null : sort,
    cursor,
    prev,
  };
}

/** The order the API will use: the chosen one, else best match while searching, else newest. */
export function effectiveSort(state: Pick<CatalogState, "q" | "sort">): CatalogSort {
  if (state.sort && (state.sort !== "relevance" || state.q)) return state.sort;
  return state.q ? "relevance" : "newest";
}

/** Canonical search parameters for a view: defaults left out, always in the same order. */
export function catalogSearchParams(state: CatalogState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.category) params.set("category", state.category);
  if (state.level) params.set("level", state.level);
  if (state.price) params.set("price", state.price);
  const sort = effectiveSort(state);
  if (sort !== effectiveSort({ q: state.q, sort: null })) params.set("sort", sort);
  if (state.cursor) {
    params.set("cursor", state.cursor);
    for (const cursor of state.prev) params.append("prev", cursor);
  }
  return params;
}

/**
 * Where a link or the router goes for a catalog view. The first view is the cached `/courses`; any other view is
 * `/courses/search?…`, the route that renders per request. Not `/courses?…`: that is the same static route to the
 * client router, which reuses the cached first view for any query string (the URL changed, the results did not).
 * A `/courses?…` typed or shared still works: src/proxy.ts rewrites it to the same route.
 */
export function catalogHref(state: CatalogState): string {
  const query = catalogSearchParams(state).toString();
  return query ? `${CATALOG_VIEW_PATH}?${query}` : CATALOG_PATH;
}

/** The view's public address (`/courses?…`), for canonical links and social cards. */
export function catalogCanonicalHref(state: CatalogState): string {
  const query = catalogSearchParams(state).toString();
  return query ? `${CATALOG_PATH}?${query}` : CATALOG_PATH;
}

/** A new search, filter or order starts again from the first page. */
export function withCatalogChanges(state: CatalogState, changes: CatalogFilterChanges): CatalogState {
  const next = { ...state, ...changes, cursor: null, prev: [] };
  next.q = next.q.trim().slice(0, MAX_QUERY);
  if (next.sort === "relevance" && !next.q) next.sort = null;
  return next;
}

export function nextPageState(state: CatalogState, nextCursor: string): CatalogState {
  return {
    ...state,
    cursor: nextCursor,
    prev: state.cursor ? [...state.prev, state.cursor].slice(-MAX_TRAIL) : [],
  };
}

/** The page before this one, or null on the first page. */
export function previousPageState(state: CatalogState): CatalogState | null {
  if (!state.cursor) return null;
  const cursor = state.prev.at(-1) ?? null;
  return { ...state, cursor, prev: state.prev.slice(0, -1) };
}

/** 1 on the first page. */
export function pageNumber(state: CatalogState): number {
  return state.cursor ? state.prev.length + 2 : 1;
}

/** How many of category, level and price are set (the search text is not a filter). */
export function activeFilterCount(state: CatalogState): number {
  return [state.category, state.level, state.price].filter((value) => value !== null).length;
}

/** The API request for a view. */
export function toCourseListParams(state: CatalogState, limit = CATALOG_PAGE_SIZE): CourseListParams {
  const params: CourseListParams = { limit, sort: effectiveSort(state) };
  if (state.q) params.q = state.q;
  if (state.category) params.category = state.category;
  if (state.level) params.level = state.level;
  if (state.price) params.is_free = state.price === "free";
  if (state.cursor) params.cursor = state.cursor;
  return params;
}

export const SORT_LABELS: Record<CatalogSort, string> = {
  relevance: "Best match",
  newest: "Newest",
  popular: "Most popular",
  rating: "Highest rated",
};

export const PRICE_LABELS: Record<PriceFilter, string> = { free: "Free", paid: "Paid" };
