import type { ReactNode } from "react";

type Tone = "neutral" | "danger";

const ICONS: Record<Tone, ReactNode> = {
  neutral: <path d="M12 8v4m0 4h.01M21 12a9 9 0 11-18 0 9 9 0 0118 0z" />,
  danger: <path d="M12 9v4m0 4h.01M10.3 3.9L1.8 18a2 2 0 001.7 3h17a2 2 0 001.7-3L13.7 3.9a2 2 0 00-3.4 0z" />,
};

/** A calm, worded message for empty, failed and missing states (never a blank page). */
export function StatusPanel({
  tone = "neutral",
  title,
  children,
  actions,
  headingLevel = 2,
  role,
}: {
  tone?: Tone;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  headingLevel?: 1 | 2 | 3;
  role?: "status" | "alert";
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      role={role}
      className="mx-auto flex max-w-xl flex-col items-center rounded-card border border-border bg-surface px-6 py-10 text-center shadow-card sm:px-10 sm:py-12"
    >
      <span
        className={`flex size-12 items-center justify-center rounded-full ${
          tone === "danger" ? "bg-danger-soft text-danger" : "bg-primary-soft text-primary"
        }`}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-6"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          {ICONS[tone]}
        </svg>
      </span>
      <Heading className="mt-5 text-xl font-semibold tracking-tight text-balance">{title}</Heading>
      <div className="mt-2 text-pretty text-muted leading-relaxed">{children}</div>
      {actions && <div className="mt-6 flex flex-wrap items-center justify-center gap-3">{actions}</div>}
    </div>
  );
}
