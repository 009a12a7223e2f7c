import { describe, expect, it } from "vitest";
import {
  activeFilterCount,
  catalogCanonicalHref,
  catalogHref,
  EMPTY_CATALOG_STATE,
  effectiveSort,
  nextPageState,
  pageNumber,
  parseCatalogParams,
  previousPageState,
  toCourseListParams,
  withCatalogChanges,
} from "./catalog-params";

describe("parseCatalogParams", () => {
  it("reads every part of the view from the URL", () => {
    const state = parseCatalogParams(
      new URLSearchParams("q=sql&category=Data+%26+AI&level=beginner&price=free&sort=popular&cursor=c3&prev=c2"),
    );
    expect(state).toEqual({
      q: "sql",
      category: "Data & AI",
      level: "beginner",
      price: "free",
      sort: "popular",
      cursor: "c3",
      prev: ["c2"],
    });
  });

  it("accepts Next's searchParams object, taking the first of repeated single values", () => {
    const state = parseCatalogParams({
      q: ["  python  ", "ignored"],
      level: "advanced",
      prev: ["a", "b"],
      cursor: "c",
    });
    expect(state.q).toBe("python");
    expect(state.level).toBe("advanced");
    expect(state.prev).toEqual(["a", "b"]);
  });

  it("ignores unknown or malformed values instead of failing", () => {
    const state = parseCatalogParams(
      new URLSearchParams("level=expert&price=cheap&sort=alphabetical&category=&cursor=&prev=orphan"),
    );
    expect(state).toEqual(EMPTY_CATALOG_STATE);
  });

  it("drops 'best match' when there is nothing to match", () => {
    expect(parseCatalogParams(new URLSearchParams("sort=relevance")).sort).toBeNull();
    expect(parseCatalogParams(new URLSearchParams("q=sql&sort=relevance")).sort).toBe("relevance");
  });
});

describe("catalogHref", () => {
  it("is the bare catalog path for the default view", () => {
    expect(catalogHref(EMPTY_CATALOG_STATE)).toBe("/courses");
  });

  it("writes filters in a fixed order and leaves the default order out", () => {
    const state = {
      ...EMPTY_CATALOG_STATE,
      price: "paid" as const,
      level: "intermediate" as const,
      category: "Data & AI",
    };
    expect(catalogHref(state)).toBe("/courses/search?category=Data+%26+AI&level=intermediate&price=paid");
    expect(catalogHref({ ...state, sort: "newest" })).toBe(catalogHref(state));
    expect(catalogHref({ ...EMPTY_CATALOG_STATE, q: "sql", sort: "relevance" })).toBe("/courses/search?q=sql");
    expect(catalogHref({ ...EMPTY_CATALOG_STATE, q: "sql", sort: "newest" })).toBe("/courses/search?q=sql&sort=newest");
  });

  it("navigates to the per-request route, while the public address stays /courses?…", () => {
    // The client router treats /courses?… as the cached first view: links and pushes must name the other route.
    const state = { ...EMPTY_CATALOG_STATE, q: "sql" };
    expect(catalogHref(state)).toBe("/courses/search?q=sql");
    expect(catalogCanonicalHref(state)).toBe("/courses?q=sql");
    expect(catalogCanonicalHref(EMPTY_CATALOG_STATE)).toBe("/courses");
  });

  it("round-trips through parseCatalogParams", () => {
    const state = {
      q: "linear algebra",
      category: "Mathematics",
      level: "beginner" as const,
      price: "free" as const,
      sort: "rating" as const,
      cursor: "c3",
      prev: ["c2"],
    };
    const href = catalogHref(state);
    expect(parseCatalogParams(new URL(href, "http://x").searchParams)).toEqual(state);
  });
});

describe("changing the view", () => {
  const onPage3 = { ...EMPTY_CATALOG_STATE, level: "beginner" as const, cursor: "c3", prev: ["c2"] };

  it("goes back to the first page on any new search, filter or order", () => {
    expect(withCatalogChanges(onPage3, { price: "free" })).toEqual({
      ...EMPTY_CATALOG_STATE,
      level: "beginner",
      price: "free",
    });
    expect(withCatalogChanges(onPage3, { sort: "popular" }).cursor).toBeNull();
  });

  it("forgets 'best match' when the search is cleared", () => {
    const searching = { ...EMPTY_CATALOG_STATE, q: "sql", sort: "relevance" as const };
    expect(withCatalogChanges(searching, { q: "   " })).toEqual(EMPTY_CATALOG_STATE);
  });

  it("counts filters but not the search text", () => {
    expect(activeFilterCount({ ...EMPTY_CATALOG_STATE, q: "sql", category: "Science", price: "paid" })).toBe(2);
  });
});

describe("pages", () => {
  it("keeps the trail of earlier pages so Previous works from a shared link", () => {
    const page1 = { ...EMPTY_CATALOG_STATE, level: "beginner" as const };
    const page2 = nextPageState(page1, "c2");
    const page3 = nextPageState(page2, "c3");
    expect(page2).toMatchObject({ cursor: "c2", prev: [] });
    expect(page3).toMatchObject({ cursor: "c3", prev: ["c2"] });
    expect([pageNumber(page1), pageNumber(page2), pageNumber(page3)]).toEqual([1, 2, 3]);
    expect(catalogHref(page3)).toBe("/courses/search?level=beginner&cursor=c3&prev=c2");

    expect(previousPageState(page3)).toEqual(page2);
    expect(previousPageState(page2)).toEqual(page1);
    expect(previousPageState(page1)).toBeNull();
  });
});

describe("the API request", () => {
  it("maps the view onto GET /courses parameters", () => {
    const state = parseCatalogParams(
      new URLSearchParams("q=sql&category=Programming&level=beginner&price=paid&cursor=c2"),
    );
    expect(toCourseListParams(state, 12)).toEqual({
      limit: 12,
      sort: "relevance",
      q: "sql",
      category: "Programming",
      level: "beginner",
      is_free: false,
      cursor: "c2",
    });
    expect(toCourseListParams(EMPTY_CATALOG_STATE, 12)).toEqual({ limit: 12, sort: "newest" });
    expect(toCourseListParams({ ...EMPTY_CATALOG_STATE, price: "free" }, 12).is_free).toBe(true);
  });

  it("sorts by best match while searching and by newest otherwise, unless told", () => {
    expect(effectiveSort({ q: "", sort: null })).toBe("newest");
    expect(effectiveSort({ q: "sql", sort: null })).toBe("relevance");
    expect(effectiveSort({ q: "sql", sort: "rating" })).toBe("rating");
    expect(effectiveSort({ q: "", sort: "relevance" })).toBe("newest");
  });
});
