"use client";

import { useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { Spinner } from "@/components/ui/spinner";
import { updateSessionUser } from "@/features/auth/session";
import { isApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";
import { fetchCurrentUser, resendVerification } from "../account.api";

type State =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "sent" }
  | { kind: "verified" }
  | { kind: "failed"; text: string };

/** "Send a new link" for a signed-in learner whose email is not verified yet; says what happened, in place. */
export function ResendVerification({
  email,
  variant = "secondary",
  size = "md",
}: {
  email: string;
  variant?: "primary" | "secondary" | "ghost";
  size?: "md" | "sm";
}) {
  const [state, setState] = useState<State>({ kind: "idle" });

  async function resend() {
    if (state.kind === "sending") return;
    setState({ kind: "sending" });
    try {
      await resendVerification();
      setState({ kind: "sent" });
    } catch (error) {
      // Already verified (in another tab, say): bring the session up to date instead of failing.
      if (isApiError(error) && error.code === "CONFLICT") {
        setState({ kind: "verified" });
        await fetchCurrentUser().then(updateSessionUser, () => undefined);
        return;
      }
      setState({ kind: "failed", text: errorText(error, "We couldn't send the email. Please try again.") });
    }
  }

  return (
    <div className="flex min-w-0 flex-col items-start gap-2">
      {state.kind !== "verified" && (
        <button
          type="button"
          onClick={resend}
          aria-disabled={state.kind === "sending" || undefined}
          className={`${buttonClasses(variant, size)} aria-disabled:cursor-progress aria-disabled:opacity-80`}
        >
          {state.kind === "sending" && <Spinner />}
          {state.kind === "sending" ? "Sending…" : state.kind === "sent" ? "Send another link" : "Send a new link"}
        </button>
      )}
      <p role="status" className="text-sm empty:hidden">
        {state.kind === "sent" && (
          <>
            We've sent a new link to <strong className="font-semibold wrap-anywhere">{email}</strong>. It works for 24
            hours.
          </>
        )}
        {state.kind === "verified" && "Good news: your email is already verified."}
      </p>
      {state.kind === "failed" && (
        <p role="alert" className="text-sm text-danger">
          {state.text}
        </p>
      )}
    </div>
  );
}
