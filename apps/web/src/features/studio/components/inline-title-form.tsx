"use client";

import { type ReactNode, useId, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { inputClasses } from "@/components/ui/form-field";

const MAX = 160;

/**
 * A one-field form for a title (a new module, a renamed one): checked here for the API's rules (1–160
 * characters), then `onSubmit`, which resolves true when saved. Escape cancels when there is a cancel.
 */
export function InlineTitleForm({
  label,
  initial = "",
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus = false,
  children,
}: {
  label: string;
  initial?: string;
  submitLabel: string;
  onSubmit: (title: string) => Promise<boolean>;
  onCancel?: () => void;
  autoFocus?: boolean;
  /** Extra controls beside the title (the lesson kind). */
  children?: ReactNode;
}) {
  const id = useId();
  const [title, setTitle] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (busy) return;
        const value = title.trim();
        if (!value) return setError("Give it a title");
        if (value.length > MAX) return setError(`A title must be at most ${MAX} characters`);
        setError(null);
        setBusy(true);
        const saved = await onSubmit(value);
        setBusy(false);
        if (saved && !onCancel) setTitle("");
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape" && onCancel) {
          event.preventDefault();
          onCancel();
        }
      }}
      className="flex flex-col gap-2 sm:flex-row sm:items-start"
    >
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="sr-only">
          {label}
        </label>
        <input
          id={id}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          placeholder={label}
          // biome-ignore lint/a11y/noAutofocus: opened by the person to type in it at once
          autoFocus={autoFocus}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`${inputClasses} h-10`}
        />
        {error && (
          <p id={`${id}-error`} className="mt-1 text-sm text-danger">
            {error}
          </p>
        )}
      </div>
      {children}
      <div className="flex gap-2">
        <button
          type="submit"
          aria-disabled={busy || undefined}
          className={`${buttonClasses("primary", "sm")} h-10 aria-disabled:opacity-80`}
        >
          {busy ? "Saving…" : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} className={`${buttonClasses("ghost", "sm")} h-10`}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
