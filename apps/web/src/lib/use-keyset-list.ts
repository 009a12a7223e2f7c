"use client";

import type { Page } from "@lumen/contracts";
import { useCallback, useEffect, useRef, useState } from "react";

export type KeysetList<T> = {
  items: T[];
  status: "loading" | "ready" | "error";
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  /** Why the last "load more" failed; the items already shown stay. */
  moreError: unknown;
  loadMore: () => void;
  retry: () => void;
  /** Replaces items in place (optimistic changes and the server's answers to them). */
  update: (fn: (items: T[]) => T[]) => void;
};

/**
 * A newest-first list read page by page with the API's keyset cursor. `key` names the query: when it changes,
 * the list starts over from the first page and answers for the old query are dropped.
 */
export function useKeysetList<T>(
  key: string,
  load: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>,
): KeysetList<T> {
  const loadRef = useRef(load);
  loadRef.current = load;
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<KeysetList<T>["status"]>("loading");
  const [error, setError] = useState<unknown>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  // Aborts whatever page is in flight when the query changes or the list unmounts.
  const controllerRef = useRef<AbortController | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key or attempt (retry) loads the first page again
  useEffect(() => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setStatus("loading");
    setItems([]);
    setCursor(null);
    setMoreError(null);
    setLoadingMore(false);
    loadRef.current(null, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems(page.items);
        setCursor(page.next_cursor);
        setStatus("ready");
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setStatus("error");
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const loadMore = useCallback(() => {
    const controller = controllerRef.current;
    if (!cursor || loadingMore || !controller) return;
    setLoadingMore(true);
    setMoreError(null);
    loadRef.current(cursor, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems((current) => [...current, ...page.items]);
        setCursor(page.next_cursor);
        setLoadingMore(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setMoreError(failure);
        setLoadingMore(false);
      },
    );
  }, [cursor, loadingMore]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return {
    items,
    status,
    error,
    hasMore: cursor !== null,
    loadingMore,
    moreError,
    loadMore,
    retry,
    update: setItems,
  };
}
