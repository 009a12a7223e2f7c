"use client";

import type { User } from "@lumen/contracts";
import { useEffect, useRef, useState } from "react";
import { ButtonLink } from "@/components/button-link";
import { FormAlert } from "@/components/ui/form-alert";
import { Spinner } from "@/components/ui/spinner";
import { updateSessionUser } from "@/features/auth/session";
import { errorText } from "@/lib/error-text";
import { confirmEmailChange } from "./settings.api";

type Outcome = { kind: "checking" } | { kind: "changed"; user: User } | { kind: "failed"; text: string };

/**
 * Opened from the link mailed to a new address, signed in (the page sits behind the session guard): applies the
 * change once. A POST from the page, not the link's GET, so mail scanners that fetch links spend nothing.
 */
export function ConfirmEmailChange({ token }: { token: string | null }) {
  const [outcome, setOutcome] = useState<Outcome>(
    token ? { kind: "checking" } : { kind: "failed", text: "This link is incomplete: open the one in the email." },
  );
  const sent = useRef(false);

  useEffect(() => {
    // Once: a token is spent by its first use, and a second request would only report that.
    if (!token || sent.current) return;
    sent.current = true;
    confirmEmailChange(token).then(
      (user) => {
        updateSessionUser(user);
        setOutcome({ kind: "changed", user });
      },
      (error: unknown) => setOutcome({ kind: "failed", text: errorText(error) }),
    );
  }, [token]);

  return (
    <div className="mx-auto max-w-xl px-4 py-16 sm:px-6">
      <h1 className="font-display text-3xl font-semibold">Confirm your new email</h1>
      <div className="mt-6 space-y-6" aria-live="polite">
        {outcome.kind === "checking" && (
          <p className="flex items-center gap-2 text-muted">
            <Spinner /> Confirming…
          </p>
        )}
        {outcome.kind === "changed" && (
          <FormAlert tone="success">
            Your email is now <strong className="wrap-break-word">{outcome.user.email}</strong>. Use it to sign in;
            other devices were signed out.
          </FormAlert>
        )}
        {outcome.kind === "failed" && <FormAlert>{outcome.text}</FormAlert>}
        {outcome.kind !== "checking" && <ButtonLink href="/account/settings">Back to account settings</ButtonLink>}
      </div>
    </div>
  );
}
