import type { Metadata } from "next";
import { listCategories } from "@/features/catalog/catalog.api";
import { catalogMetadata } from "@/features/catalog/catalog-metadata";
import { EMPTY_CATALOG_STATE } from "@/features/catalog/catalog-params";
import { CatalogView } from "@/features/catalog/components/catalog-view";
import { CATALOG_TAG, publicRead, readForCachedPage } from "@/lib/public-cache";

// The catalog's first view (no search, filters or page), served from Next's cache (lib/public-cache.ts) under the
// `catalog` tag. `/courses?…` is another route (src/proxy.ts rewrites it to ./search), rendered per request.
export const revalidate = 300;

export const metadata: Metadata = catalogMetadata(EMPTY_CATALOG_STATE);

export default async function CatalogPage() {
  const categories = await readForCachedPage(() => listCategories(publicRead([CATALOG_TAG])), "categories");
  return <CatalogView state={EMPTY_CATALOG_STATE} categories={categories ?? []} cached />;
}
