"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { create } from "zustand";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Forms with unsaved changes on the current page, by key, with the words that name them. */
const useDirtyForms = create<{ forms: Record<string, string> }>(() => ({ forms: {} }));

function forget(key: string) {
  useDirtyForms.setState((s) => {
    const { [key]: _gone, ...rest } = s.forms;
    return { forms: rest };
  });
}

/**
 * Marks a form as holding unsaved changes while `dirty` is true (and while it is on the page). `label` says what
 * would be lost, completing "you lose …" ("your changes to the quiz", "the video upload in progress").
 */
export function useUnsavedChanges(key: string, label: string, dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    useDirtyForms.setState((s) => ({ forms: { ...s.forms, [key]: label } }));
    return () => forget(key);
  }, [key, label, dirty]);
}

/** A link click that would leave the page: same origin, another path, plain left click, same tab. */
function leavingHref(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute("download")) return null;
  if (anchor.target && anchor.target !== "_self") return null;
  const url = new URL(anchor.href, window.location.href);
  // Other sites are covered by beforeunload; a link within the page (#section) loses nothing.
  if (url.origin !== window.location.origin) return null;
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

function listFormat(labels: string[]): string {
  return new Intl.ListFormat("en", { style: "long", type: "conjunction" }).format(labels);
}

/**
 * Mounted once around the studio: while a form holds unsaved changes, closing or reloading the tab asks the
 * browser's question, and following a link in the app asks ours first. (Captured on the document, before
 * Next's link handler sees the click.)
 */
export function UnsavedChangesGuard() {
  const forms = useDirtyForms((s) => s.forms);
  const labels = Object.values(forms);
  const dirty = labels.length > 0;
  const router = useRouter();
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show their prompt.
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      const href = leavingHref(event);
      if (!href) return;
      event.preventDefault();
      event.stopPropagation();
      setPending(href);
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);

  if (pending === null) return null;
  return (
    <ConfirmDialog
      title="Leave without saving?"
      confirmLabel="Leave without saving"
      cancelLabel="Stay on this page"
      tone="danger"
      onCancel={() => setPending(null)}
      onConfirm={() => {
        const href = pending;
        setPending(null);
        useDirtyForms.setState({ forms: {} });
        if (href) router.push(href);
      }}
    >
      {dirty
        ? `If you leave this page now, you lose ${listFormat(labels)}: nothing of it is saved yet.`
        : "Your changes are saved."}
    </ConfirmDialog>
  );
}

/** Whether the form with this key holds unsaved changes now. */
export function useHasUnsavedChanges(key: string): boolean {
  return useDirtyForms((s) => key in s.forms);
}
