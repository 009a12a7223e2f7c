import { ProgressFill } from "@/components/motion/progress-fill";

/**
 * A determinate progress bar (0–100). `label` names what progresses, for screen readers; the visible text
 * belongs next to it, in the caller's layout. `animated` fills it up when it appears and glides to new values.
 */
export function ProgressBar({
  value,
  label,
  size = "md",
  className,
  animated = false,
}: {
  value: number;
  label: string;
  size?: "sm" | "md";
  className?: string;
  animated?: boolean;
}) {
  const percent = Math.min(100, Math.max(0, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}% complete`}
      className={`overflow-hidden rounded-full bg-surface-muted ring-1 ring-border ring-inset ${
        size === "sm" ? "h-1.5" : "h-2.5"
      } ${className ?? ""}`}
    >
      {animated ? (
        <ProgressFill percent={percent} className="h-full rounded-full bg-primary" />
      ) : (
        <div className="h-full rounded-full bg-primary" style={{ width: `${percent}%` }} />
      )}
    </div>
  );
}
