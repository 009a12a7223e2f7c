import { buttonClasses } from "@/components/button-link";

/**
 * An inline "are you sure?" for a destructive step, shown in place of the button that asked: the question, the
 * destructive answer and a way back. `busy` keeps the strip (and its focus) while the request runs.
 */
export function ConfirmStrip({
  question,
  confirmLabel,
  busyLabel,
  busy,
  onConfirm,
  onCancel,
  cancelLabel = "Keep it",
  error,
  className = "",
}: {
  question: string;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  cancelLabel?: string;
  error?: string | null | undefined;
  className?: string;
}) {
  return (
    <div className={`flex flex-wrap items-center gap-3 rounded-xl bg-danger-soft px-4 py-3 ${className}`}>
      <p className="text-sm font-medium text-danger">{question}</p>
      <button
        type="button"
        onClick={onConfirm}
        aria-disabled={busy || undefined}
        className="h-9 rounded-full bg-danger px-4 text-sm font-medium text-background aria-disabled:opacity-70"
      >
        {busy ? busyLabel : confirmLabel}
      </button>
      <button type="button" onClick={onCancel} className={buttonClasses("ghost", "sm")}>
        {cancelLabel}
      </button>
      {error && (
        <p role="alert" className="w-full text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
