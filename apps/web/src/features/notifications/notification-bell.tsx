"use client";

import type { NotificationPage } from "@lumen/contracts";
import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { errorText } from "@/lib/error-text";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "./notifications.api";

/** How often an open tab asks for new notifications; a tab coming back into view asks at once. */
export const POLL_MS = 60_000;

const when = (iso: string) => new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });

/** The bell's accessible name: no count until the first answer, so "none unread" is never a guess. */
export function bellLabel(unread: number | null): string {
  if (unread === null) return "Notifications";
  return unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
}

/** The header's bell for signed-in people: the unread count, and a list that links to each notification's page. */
export function NotificationBell() {
  const [page, setPage] = useState<NotificationPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      setPage(await listNotifications());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void load();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") void load();
    };
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("focus", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("focus", onVisible);
    };
  }, [load]);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        buttonRef.current?.focus();
      } else if (wrapRef.current?.contains(event.target as Node)) return;
      setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const unread = page?.unread_count ?? 0;

  async function readOne(id: string) {
    setPage((p) =>
      p?.items.some((n) => n.id === id && !n.read)
        ? {
            ...p,
            unread_count: Math.max(0, p.unread_count - 1),
            items: p.items.map((n) => (n.id === id ? { ...n, read: true } : n)),
          }
        : p,
    );
    setOpen(false);
    try {
      await markNotificationRead(id);
    } catch {
      void load();
    }
  }

  async function readAll() {
    try {
      const result = await markAllNotificationsRead();
      setPage(
        (p) => p && { ...p, unread_count: result.unread_count, items: p.items.map((n) => ({ ...n, read: true })) },
      );
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <div ref={wrapRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label={bellLabel(page ? unread : null)}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen((v) => !v);
          if (!open) void load();
        }}
        className="relative flex size-11 items-center justify-center rounded-full text-muted transition-colors hover:text-foreground"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {unread > 0 && (
          <span
            aria-hidden="true"
            className="absolute top-1 right-1 min-w-4.5 rounded-full bg-primary px-1 text-center text-[0.6875rem] leading-4.5 font-semibold text-primary-foreground"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <section
          id={panelId}
          aria-label="Notifications"
          className="absolute right-0 mt-2 w-[min(22rem,calc(100vw-2rem))] overflow-hidden rounded-2xl border border-border bg-surface shadow-card-hover"
        >
          <div className="flex items-center justify-between gap-2 border-b border-border px-4 py-2">
            <h2 className="text-sm font-semibold">Notifications</h2>
            {unread > 0 && (
              <button
                type="button"
                onClick={readAll}
                className="min-h-11 rounded-lg px-2 text-sm font-medium text-primary hover:underline"
              >
                Mark all read
              </button>
            )}
          </div>
          {error && (
            <p role="alert" className="px-4 py-3 text-sm text-danger">
              {error}
            </p>
          )}
          {page && page.items.length === 0 && (
            <p className="px-4 py-6 text-center text-sm text-muted">Nothing new yet.</p>
          )}
          {page && page.items.length > 0 && (
            <ul className="max-h-[60vh] divide-y divide-border overflow-y-auto">
              {page.items.map((n) => {
                const content = (
                  <>
                    <span className="flex items-start gap-2">
                      {!n.read && (
                        <span aria-hidden="true" className="mt-1.5 size-2 shrink-0 rounded-full bg-primary" />
                      )}
                      <span className={n.read ? "font-medium" : "font-semibold"}>
                        {n.read ? "" : <span className="sr-only">Unread: </span>}
                        {n.title}
                      </span>
                    </span>
                    <span className="mt-0.5 block text-sm text-muted">{n.body}</span>
                    <span className="mt-0.5 block text-xs text-muted">{when(n.created_at)}</span>
                  </>
                );
                return (
                  <li key={n.id}>
                    {n.link ? (
                      <Link
                        href={n.link}
                        onClick={() => void readOne(n.id)}
                        className="block min-h-11 px-4 py-3 text-sm hover:bg-surface-muted"
                      >
                        {content}
                      </Link>
                    ) : (
                      <button
                        type="button"
                        onClick={() => void readOne(n.id)}
                        className="block min-h-11 w-full px-4 py-3 text-left text-sm hover:bg-surface-muted"
                      >
                        {content}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <div className="border-t border-border px-4 py-2 text-right">
            <Link
              href="/account/settings#settings-notifications"
              onClick={() => setOpen(false)}
              className="inline-flex min-h-11 items-center text-sm font-medium text-primary hover:underline"
            >
              Notification settings
            </Link>
          </div>
        </section>
      )}
    </div>
  );
}
