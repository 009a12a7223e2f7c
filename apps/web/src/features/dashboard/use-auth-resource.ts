"use client";

import { useCallback, useEffect, useState } from "react";
import type { z } from "zod";
import { authRequest } from "@/features/auth/session";

export type Resource<T> = { status: "loading" } | { status: "error"; error: unknown } | { status: "ready"; data: T };

/**
 * Loads `path` as the signed-in learner, with its own loading and error state and a retry, so one failing
 * section of a page never takes the others down. `schema` must be a stable (module-level) value.
 */
export function useAuthResource<S extends z.ZodType>(endpoint: {
  path: string;
  schema: S;
}): Resource<z.output<S>> & { retry: () => void } {
  const { path, schema } = endpoint;
  const [state, setState] = useState<Resource<z.output<S>>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt (retry) loads the same path again
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    authRequest(path, schema, { signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: "ready", data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", error });
      },
    );
    return () => controller.abort();
  }, [path, schema, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
