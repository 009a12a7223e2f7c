import type { ReactNode } from "react";

/** What a form control needs to be tied to its label, hint and error. Spread it onto the input. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** Input styling shared by text, email and password fields; the red border follows aria-invalid. */
export const inputClasses =
  "block h-11 w-full rounded-xl border border-border-strong/60 bg-surface px-3.5 text-base text-foreground shadow-xs transition-colors placeholder:text-muted/80 hover:border-border-strong aria-invalid:border-danger aria-invalid:hover:border-danger";

/**
 * A labelled form control with an optional hint and error. The label is always visible; the hint and the error
 * are read out with the control (aria-describedby), and aria-invalid marks it while the error shows.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  labelAside,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** Something beside the label, such as a "Forgot your password?" link. */
  labelAside?: ReactNode;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;

  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <label htmlFor={id} className="text-sm font-medium text-foreground">
          {label}
        </label>
        {labelAside}
      </div>
      <div className="mt-1.5">
        {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      </div>
      {error && (
        <p id={errorId} className="mt-1.5 flex items-start gap-1.5 text-sm text-danger">
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className="mt-0.5 size-4 shrink-0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
          >
            <circle cx="10" cy="10" r="7.5" />
            <path d="M10 6.5v4m0 3h.01" />
          </svg>
          <span>{error}</span>
        </p>
      )}
      {hint && (
        <div id={hintId} className="mt-1.5 text-sm text-muted">
          {hint}
        </div>
      )}
    </div>
  );
}
