import type { FormEvent, ReactNode } from "react";
import { buttonClasses } from "@/components/button-link";
import { Spinner } from "@/components/ui/spinner";

/**
 * The form's main button. While busy it stays focusable (aria-disabled rather than disabled, so keyboard focus
 * isn't lost) and says what is happening; the form ignores submits meanwhile (see `whileIdle`).
 */
export function SubmitButton({
  busy,
  busyLabel,
  children,
  fullWidth = true,
  variant = "primary",
}: {
  busy: boolean;
  busyLabel: string;
  children: ReactNode;
  /** The account forms' button spans the form; elsewhere it sits beside others. */
  fullWidth?: boolean;
  /** `danger` for a button that destroys something (deleting the account). */
  variant?: "primary" | "danger";
}) {
  return (
    <>
      <button
        type="submit"
        aria-disabled={busy || undefined}
        className={`${buttonClasses(variant)} ${fullWidth ? "w-full" : ""} aria-disabled:cursor-progress aria-disabled:opacity-80`}
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
