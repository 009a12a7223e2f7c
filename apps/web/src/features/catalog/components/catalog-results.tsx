import type { CourseSummary, Page } from "@lumen/contracts";
import Link from "next/link";
import { ButtonLink, buttonClasses } from "@/components/button-link";
import { RefreshUntilBuilt } from "@/components/refresh-until-built";
import { StatusPanel } from "@/components/status-panel";
import { CourseGrid } from "@/features/courses/components/course-grid";
import { formatCategory, formatLevel } from "@/features/courses/course-format";
import { listCourses } from "@/features/courses/courses.api";
import { type ApiError, isApiError } from "@/lib/api-client";
import { CATALOG_TAG, publicRead, readForCachedPage } from "@/lib/public-cache";
import {
  activeFilterCount,
  type CatalogState,
  catalogHref,
  EMPTY_CATALOG_STATE,
  nextPageState,
  PRICE_LABELS,
  pageNumber,
  previousPageState,
  toCourseListParams,
  withCatalogChanges,
} from "../catalog-params";
import { CatalogGridSkeleton } from "./catalog-skeleton";
import { AnnounceResults } from "./results-announcer";

async function loadPage(
  state: CatalogState,
  cached: boolean,
): Promise<{ page: Page<CourseSummary> } | { error: ApiError } | { building: true }> {
  if (cached) {
    // The first view, in Next's cache under `catalog` (regenerated when the API says a course changed). A failure
    // is thrown so it is never cached (see readForCachedPage); during the build it is a placeholder.
    const page = await readForCachedPage(
      () => listCourses(toCourseListParams(state), publicRead([CATALOG_TAG])),
      "the catalog",
    );
    return page === null ? { building: true } : { page };
  }
  try {
    // Searches, filters and later pages: per request (the catalog query is one of the API's cheapest).
    return { page: await listCourses(toCourseListParams(state), { cache: "no-store" }) };
  } catch (error) {
    if (!isApiError(error)) throw error;
    console.error(`[catalog] courses unavailable: ${error.code} (HTTP ${error.status}) ${error.message}`);
    return { error };
  }
}

/** "beginner Data & AI courses that are free, matching “sql”" – what the learner asked for, in words. */
function describeView(state: CatalogState): string {
  const parts = ["courses"];
  if (state.category) parts.unshift(formatCategory(state.category));
  if (state.level) parts.unshift(formatLevel(state.level).toLowerCase());
  let text = parts.join(" ");
  if (state.price) text += state.price === "free" ? " that are free" : ` that are ${PRICE_LABELS.paid.toLowerCase()}`;
  if (state.q) text += ` matching “${state.q}”`;
  return text;
}

function firstPage(state: CatalogState): CatalogState {
  return { ...state, cursor: null, prev: [] };
}

function ResultsError({ state, error }: { state: CatalogState; error: ApiError }) {
  const staleCursor =
    error.code === "VALIDATION_ERROR" &&
    typeof (error.details?.fields as Record<string, unknown>)?.cursor !== "undefined";
  if (staleCursor) {
    return (
      <>
        <AnnounceResults view={catalogHref(state)} message="This page of results is out of date." />
        <StatusPanel
          role="alert"
          headingLevel={3}
          title="This page of results is out of date"
          actions={<ButtonLink href={catalogHref(firstPage(state))}>Go to the first page</ButtonLink>}
        >
          The link points into a list that has changed since. Start again from the first page; your search and filters
          are kept.
        </StatusPanel>
      </>
    );
  }
  return (
    <>
      <AnnounceResults view={catalogHref(state)} message="We can't show the courses right now." />
      <StatusPanel
        tone="danger"
        role="alert"
        headingLevel={3}
        title="We can't show the courses right now"
        actions={
          // A full page load on purpose: it asks the server again.
          <a href={catalogHref(state)} className={buttonClasses("primary")}>
            Try again
          </a>
        }
      >
        {error.code === "NETWORK_ERROR" || error.code === "SERVICE_UNAVAILABLE"
          ? "Our course catalog isn't answering at the moment. It's on our side, not yours: please try again in a minute."
          : "Something went wrong on our side while loading the catalog. Please try again in a minute."}
      </StatusPanel>
    </>
  );
}

