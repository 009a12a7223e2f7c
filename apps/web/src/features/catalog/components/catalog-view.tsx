import { Suspense } from "react";
import { Reveal } from "@/components/motion/reveal";
import { viewTitle } from "../catalog-metadata";
import { type CatalogState, catalogSearchParams } from "../catalog-params";
import { ActiveFilters } from "./active-filters";
import { CatalogFilters } from "./catalog-filters";
import { CatalogProvider } from "./catalog-provider";
import { CatalogResults } from "./catalog-results";
import { CatalogSearch } from "./catalog-search";
import { CatalogGridSkeleton } from "./catalog-skeleton";
import { CatalogSort } from "./catalog-sort";
import { ResultsAnnouncer } from "./results-announcer";

/**
 * The catalog page for a view: the cached first view (`/courses`, cached = true) or a search, filter, order or later
 * page (`/courses?…`, rendered per request; src/proxy.ts rewrites those to app/(public)/courses/(catalog)/search).
 */
export function CatalogView({
  state,
  categories,
  cached,
}: {
  state: CatalogState;
  categories: string[];
  cached: boolean;
}) {
  const title = viewTitle(state);
  return (
    <CatalogProvider state={state}>
      <div className="mx-auto max-w-page px-4 pt-10 pb-20 sm:px-6 sm:pt-14 lg:px-8">
        <header className="max-w-2xl">
          <h1 className="font-display text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
            Find your next course
          </h1>
          <p className="mt-4 text-lg leading-relaxed text-pretty text-muted">
            Video courses for every level, each with an AI tutor that answers from the lesson and points you to the
            moment it comes from.
          </p>
        </header>

        <div className="mt-8 max-w-2xl">
          <CatalogSearch />
        </div>

        <div className="mt-10 lg:grid lg:grid-cols-[14rem_minmax(0,1fr)] lg:gap-10 xl:gap-12">
          <aside aria-label="Filters" className="mb-6 lg:mb-0">
            <div className="lg:sticky lg:top-24">
              <CatalogFilters categories={categories} />
            </div>
          </aside>

          <section aria-labelledby="catalog-results-title" className="min-w-0">
            <div className="mb-4 flex flex-wrap items-center justify-between gap-x-6 gap-y-3">
              <h2 id="catalog-results-title" className="text-2xl font-semibold tracking-tight">
                {title ?? "All courses"}
              </h2>
              <CatalogSort />
            </div>
            <div className="mb-5 empty:hidden">
              <ActiveFilters />
            </div>
            <ResultsAnnouncer />
            {/* Keyed by the view: a new search or page shows the skeleton instead of the previous results,
                then the new cards rise into place one after another (not on the server-painted first view). */}
            <Suspense key={catalogSearchParams(state).toString()} fallback={<CatalogGridSkeleton />}>
              <Reveal items=":scope > ul > li">
                <CatalogResults state={state} cached={cached} />
              </Reveal>
            </Suspense>
          </section>
        </div>
      </div>
    </CatalogProvider>
  );
}
