import { isApiError } from "./api-client";

/** Words for a failed call, for people: the API's own message where it has one, never a code or a stack. */
export function errorText(error: unknown, fallback = "Something went wrong. Please try again."): string {
  if (isApiError(error)) {
    if (error.code === "NETWORK_ERROR") return "We couldn't reach Lumen. Check your connection and try again.";
    if (error.code === "INVALID_RESPONSE") return "Lumen sent an answer we couldn't read. Please try again.";
    if (error.code === "RATE_LIMITED")
      return "That was a lot of requests in a short time. Wait a moment and try again.";
    if (error.code === "INTERNAL_ERROR") return "Something went wrong on our side. Please try again.";
    return error.message || fallback;
  }
  return fallback;
}

/** The API's per-field messages (`details.fields`), keyed by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error) || error.code !== "VALIDATION_ERROR") return {};
  const fields = (error.details as { fields?: Record<string, unknown> } | undefined)?.fields;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields ?? {})) {
    const message = Array.isArray(value) ? value[0] : value;
    if (typeof message === "string") out[name] = message;
  }
  return out;
}
