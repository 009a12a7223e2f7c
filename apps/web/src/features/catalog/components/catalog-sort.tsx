"use client";

import { useId } from "react";
import { catalogSearchParams, effectiveSort, SORT_LABELS, type CatalogSort as Sort } from "../catalog-params";
import { useCatalog } from "./catalog-provider";

const ORDER: Sort[] = ["relevance", "newest", "popular", "rating"];

export function CatalogSort() {
  const { state, change } = useCatalog();
  const id = useId();
  // "Best match" needs search text to rank by.
  const options = ORDER.filter((sort) => sort !== "relevance" || state.q);
  const kept = catalogSearchParams({ ...state, sort: null, cursor: null, prev: [] });

  return (
    <form action="/courses" method="get" className="flex items-center gap-2" onSubmit={(e) => e.preventDefault()}>
      {[...kept.entries()].map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={id} className="text-sm whitespace-nowrap text-muted">
        Sort by
      </label>
      <select
        id={id}
        name="sort"
        value={effectiveSort(state)}
        onChange={(event) => change({ sort: options.find((sort) => sort === event.target.value) ?? null })}
        className="h-10 rounded-full border border-border-strong/50 bg-surface pr-9 pl-4 text-sm font-medium text-foreground transition-colors hover:border-border-strong"
      >
        {options.map((sort) => (
          <option key={sort} value={sort}>
            {SORT_LABELS[sort]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="h-10 rounded-full border border-border-strong/50 px-4 text-sm font-medium">
          Sort
        </button>
      </noscript>
    </form>
  );
}
