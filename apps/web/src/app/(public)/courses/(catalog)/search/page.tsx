import type { Metadata } from "next";
import { listCategories } from "@/features/catalog/catalog.api";
import { catalogMetadata } from "@/features/catalog/catalog-metadata";
import { parseCatalogParams } from "@/features/catalog/catalog-params";
import { CatalogView } from "@/features/catalog/components/catalog-view";
import { isApiError } from "@/lib/api-client";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// A search, filters, an order or a later page of the catalog: `/courses?…`, rewritten here by src/proxy.ts and
// rendered per request (the combinations are endless; the first view at /courses is the cached one).
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  return catalogMetadata(parseCatalogParams(await searchParams));
}

/** Categories for the filter; without them the catalog still works, just without that filter's choices. */
async function categoriesOrNone(): Promise<string[]> {
  try {
    return await listCategories({ cache: "no-store" });
  } catch (error) {
    if (!isApiError(error)) throw error;
    console.error(`[catalog] categories unavailable: ${error.code} (HTTP ${error.status}) ${error.message}`);
    return [];
  }
}

export default async function CatalogSearchPage({ searchParams }: { searchParams: SearchParams }) {
  const state = parseCatalogParams(await searchParams);
  return <CatalogView state={state} categories={await categoriesOrNone()} cached={false} />;
}
