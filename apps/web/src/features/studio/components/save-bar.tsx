"use client";

import { buttonClasses } from "@/components/button-link";
import { Spinner } from "@/components/ui/spinner";

export type SaveState = "idle" | "saving" | "saved" | "failed";

const STATUS: Record<SaveState, (dirty: boolean) => string> = {
  idle: (dirty) => (dirty ? "Unsaved changes" : ""),
  saving: () => "Saving…",
  saved: (dirty) => (dirty ? "Unsaved changes" : "All changes saved"),
  failed: () => "Not saved",
};

/**
 * A form's save button with its state in words beside it: unsaved changes, saving, saved, not saved. While
 * saving the button stays focusable (aria-disabled) so keyboard focus is not lost.
 */
export function SaveBar({
  state,
  dirty,
  label = "Save changes",
  formId,
}: {
  state: SaveState;
  dirty: boolean;
  label?: string;
  /** The form the button submits, when it sits outside it. */
  formId?: string;
}) {
  const busy = state === "saving";
  const status = STATUS[state](dirty);
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <button
        type="submit"
        form={formId}
        aria-disabled={busy || undefined}
        className={`${buttonClasses("primary")} aria-disabled:cursor-progress aria-disabled:opacity-80`}
      >
        {busy && <Spinner />}
        {busy ? "Saving…" : label}
      </button>
      <p
        role="status"
        className={`flex items-center gap-1.5 text-sm ${state === "failed" ? "text-danger" : "text-muted"}`}
      >
        {state === "saved" && !dirty && (
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className="size-4 text-primary"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            <path d="M4.5 10.5l3.5 3.5 7.5-8" />
          </svg>
        )}
        {dirty && state !== "saving" && state !== "failed" && (
          <span aria-hidden="true" className="size-2 rounded-full bg-accent" />
        )}
        {status}
      </p>
    </div>
  );
}
