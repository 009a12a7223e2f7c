"use client";

import { type FormEvent, type ReactNode, useEffect, useId, useRef } from "react";
import { buttonClasses } from "@/components/button-link";
import { Spinner } from "./spinner";

/**
 * A modal question before a change that matters; mount it only while it is asked. The native <dialog> opened with
 * showModal() makes the rest of the page inert (focus stays inside) and closes on Escape; it is labelled by its
 * title and described by its text. Focus starts on the safe answer, so a stray Enter never confirms, and returns
 * where it was when the dialog goes. While the change is on its way the confirm button stays focusable but
 * answers nothing (aria-disabled), and Escape and the safe answer wait for it: its answer must land here.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busyLabel = confirmLabel,
  cancelLabel = "Cancel",
  tone = "primary",
  busy = false,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  /** The consequences, in words. */
  children: ReactNode;
  confirmLabel: string;
  /** What the confirm button says while the change is on its way. */
  busyLabel?: string;
  cancelLabel?: string;
  tone?: "primary" | "danger";
  busy?: boolean;
  /** Why the last attempt failed; the dialog stays open so it can be tried again. */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const busyRef = useRef(busy);
  busyRef.current = busy;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onConfirm();
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape: close, unless the change is on its way.
        event.preventDefault();
        if (!busyRef.current) onCancel();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-card border border-border bg-surface p-0 text-foreground shadow-card-hover backdrop:bg-black/50 backdrop:backdrop-blur-[2px]"
    >
      <form onSubmit={submit} className="p-6 sm:p-7">
        <h2 id={titleId} className="text-xl font-semibold tracking-tight text-balance">
          {title}
        </h2>
        <div id={bodyId} className="mt-3 space-y-3 text-pretty text-muted leading-relaxed">
          {children}
        </div>
        {error && (
          <p role="alert" className="mt-4 rounded-xl border border-danger/25 bg-danger-soft px-4 py-3 text-sm">
            {error}
          </p>
        )}
        <div className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <button
            ref={cancelRef}
            type="button"
            onClick={onCancel}
            disabled={busy}
            className={`${buttonClasses("secondary")} disabled:opacity-60`}
          >
            {cancelLabel}
          </button>
          <button
            type="submit"
            aria-disabled={busy || undefined}
            className={`${buttonClasses(tone)} aria-disabled:cursor-progress aria-disabled:opacity-80`}
          >
            {busy && <Spinner />}
            {busy ? busyLabel : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Extra fields inside a dialog, such as a reason, sit between the text and the buttons. */
export function DialogField({ children }: { children: ReactNode }) {
  return <div className="pt-1 text-foreground">{children}</div>;
}
