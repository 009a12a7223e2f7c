"use client";

import { LEVELS } from "@lumen/contracts";
import { useId, useState } from "react";
import { formatCategory, formatLevel } from "@/features/courses/course-format";
import { activeFilterCount, catalogSearchParams, PRICE_FILTERS, PRICE_LABELS } from "../catalog-params";
import { useCatalog } from "./catalog-provider";

interface Option {
  value: string;
  label: string;
}

function RadioGroup({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
}) {
  return (
    <div className="border-t border-border pt-5 first:border-t-0 first:pt-0">
      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-foreground">{legend}</legend>
        <div className="-mx-2 flex flex-col gap-0.5">
          {options.map((option) => (
            <label
              key={option.value}
              className="flex cursor-pointer items-center gap-3 rounded-lg px-2 py-1.5 text-sm text-muted transition-colors hover:bg-surface-muted hover:text-foreground has-[:checked]:font-medium has-[:checked]:text-foreground"
            >
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={option.value === value}
                onChange={() => onChange(option.value)}
                className="size-4 shrink-0 accent-primary"
              />
              {option.label}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * Category, level and price. Each choice applies at once (and is one step in the browser's history); on a
 * phone the panel folds into a "Filters" disclosure above the results.
 */
export function CatalogFilters({ categories }: { categories: string[] }) {
  const { state, change } = useCatalog();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const count = activeFilterCount(state);

  // The URL may name a category in another case, or one no published course uses any more: keep it choosable.
  const chosen = state.category?.toLowerCase() ?? "";
  const known = categories.find((category) => category.toLowerCase() === chosen);
  const categoryOptions = state.category && !known ? [...categories, state.category] : categories;

  // Without script the panel is a plain form: these keep the search and the order.
  const kept = catalogSearchParams({ ...state, category: null, level: null, price: null, cursor: null, prev: [] });

  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex h-11 w-full items-center justify-between gap-3 rounded-full border border-border-strong/50 bg-surface px-5 text-[0.95rem] font-medium text-foreground transition-colors hover:bg-surface-muted lg:hidden"
      >
        <span className="inline-flex items-center gap-2">
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className="size-4 text-muted"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
          >
            <path d="M3 5h14M6 10h8M8.5 15h3" />
          </svg>
          Filters
          {count > 0 && (
            <span className="rounded-full bg-primary px-2 py-0.5 text-xs font-semibold text-primary-foreground">
              {count}
              <span className="sr-only"> active</span>
            </span>
          )}
        </span>
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className={`size-4 text-muted transition-transform ${open ? "rotate-180" : ""}`}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M5 7.5l5 5 5-5" />
        </svg>
      </button>

      <form
        id={panelId}
        action="/courses"
        method="get"
        aria-labelledby={headingId}
        onSubmit={(event) => event.preventDefault()}
        className={`${open ? "mt-3 block" : "hidden"} rounded-card border border-border bg-surface p-5 shadow-card lg:mt-0 lg:block lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none`}
      >
        <div className="mb-4 flex items-baseline justify-between gap-3">
          <h2 id={headingId} className="text-base font-semibold tracking-tight">
            Filter courses
          </h2>
          {count > 0 && (
            <button
              type="button"
              onClick={() => change({ category: null, level: null, price: null })}
              className="rounded-md text-sm font-medium text-primary hover:text-primary-hover hover:underline"
            >
              Clear filters
            </button>
          )}
        </div>
        {[...kept.entries()].map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="flex flex-col gap-5">
          <RadioGroup
            legend="Category"
            name="category"
            value={known ?? state.category ?? ""}
            options={[
              { value: "", label: "All categories" },
              ...categoryOptions.map((category) => ({ value: category, label: formatCategory(category) })),
            ]}
            onChange={(value) => change({ category: value || null })}
          />
          <RadioGroup
            legend="Level"
            name="level"
            value={state.level ?? ""}
            options={[
              { value: "", label: "Any level" },
              ...LEVELS.map((level) => ({ value: level, label: formatLevel(level) })),
            ]}
            onChange={(value) => change({ level: LEVELS.find((level) => level === value) ?? null })}
          />
          <RadioGroup
            legend="Price"
            name="price"
            value={state.price ?? ""}
            options={[
              { value: "", label: "Any price" },
              ...PRICE_FILTERS.map((price) => ({ value: price, label: PRICE_LABELS[price] })),
            ]}
            onChange={(value) => change({ price: PRICE_FILTERS.find((price) => price === value) ?? null })}
          />
        </div>
        <noscript>
          <button
            type="submit"
            className="mt-5 inline-flex h-10 items-center rounded-full bg-primary px-5 text-sm font-medium text-primary-foreground"
          >
            Apply filters
          </button>
        </noscript>
      </form>
    </div>
  );
}
