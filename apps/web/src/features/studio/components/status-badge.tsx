import type { CourseSummary } from "@lumen/contracts";

const STYLES: Record<CourseSummary["status"], { label: string; className: string }> = {
  draft: { label: "Draft", className: "bg-accent-soft text-accent ring-accent/25" },
  published: { label: "Published", className: "bg-primary-soft text-primary ring-primary/25" },
  archived: { label: "Archived", className: "bg-surface-muted text-muted ring-border-strong/40" },
};

/** A course's status in words, in a tinted pill (the words carry the meaning, the colour only helps). */
export function StatusBadge({ status, className }: { status: CourseSummary["status"]; className?: string }) {
  const style = STYLES[status];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${style.className} ${className ?? ""}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {style.label}
    </span>
  );
}
