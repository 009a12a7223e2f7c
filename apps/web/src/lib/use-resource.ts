"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type Resource<T> = { status: "loading" } | { status: "error"; error: unknown } | { status: "ready"; data: T };

/**
 * Something a page loads, with its own loading and error state and a retry. `key` names what is loaded: when it
 * changes, loading starts over and an answer for the old key (or one arriving after unmount) is dropped. `load`
 * may be a new function on every render; only the key (or a retry) loads again.
 */
export function useResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): Resource<T> & { retry: () => void } {
  const loadRef = useRef(load);
  loadRef.current = load;
  const [state, setState] = useState<Resource<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key or attempt (retry) loads again
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: "ready", data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", error });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
