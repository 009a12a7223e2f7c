"use client";

import { useState } from "react";
import { Markdown } from "@/features/learn/markdown";
import { textareaClasses } from "./studio-ui";

/**
 * Markdown with a live preview rendered exactly as the learning room renders it. Side by side on wide screens;
 * on narrower ones a Write / Preview switch.
 */
export function MarkdownField({
  id,
  value,
  onChange,
  onBlur,
  error,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  error?: string | undefined;
}) {
  const [view, setView] = useState<"write" | "preview">("write");
  const toggle = (which: "write" | "preview", label: string) => (
    <button
      type="button"
      aria-pressed={view === which}
      onClick={() => setView(which)}
      className="rounded-full px-3.5 py-1.5 text-sm font-medium text-muted transition-colors hover:text-foreground aria-pressed:bg-surface aria-pressed:text-foreground aria-pressed:shadow-sm"
    >
      {label}
    </button>
  );
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          Lesson text (Markdown)
        </label>
        <fieldset className="flex gap-1 rounded-full bg-surface-muted p-1 xl:hidden">
          <legend className="sr-only">Show</legend>
          {toggle("write", "Write")}
          {toggle("preview", "Preview")}
        </fieldset>
      </div>
      <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
        # Heading, **bold**, *italic*, - lists, [links](https://…), `code` and tables.
      </p>
      <div className="mt-2 grid gap-4 xl:grid-cols-2">
        <div className={view === "write" ? "" : "hidden xl:block"}>
          <textarea
            id={id}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            onBlur={onBlur}
            rows={18}
            spellCheck
            aria-invalid={error ? true : undefined}
            aria-describedby={`${error ? `${id}-error ` : ""}${id}-hint`}
            className={`${textareaClasses} min-h-72 font-mono text-sm leading-relaxed`}
          />
        </div>
        <section
          aria-label="Preview"
          className={`${view === "preview" ? "" : "hidden xl:block"} max-h-[36rem] min-h-72 overflow-y-auto rounded-xl border border-border bg-background px-5 py-4`}
        >
          {value.trim() ? (
            <Markdown source={value} />
          ) : (
            <p className="text-sm text-muted">The preview shows here as you write.</p>
          )}
        </section>
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
