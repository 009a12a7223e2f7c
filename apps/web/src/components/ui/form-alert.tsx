import type { ReactNode } from "react";

/**
 * A message about the whole form. Problems use role="alert" so they are read out at once; good news uses
 * role="status", read out politely.
 */
export function FormAlert({ tone = "danger", children }: { tone?: "danger" | "success"; children: ReactNode }) {
  const danger = tone === "danger";
  return (
    <div
      role={danger ? "alert" : "status"}
      className={`flex items-start gap-3 rounded-xl border px-4 py-3 text-sm leading-relaxed ${
        danger ? "border-danger/30 bg-danger-soft text-foreground" : "border-primary/25 bg-primary-soft text-foreground"
      }`}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        className={`mt-0.5 size-4 shrink-0 ${danger ? "text-danger" : "text-primary"}`}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {danger ? (
          <>
            <circle cx="10" cy="10" r="7.5" />
            <path d="M10 6.5v4m0 3h.01" />
          </>
        ) : (
          <path d="M4.5 10.5l3.5 3.5 7.5-8" />
        )}
      </svg>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
