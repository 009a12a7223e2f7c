"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";
import { buttonClasses } from "@/components/button-link";
import { Spinner } from "@/features/account/components/submit-button";
import { dangerButtonClasses } from "./studio-ui";

/**
 * A modal question with two answers, on the native <dialog>: focus moves into it and stays there, Escape
 * answers "cancel", and focus returns to where it was when it closes. The safe answer has the first focus.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = "Cancel",
  tone = "neutral",
  busy = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: "neutral" | "danger";
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    } else if (!open && dialog.open) {
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto w-[min(30rem,calc(100%-2rem))] rounded-card border border-border bg-surface p-0 text-foreground shadow-card-hover backdrop:bg-black/45"
    >
      {open && (
        <div className="p-6">
          <h2 id={titleId} className="text-lg font-semibold tracking-tight text-balance">
            {title}
          </h2>
          <div id={bodyId} className="mt-2 text-sm leading-relaxed text-muted">
            {children}
          </div>
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            {/* biome-ignore lint/a11y/noAutofocus: a modal moves focus into itself, to its safe answer */}
            <button type="button" autoFocus onClick={onCancel} disabled={busy} className={buttonClasses("secondary")}>
              {cancelLabel}
            </button>
            <button
              type="button"
              onClick={onConfirm}
              aria-disabled={busy || undefined}
              className={`${tone === "danger" ? dangerButtonClasses() : buttonClasses("primary")} aria-disabled:cursor-progress aria-disabled:opacity-80`}
            >
              {busy && <Spinner />}
              {confirmLabel}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
