import { isApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";

/** Why an admin change was refused, in words, for the codes an admin console meets. */
export function adminErrorText(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === "NOT_FOUND") return "It no longer exists. Reload the list to see the current state.";
    if (error.code === "FORBIDDEN") return "Your account is no longer an admin, so Lumen refused the change.";
    if (error.code === "UNAUTHORIZED") return "Your session has ended. Log in again and retry.";
  }
  return errorText(error);
}
