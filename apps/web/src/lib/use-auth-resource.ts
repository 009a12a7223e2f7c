"use client";

import type { z } from "zod";
import { authRequest } from "@/features/auth/session";
import { type Resource, useResource } from "@/lib/use-resource";

/**
 * Loads `path` as the signed-in user, with its own loading and error state and a retry, so one failing section
 * of a page never takes the others down. The path is the key: a new one loads again.
 */
export function useAuthResource<S extends z.ZodType>(endpoint: {
  path: string;
  schema: S;
}): Resource<z.output<S>> & { retry: () => void } {
  const { path, schema } = endpoint;
  return useResource(path, (signal) => authRequest(path, schema, { signal }));
}
