"use client";

import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { formatCategory, formatLevel } from "@/features/courses/course-format";
import { type ApiClient, api } from "@/lib/api-client";
import { type CourseSuggestion, suggestCourses } from "../catalog.api";

/** Suggestions start at this many characters: one letter matches half the catalog. */
export const MIN_SUGGEST_LENGTH = 2;
const SUGGESTION_LIMIT = 6;

export interface SearchComboboxProps {
  /** The search the page currently shows; the field follows it on back/forward. */
  query: string;
  /** Submitting runs the full search (Enter with no suggestion chosen, or the Search button). */
  onSearch: (query: string) => void;
  /** Choosing a suggestion (Enter on it, or a click). */
  onPick: (suggestion: CourseSuggestion) => void;
  /** Hidden fields, so the form still works before the page's script runs. */
  hiddenFields?: Record<string, string>;
  pending?: boolean;
  debounceMs?: number;
  client?: ApiClient;
}

/** Bolds the part of a title that matches what was typed (case-insensitive, first match). */
function highlight(title: string, typed: string): ReactNode {
  const at = title.toLowerCase().indexOf(typed.trim().toLowerCase());
  if (!typed.trim() || at < 0) return title;
  const end = at + typed.trim().length;
  return (
    <>
      {title.slice(0, at)}
      <span className="font-semibold text-foreground">{title.slice(at, end)}</span>
      {title.slice(end)}
    </>
  );
}

/**
 * The catalog's search field: an ARIA 1.2 combobox with a list of course titles suggested as you type
 * (debounced; older requests are cancelled). Arrow keys move through the list, Enter opens the highlighted
 * course or, with none highlighted, runs the full search, Escape closes the list and then clears the field.
 */
