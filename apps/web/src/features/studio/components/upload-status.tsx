"use client";

import { buttonClasses } from "@/components/button-link";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { UploadState } from "../use-upload";

/**
 * What an upload is doing, in words: its progress with a way to cancel, or what went wrong with a way to try the
 * same file again. Progress is announced politely (the live region only says the status, not every percent).
 */
export function UploadStatus({
  state,
  what,
  onCancel,
  onRetry,
}: {
  state: UploadState;
  /** "video", "thumbnail"… */
  what: string;
  onCancel: () => void;
  onRetry: () => void;
}) {
  return (
    <div aria-live="polite">
      {state.status === "uploading" && (
        <div className="rounded-xl border border-border bg-surface-muted/60 px-4 py-3">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 text-sm">
            <p className="min-w-0 truncate">
              <span className="font-medium">Uploading</span> <span className="text-muted">{state.fileName}</span>
            </p>
            <p className="tabular-nums text-muted" aria-hidden="true">
              {state.progress}%
            </p>
          </div>
          <ProgressBar value={state.progress} label={`Uploading the ${what}`} className="mt-2" />
          <button type="button" onClick={onCancel} className={`${buttonClasses("ghost", "sm")} mt-2 -ml-3`}>
            Cancel upload
          </button>
        </div>
      )}
      {state.status === "failed" && (
        <div role="alert" className="rounded-xl border border-danger/30 bg-danger-soft px-4 py-3 text-sm">
          <p className="font-medium text-foreground">
            We couldn't upload <span className="break-all">{state.fileName}</span>.
          </p>
          <p className="mt-1 text-muted">{state.message}</p>
          {state.retryable ? (
            <button type="button" onClick={onRetry} className={`${buttonClasses("secondary", "sm")} mt-3`}>
              Try again
            </button>
          ) : (
            <p className="mt-1 text-muted">Choose a different file.</p>
          )}
        </div>
      )}
      {state.status === "done" && (
        <p className="text-sm text-muted">
          Uploaded <span className="break-all font-medium text-foreground">{state.fileName}</span>.
        </p>
      )}
    </div>
  );
}
