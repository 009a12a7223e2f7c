"use client";

import { type KeyboardEvent, useState } from "react";
import { type FieldControlProps, inputClasses } from "@/components/ui/form-field";

const MAX_TAGS = 12;

/**
 * Tags as removable chips: Enter or a comma adds what was typed (lowercased, no repeats), Backspace in the empty
 * box removes the last one. The chips' remove buttons name their tag.
 */
export function TagInput({
  value,
  onChange,
  onBlur,
  control,
}: {
  value: string[];
  onChange: (tags: string[]) => void;
  onBlur: () => void;
  control: FieldControlProps;
}) {
  const [draft, setDraft] = useState("");
  const full = value.length >= MAX_TAGS;

  const add = (text: string) => {
    const tags = text
      .split(",")
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean);
    const next = [...value];
    for (const tag of tags) if (!next.includes(tag) && next.length < MAX_TAGS) next.push(tag);
    if (next.length !== value.length) onChange(next);
    setDraft("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === "Enter" || event.key === ",") && draft.trim()) {
      event.preventDefault();
      add(draft);
    } else if (event.key === "Enter") {
      // An empty box: Enter must not submit the whole form by accident.
      event.preventDefault();
    } else if (event.key === "Backspace" && !draft && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div>
      {value.length > 0 && (
        <ul aria-label="Chosen tags" className="mb-2 flex flex-wrap gap-1.5">
          {value.map((tag) => (
            <li
              key={tag}
              className="inline-flex items-center gap-1 rounded-full bg-surface-muted py-0.5 pr-1 pl-3 text-sm ring-1 ring-border ring-inset"
            >
              {tag}
              <button
                type="button"
                onClick={() => onChange(value.filter((t) => t !== tag))}
                className="inline-flex size-6 items-center justify-center rounded-full text-muted hover:bg-border hover:text-foreground"
              >
                <span className="sr-only">Remove tag {tag}</span>
                <svg
                  aria-hidden="true"
                  viewBox="0 0 20 20"
                  className="size-3.5"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                  strokeLinecap="round"
                >
                  <path d="M6 6l8 8M14 6l-8 8" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        {...control}
        value={draft}
        disabled={full}
        onChange={(event) => {
          const text = event.target.value;
          if (text.endsWith(",")) add(text);
          else setDraft(text);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (draft.trim()) add(draft);
          onBlur();
        }}
        placeholder={full ? "That's the most tags a course can have" : "Type a tag and press Enter"}
        className={`${inputClasses} disabled:opacity-60`}
      />
    </div>
  );
}
