import { buttonClasses } from "@/components/button-link";

/** A list with nothing to show: why, perhaps a hint, and a way back to everything when filters hid it all. */
export function EmptyList({
  title,
  hint,
  resetLabel,
  onReset,
}: {
  title: string;
  hint?: string | null;
  resetLabel: string;
  /** Given while filters are applied. */
  onReset?: (() => void) | null;
}) {
  return (
    <div className="rounded-card border border-dashed border-border-strong/50 px-6 py-10 text-center">
      <p className="font-medium">{title}</p>
      {hint && <p className="mt-1 text-sm text-muted">{hint}</p>}
      {onReset && (
        <button type="button" onClick={onReset} className={`${buttonClasses("secondary", "sm")} mt-4`}>
          {resetLabel}
        </button>
      )}
    </div>
  );
}
