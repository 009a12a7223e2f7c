import type { ReactNode } from "react";

/** A small pill for a state (role, status, verification). */
export function Badge({
  tone = "neutral",
  children,
}: {
  tone?: "neutral" | "primary" | "accent" | "danger";
  children: ReactNode;
}) {
  const tones = {
    neutral: "bg-surface-muted text-muted",
    primary: "bg-primary-soft text-primary",
    accent: "bg-accent-soft text-accent",
    danger: "bg-danger-soft text-danger",
  } as const;
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ${tones[tone]}`}>
      {children}
    </span>
  );
}
