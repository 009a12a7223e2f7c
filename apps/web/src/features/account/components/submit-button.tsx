import type { FormEvent, ReactNode } from "react";
import { buttonClasses } from "@/components/button-link";

export function Spinner({ className }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={`size-4 motion-safe:animate-spin ${className ?? ""}`}>
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="3" opacity="0.25" />
      <path d="M21 12a9 9 0 00-9-9" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The form's main button. While busy it stays focusable (aria-disabled rather than disabled, so keyboard focus
 * isn't lost) and says what is happening; the form ignores submits meanwhile (see `whileIdle`).
 */
export function SubmitButton({ busy, busyLabel, children }: { busy: boolean; busyLabel: string; children: ReactNode }) {
  return (
    <>
      <button
        type="submit"
        aria-disabled={busy || undefined}
        className={`${buttonClasses("primary")} w-full aria-disabled:cursor-progress aria-disabled:opacity-80`}
      >
        {busy && <Spinner />}
        {busy ? busyLabel : children}
      </button>
      <span role="status" className="sr-only">
        {busy ? busyLabel : ""}
      </span>
    </>
  );
}

/** Wraps a submit handler so a second press while the first request runs does nothing. */
export function whileIdle(busy: boolean, onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>) {
  return (event: FormEvent<HTMLFormElement>) => {
    if (busy) {
      event.preventDefault();
      return;
    }
    void onSubmit(event);
  };
}
