"use client";

import { useRouter } from "next/navigation";
import { catalogSearchParams } from "../catalog-params";
import { useCatalog } from "./catalog-provider";
import { SearchCombobox } from "./search-combobox";

/** The search field wired to the URL: a suggestion opens that course, a search updates the catalog. */
export function CatalogSearch() {
  const router = useRouter();
  const { state, change, isPending } = useCatalog();

  // Without script the form submits natively; these keep the filters and order in that request.
  const params = catalogSearchParams({ ...state, q: "", cursor: null, prev: [] });
  const hiddenFields = Object.fromEntries(params.entries());

  return (
    <SearchCombobox
      query={state.q}
      pending={isPending}
      hiddenFields={hiddenFields}
      onSearch={(q) => change({ q })}
      onPick={(suggestion) => router.push(`/courses/${encodeURIComponent(suggestion.id)}`)}
    />
  );
}
