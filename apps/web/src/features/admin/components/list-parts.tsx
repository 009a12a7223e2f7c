"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { inputClasses } from "@/components/ui/form-field";
import { Bone, SectionError, SectionLoading } from "@/components/ui/section";
import { errorText } from "@/lib/error-text";
import type { KeysetList } from "@/lib/use-keyset-list";
import { plural } from "../admin-format";

/** How long typing must pause before a search runs (and lands in the URL). */
const SEARCH_DEBOUNCE_MS = 350;

/**
 * A search box that searches as you type once typing pauses, or at once on Enter. `value` is the search in the
 * URL: it replaces the text only when it changes from outside (back/forward), never while someone types.
 */
interface SearchFieldProps {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onSearch: (q: string) => void;
}

function SearchField({ id, label, placeholder, value, onSearch }: SearchFieldProps) {
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const send = (q: string) => {
    clearTimeout(timer.current);
    if (q.trim() === sent.current.trim()) return;
    sent.current = q.trim();
    onSearch(q.trim());
  };

  return (
    <div className="min-w-0 flex-1">
      <label htmlFor={id} className="text-sm font-medium text-foreground">
        {label}
      </label>
      <div className="relative mt-1.5">
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="pointer-events-none absolute top-1/2 left-3.5 size-4 -translate-y-1/2 text-muted"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
        >
          <circle cx="9" cy="9" r="5.5" />
          <path d="m13.5 13.5 3 3" />
        </svg>
        <input
          id={id}
          type="search"
          value={text}
          placeholder={placeholder}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            const next = event.target.value;
            setText(next);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => send(next), SEARCH_DEBOUNCE_MS);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              send(text);
            }
          }}
          className={`${inputClasses} pl-10`}
        />
      </div>
    </div>
  );
}

/** A labelled drop-down filter; the empty value means "any". */
interface FilterSelectProps<T extends string> {
  id: string;
  label: string;
  value: T | null;
  anyLabel: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T | null) => void;
}

function FilterSelect<T extends string>({ id, label, value, anyLabel, options, onChange }: FilterSelectProps<T>) {
  return (
    <div className="sm:w-52">
      <label htmlFor={id} className="text-sm font-medium text-foreground">
        {label}
      </label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(event) => {
          const picked = options.find((o) => o.value === event.target.value);
          onChange(picked ? picked.value : null);
        }}
        className={`${inputClasses} mt-1.5 pr-8`}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Above a list: the search box and one drop-down filter side by side (stacked on a phone), and the line where a
 * change made in the list is announced.
 */
export function ListHeader<T extends string>({
  search,
  filter,
  announcement,
}: {
  search: SearchFieldProps;
  filter: FilterSelectProps<T>;
  announcement: string;
}) {
  return (
    <>
      <search className="mt-8 flex flex-col gap-4 sm:flex-row sm:items-end">
        <SearchField {...search} />
        <FilterSelect {...filter} />
      </search>
      <p role="status" className="mt-4 min-h-6 text-sm font-medium text-primary">
        {announcement}
      </p>
    </>
  );
}

/** Under a list: how much is shown, and "load more" while the API has more (with its own error and retry). */
function ListFooter({
  shown,
  noun,
  hasMore,
  loadingMore,
  moreError,
  onLoadMore,
}: {
  shown: string;
  noun: string;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: unknown;
  onLoadMore: () => void;
}) {
  return (
    <div className="mt-6 flex flex-col items-center gap-3 text-center text-sm text-muted">
      <p aria-live="polite">{hasMore ? `Showing the newest ${shown}.` : `${shown} in all.`}</p>
      {moreError ? (
        <p role="alert" className="text-danger">
          We couldn't load more {noun}. {errorText(moreError)}
        </p>
      ) : null}
      {hasMore && (
        <button
          type="button"
          onClick={onLoadMore}
          disabled={loadingMore}
          aria-busy={loadingMore || undefined}
          className={`${buttonClasses("secondary")} disabled:opacity-60`}
        >
          {loadingMore ? "Loading…" : moreError ? "Try again" : `Load more ${noun}`}
        </button>
      )}
    </div>
  );
}

/**
 * Moves a list to other filters through the URL, which is where its filters live (back and forward work, a link
 * shares them). "replace" for search as you type, so every pause doesn't leave a history entry.
 */
export function useFilterNavigation<F>(href: (filters: F) => string) {
  const router = useRouter();
  return (next: F, mode: "push" | "replace" = "push") => router[mode](href(next), { scroll: false });
}

/** A list with nothing to show: why, perhaps a hint, and a way back to everything when filters hid it all. */
export function EmptyList({
  title,
  hint,
  resetLabel,
  onReset,
}: {
  title: string;
  hint?: string | null;
  resetLabel: string;
  /** Given while filters are applied. */
  onReset?: (() => void) | null;
}) {
  return (
    <div className="rounded-card border border-dashed border-border-strong/50 px-6 py-10 text-center">
      <p className="font-medium">{title}</p>
      {hint && <p className="mt-1 text-sm text-muted">{hint}</p>}
      {onReset && (
        <button type="button" onClick={onReset} className={`${buttonClasses("secondary", "sm")} mt-4`}>
          {resetLabel}
        </button>
      )}
    </div>
  );
}

/**
 * A keyset list in each of its states: placeholder cards while the first page loads, the failure with a retry,
 * `empty` when there is nothing, else the items and the footer with "load more".
 */
export function KeysetListStates<T>({
  list,
  label,
  one,
  loadingLabel,
  boneClassName,
  what,
  empty,
  children,
}: {
  list: KeysetList<T>;
  /** The list's name, such as "Courses". */
  label: string;
  /** One item in words, such as "course": "1 course", "20 courses", "Load more courses". */
  one: string;
  loadingLabel: string;
  /** The placeholder cards' height, near an item's. */
  boneClassName: string;
  /** What failed to load: "We couldn't load {what}." */
  what: string;
  empty: ReactNode;
  children: (item: T) => ReactNode;
}) {
  if (list.status === "loading") {
    return (
      <SectionLoading label={loadingLabel}>
        <div className="space-y-3">
          {[0, 1, 2, 3].map((n) => (
            <Bone key={n} className={`${boneClassName} rounded-card`} />
          ))}
        </div>
      </SectionLoading>
    );
  }
  if (list.status === "error") return <SectionError what={what} error={list.error} onRetry={list.retry} />;
  if (list.items.length === 0) return empty;
  return (
    <>
      <ul aria-label={label} className="space-y-3">
        {list.items.map(children)}
      </ul>
      <ListFooter
        shown={plural(list.items.length, one)}
        noun={`${one}s`}
        hasMore={list.hasMore}
        loadingMore={list.loadingMore}
        moreError={list.moreError}
        onLoadMore={list.loadMore}
      />
    </>
  );
}

/** A small pill for a state (role, status, verification). */
export function Badge({
  tone = "neutral",
  children,
}: {
  tone?: "neutral" | "primary" | "accent" | "danger";
  children: ReactNode;
}) {
  const tones = {
    neutral: "bg-surface-muted text-muted",
    primary: "bg-primary-soft text-primary",
    accent: "bg-accent-soft text-accent",
    danger: "bg-danger-soft text-danger",
  } as const;
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ${tones[tone]}`}>
      {children}
    </span>
  );
}
