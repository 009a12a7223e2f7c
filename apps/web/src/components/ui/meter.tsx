/**
 * A gauge of a known range (ARIA meter), such as an allowance used so far. The fill turns to the accent colour
 * when `warnAt` (a fraction of max) is reached. `valueText` says the value in words for screen readers.
 */
export function Meter({
  value,
  max,
  label,
  valueText,
  warnAt = 0.8,
  className,
}: {
  value: number;
  max: number;
  label: string;
  valueText: string;
  warnAt?: number;
  className?: string;
}) {
  const clamped = Math.min(Math.max(0, value), Math.max(0, max));
  const fraction = max > 0 ? clamped / max : 1;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a native <meter> can't be styled alike in every browser; the ARIA meter role says the same
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={clamped}
      aria-valuetext={valueText}
      className={`h-3 overflow-hidden rounded-full bg-surface-muted ring-1 ring-border ring-inset ${className ?? ""}`}
    >
      <div
        className={`h-full rounded-full ${fraction >= warnAt ? "bg-accent" : "bg-primary"}`}
        style={{ width: `${Math.round(fraction * 100)}%` }}
      />
    </div>
  );
}
