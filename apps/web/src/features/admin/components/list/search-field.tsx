"use client";

import { useEffect, useRef, useState } from "react";
import { inputClasses } from "@/components/ui/form-field";

/** How long typing must pause before a search runs (and lands in the URL). */
const SEARCH_DEBOUNCE_MS = 350;

/**
 * A search box that searches as you type once typing pauses, or at once on Enter. `value` is the search in the
 * URL: it replaces the text only when it changes from outside (back/forward), never while someone types.
 */
export interface SearchFieldProps {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onSearch: (q: string) => void;
}

export function SearchField({ id, label, placeholder, value, onSearch }: SearchFieldProps) {
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
