import type { Metadata } from "next";
import { Suspense } from "react";
import { Reveal } from "@/components/motion/reveal";
import { listCategories } from "@/features/catalog/catalog.api";
import {
  type CatalogState,
  catalogHref,
  catalogSearchParams,
  PRICE_LABELS,
  parseCatalogParams,
} from "@/features/catalog/catalog-params";
import { ActiveFilters } from "@/features/catalog/components/active-filters";
import { CatalogFilters } from "@/features/catalog/components/catalog-filters";
import { CatalogProvider } from "@/features/catalog/components/catalog-provider";
import { CatalogResults } from "@/features/catalog/components/catalog-results";
import { CatalogSearch } from "@/features/catalog/components/catalog-search";
import { CatalogGridSkeleton } from "@/features/catalog/components/catalog-skeleton";
import { CatalogSort } from "@/features/catalog/components/catalog-sort";
import { ResultsAnnouncer } from "@/features/catalog/components/results-announcer";
import { formatCategory, formatLevel } from "@/features/courses/course-format";
import { absoluteUrl, siteOrigin } from "@/features/courses/site-origin";
import { isApiError } from "@/lib/api-client";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const DESCRIPTION =
  "Browse Lumen's video courses by topic, level and price. Every lesson comes with an AI tutor that answers from the course and shows you the exact moment in the video.";

/** "Free beginner Programming courses", "Courses matching “sql”", or null for the whole catalog. */
function viewTitle(state: CatalogState): string | null {
  if (state.q) return `Courses matching “${state.q}”`;
  const words: string[] = [];
  if (state.price) words.push(PRICE_LABELS[state.price].toLowerCase());
  if (state.level) words.push(formatLevel(state.level).toLowerCase());
  if (state.category) words.push(formatCategory(state.category));
  if (words.length === 0) return null;
  const text = `${words.join(" ")} courses`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const state = parseCatalogParams(await searchParams);
  const title = viewTitle(state) ?? "Course catalog";
  const origin = siteOrigin();
  const url = absoluteUrl(origin, catalogHref({ ...state, cursor: null, prev: [] }));
  return {
    title,
    description: DESCRIPTION,
    alternates: { canonical: url },
    // Search results and later pages are not pages of their own for search engines.
    robots: state.q || state.cursor ? { index: false, follow: true } : undefined,
    openGraph: {
      type: "website",
      siteName: "Lumen",
      title: `${title} · Lumen`,
      description: DESCRIPTION,
      url,
      locale: "en_US",
    },
    twitter: { card: "summary", title: `${title} · Lumen`, description: DESCRIPTION },
  };
}

/** Categories for the filter; without them the catalog still works, just without that filter's choices. */
async function categoriesOrNone(): Promise<string[]> {
  try {
    return await listCategories();
  } catch (error) {
    if (!isApiError(error)) throw error;
    console.error(`[catalog] categories unavailable: ${error.code} (HTTP ${error.status}) ${error.message}`);
    return [];
  }
}

export default async function CatalogPage({ searchParams }: { searchParams: SearchParams }) {
  const state = parseCatalogParams(await searchParams);
  const categories = await categoriesOrNone();
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
                <CatalogResults state={state} />
              </Reveal>
            </Suspense>
          </section>
        </div>
      </div>
    </CatalogProvider>
  );
}