export function SearchCombobox({
  query,
  onSearch,
  onPick,
  hiddenFields = {},
  pending = false,
  debounceMs = 250,
  client = api,
}: SearchComboboxProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const listboxId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const inputRef = useRef<HTMLInputElement>(null);

  const [text, setText] = useState(query);
  const [shownQuery, setShownQuery] = useState(query);
  /** What to fetch suggestions for: set by typing only, so a search arriving from the URL stays quiet. */
  const [suggestFor, setSuggestFor] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<CourseSuggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  // The page's search changed under us (back/forward, a "clear" link): show it in the field.
  if (query !== shownQuery) {
    setShownQuery(query);
    setText(query);
    setSuggestFor(null);
    setOpen(false);
    setActive(-1);
  }

  useEffect(() => {
    const term = suggestFor?.trim() ?? "";
    if (term.length < MIN_SUGGEST_LENGTH) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      suggestCourses(term, { signal: controller.signal, limit: SUGGESTION_LIMIT }, client).then(
        (items) => {
          if (controller.signal.aborted) return;
          setSuggestions(items);
          setOpen(items.length > 0);
          setActive(-1);
        },
        () => {
          // Suggestions are a convenience: when they fail, the full search still works.
          if (controller.signal.aborted) return;
          setSuggestions([]);
          setOpen(false);
        },
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [suggestFor, debounceMs, client]);

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function pick(suggestion: CourseSuggestion) {
    setSuggestFor(null);
    close();
    onPick(suggestion);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSuggestFor(null);
    close();
    onSearch(text.trim());
  }

  function clear() {
    setText("");
    setSuggestFor(null);
    close();
    inputRef.current?.focus();
    if (query) onSearch("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = suggestions.length;
    switch (event.key) {
      case "ArrowDown": {
        if (count === 0) return;
        event.preventDefault();
        if (!open || event.altKey) {
          setOpen(true);
          if (!event.altKey) setActive(0);
          return;
        }
        setActive((current) => (current + 1) % count);
        return;
      }
      case "ArrowUp": {
        if (count === 0) return;
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(count - 1);
          return;
        }
        setActive((current) => (current <= 0 ? count - 1 : current - 1));
        return;
      }
      case "Enter": {
        const chosen = open && active >= 0 ? suggestions[active] : undefined;
        if (chosen) {
          event.preventDefault();
          pick(chosen);
        }
        // Otherwise the form submits: the full search.
        return;
      }
      case "Escape": {
        if (open) {
          event.preventDefault();
          close();
        } else if (text) {
          event.preventDefault();
          setText("");
          setSuggestFor(null);
          setSuggestions([]);
        }
        return;
      }
      case "Tab":
        close();
        return;
      default:
        return;
    }
  }

  const expanded = open && suggestions.length > 0;
  const activeId = expanded && active >= 0 ? optionId(active) : undefined;
  const status = expanded
    ? `${suggestions.length} ${suggestions.length === 1 ? "suggestion" : "suggestions"}. Use the up and down arrows to choose one.`
    : "";

  return (
    <search>
      <form action="/courses" method="get" onSubmit={submit} className="relative">
        {Object.entries(hiddenFields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label htmlFor={inputId} className="sr-only">
          Search courses
        </label>
        <div className="flex items-center gap-2 rounded-full border border-border-strong/50 bg-surface p-1.5 pl-4 shadow-card transition-colors focus-within:border-primary">
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className="size-5 shrink-0 text-muted"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
          >
            <circle cx="8.5" cy="8.5" r="5.5" />
            <path d="M13 13l4.5 4.5" />
          </svg>
          <input
            ref={inputRef}
            id={inputId}
            name="q"
            type="text"
            inputMode="search"
            enterKeyHint="search"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listboxId}
            aria-activedescendant={activeId}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            placeholder="Search courses or topics"
            value={text}
            onChange={(event) => {
              const value = event.target.value;
              setText(value);
              setSuggestFor(value);
              setActive(-1);
              if (value.trim().length < MIN_SUGGEST_LENGTH) {
                setSuggestions([]);
                setOpen(false);
              }
            }}
            onKeyDown={onKeyDown}
            onBlur={close}
            className="h-10 min-w-0 flex-1 bg-transparent text-base text-foreground placeholder:text-muted focus-visible:outline-none"
          />
          {text && (
            <button
              type="button"
              onClick={clear}
              aria-label="Clear search"
              className="flex size-9 shrink-0 items-center justify-center rounded-full text-muted transition-colors hover:bg-surface-muted hover:text-foreground"
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 20 20"
                className="size-4"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              >
                <path d="M5 5l10 10M15 5L5 15" />
              </svg>
            </button>
          )}
          <button type="submit" className={`${buttonClasses("primary", "sm")} h-10`} aria-busy={pending || undefined}>
            {pending ? "Searching…" : "Search"}
          </button>
        </div>

        <div
          id={listboxId}
          role="listbox"
          aria-label="Suggested courses"
          hidden={!expanded}
          className="absolute inset-x-0 top-full z-30 mt-2 overflow-hidden rounded-2xl border border-border bg-surface py-1.5 shadow-card-hover"
        >
          {suggestions.map((suggestion, index) => (
            // biome-ignore lint/a11y/useFocusableInteractive: options stay unfocused; the field keeps focus and points at the active one (aria-activedescendant)
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works through the field's arrow keys and Enter
            <div
              key={suggestion.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              // Keeps focus in the field, so the click lands before the list closes on blur.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(suggestion)}
              onMouseMove={() => setActive(index)}
              className="flex cursor-pointer items-center justify-between gap-4 px-4 py-2.5 text-sm text-muted aria-selected:bg-primary-soft aria-selected:text-foreground"
            >
              <span className="min-w-0 truncate">{highlight(suggestion.title, text)}</span>
              <span className="shrink-0 text-xs text-muted">
                {formatCategory(suggestion.category)} · {formatLevel(suggestion.level)}
              </span>
            </div>
          ))}
        </div>
        <p role="status" className="sr-only">
          {status}
        </p>
      </form>
    </search>
  );
}