function NoResults({ state }: { state: CatalogState }) {
  const page = pageNumber(state);
  if (page > 1) {
    return (
      <>
        <AnnounceResults view={catalogHref(state)} message="There are no more courses." />
        <StatusPanel
          role="status"
          headingLevel={3}
          title="You've reached the end of the list"
          actions={<ButtonLink href={catalogHref(firstPage(state))}>Back to the first page</ButtonLink>}
        >
          There are no more {describeView(state)}.
        </StatusPanel>
      </>
    );
  }

  const filters = activeFilterCount(state) > 0;
  const clearFilters = withCatalogChanges(state, { category: null, level: null, price: null });
  return (
    <>
      <AnnounceResults view={catalogHref(state)} message="No courses match." />
      <StatusPanel
        role="status"
        headingLevel={3}
        title="No courses match"
        actions={
          <>
            {filters && <ButtonLink href={catalogHref(clearFilters)}>Clear filters</ButtonLink>}
            {(state.q || !filters) && (
              <ButtonLink href={catalogHref(EMPTY_CATALOG_STATE)} variant={filters ? "secondary" : "primary"}>
                Show all courses
              </ButtonLink>
            )}
          </>
        }
      >
        We couldn't find any {describeView(state)}.{" "}
        {filters
          ? "Try removing a filter or two to see more."
          : "Try a shorter search or different words, such as a topic or a skill."}
      </StatusPanel>
    </>
  );
}

function Pagination({ state, nextCursor }: { state: CatalogState; nextCursor: string | null }) {
  const previous = previousPageState(state);
  if (!previous && !nextCursor) return null;
  const page = pageNumber(state);
  return (
    <nav
      aria-label="Pages of results"
      className="mt-10 flex items-center justify-between gap-4 border-t border-border pt-6"
    >
      {previous ? (
        <ButtonLink href={catalogHref(previous)} variant="secondary" rel="prev">
          <span aria-hidden="true">←</span> Previous<span className="sr-only"> page</span>
        </ButtonLink>
      ) : (
        <span />
      )}
      <p className="text-sm text-muted">Page {page}</p>
      {nextCursor ? (
        <ButtonLink href={catalogHref(nextPageState(state, nextCursor))} variant="secondary" rel="next">
          Next<span className="sr-only"> page</span> <span aria-hidden="true">→</span>
        </ButtonLink>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** One page of the catalog for the view in the URL, with worded empty and error states. */
export async function CatalogResults({ state, cached }: { state: CatalogState; cached: boolean }) {
  const result = await loadPage(state, cached);
  if ("building" in result)
    return (
      <>
        <CatalogGridSkeleton />
        {/* The build's placeholder: the first visitor's browser asks again until the regenerated page is there. */}
        <RefreshUntilBuilt />
      </>
    );
  if ("error" in result) return <ResultsError state={state} error={result.error} />;

  const { items, next_cursor: nextCursor } = result.page;
  if (items.length === 0) return <NoResults state={state} />;

  const page = pageNumber(state);
  const count = `${items.length} ${items.length === 1 ? "course" : "courses"}`;
  const summary = page > 1 || nextCursor ? `${count} on page ${page}` : count;
  return (
    <>
      <AnnounceResults view={catalogHref(state)} message={`Showing ${summary}.`} />
      <p className="mb-5 text-sm text-muted">
        Showing {summary}
        {state.q && (
          <>
            {" "}
            for <span className="font-medium text-foreground">“{state.q}”</span>
          </>
        )}
      </p>
      <CourseGrid courses={items} columns="sm:grid-cols-2 xl:grid-cols-3" />
      <Pagination state={state} nextCursor={nextCursor} />
      {page > 2 && (
        <p className="mt-4 text-center text-sm">
          <Link href={catalogHref(firstPage(state))} className="font-medium text-primary hover:underline">
            Back to the first page
          </Link>
        </p>
      )}
    </>
  );
}
