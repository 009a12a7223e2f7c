"use client";

import { formatCategory, formatLevel } from "@/features/courses/course-format";
import { type CatalogFilterChanges, PRICE_LABELS } from "../catalog-params";
import { useCatalog } from "./catalog-provider";

interface Chip {
  key: string;
  label: string;
  remove: CatalogFilterChanges;
}

/** What the list is narrowed by, each removable in one click; handy on a phone where the filters fold away. */
export function ActiveFilters() {
  const { state, change } = useCatalog();
  const chips: Chip[] = [];
  if (state.q) chips.push({ key: "q", label: `“${state.q}”`, remove: { q: "" } });
  if (state.category)
    chips.push({ key: "category", label: formatCategory(state.category), remove: { category: null } });
  if (state.level) chips.push({ key: "level", label: formatLevel(state.level), remove: { level: null } });
  if (state.price) chips.push({ key: "price", label: PRICE_LABELS[state.price], remove: { price: null } });
  if (chips.length === 0) return null;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="sr-only">Active filters:</span>
      <ul className="flex flex-wrap items-center gap-2">
        {chips.map((chip) => (
          <li key={chip.key}>
            <button
              type="button"
              onClick={() => change(chip.remove)}
              className="inline-flex h-8 items-center gap-1.5 rounded-full bg-primary-soft pr-2.5 pl-3 text-sm font-medium text-primary transition-colors hover:bg-primary hover:text-primary-foreground"
            >
              <span className="sr-only">Remove </span>
              {chip.label}
              <svg
                aria-hidden="true"
                viewBox="0 0 20 20"
                className="size-3.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="2.2"
                strokeLinecap="round"
              >
                <path d="M5.5 5.5l9 9M14.5 5.5l-9 9" />
              </svg>
            </button>
          </li>
        ))}
      </ul>
      {chips.length > 1 && (
        <button
          type="button"
          onClick={() => change({ q: "", category: null, level: null, price: null })}
          className="rounded-md px-1 text-sm font-medium text-muted underline-offset-2 hover:text-foreground hover:underline"
        >
          Clear all
        </button>
      )}
    </div>
  );
}
