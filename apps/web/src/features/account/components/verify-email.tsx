"use client";

import type { User } from "@lumen/contracts";
import { useEffect, useState } from "react";
import { ButtonLink, buttonClasses } from "@/components/button-link";
import { Spinner } from "@/components/ui/spinner";
import { sessionReady, updateSessionUser, useSession } from "@/features/auth/session";
import { isApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";
import { fetchCurrentUser, verifyEmail } from "../account.api";
import { AuthHeading } from "./auth-heading";
import { ResendVerification } from "./resend-verification";

type Outcome =
  | { kind: "checking" }
  | { kind: "verified"; user: User }
  | { kind: "bad-link" }
  | { kind: "already-verified" }
  | { kind: "failed"; text: string };

/** Applies a verified user to the session, but only when it is the signed-in learner's own record. */
function applyToSession(user: User): void {
  if (useSession.getState().user?.id === user.id) updateSessionUser(user);
}

async function refreshSessionUser(): Promise<void> {
  const state = await sessionReady();
  if (state.status !== "authenticated") return;
  try {
    applyToSession(await fetchCurrentUser());
  } catch {
    // The page still says what happened to the link; the session catches up on its next refresh.
  }
}

/** Confirms the address from the emailed link (`token`), or, without one, helps a signed-in learner get a link. */
export function VerifyEmail({ token }: { token: string | null }) {
  const { status, user } = useSession();
  const [outcome, setOutcome] = useState<Outcome>({ kind: "checking" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt (the retry button) checks the link again
  useEffect(() => {
    if (!token) return;
    let current = true;
    setOutcome({ kind: "checking" });
    verifyEmail(token).then(
      (verified) => {
        applyToSession(verified);
        if (current) setOutcome({ kind: "verified", user: verified });
      },
      async (error: unknown) => {
        if (isApiError(error) && error.code === "CONFLICT" && error.details?.reason === "already_verified") {
          // The link worked before (another device, the back button): nothing is wrong, offer to carry on.
          await refreshSessionUser();
          if (current) setOutcome({ kind: "already-verified" });
        } else if (isApiError(error) && (error.code === "VALIDATION_ERROR" || error.code === "NOT_FOUND")) {
          // The link is spent or stale. If it was spent by this very learner, the fresh record says so.
          await refreshSessionUser();
          if (current) setOutcome({ kind: "bad-link" });
        } else if (current) {
          setOutcome({ kind: "failed", text: errorText(error) });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [token, attempt]);

  const signedIn = status === "authenticated" && user !== null;
  const continueLink = signedIn ? (
    <ButtonLink href="/dashboard" className="w-full">
      Go to my learning
    </ButtonLink>
  ) : (
    <ButtonLink href="/login" className="w-full">
      Log in
    </ButtonLink>
  );

  if (token && outcome.kind === "checking") {
    return (
      <div role="status" className="flex flex-col items-center gap-4 py-6 text-center">
        <Spinner className="size-8 text-primary" />
        <p className="text-muted">Confirming your email address…</p>
      </div>
    );
  }

  if (token && outcome.kind === "verified") {
    return (
      <>
        <AuthHeading title="Your email is confirmed" focusOnMount>
          Thanks, <strong className="font-semibold text-foreground wrap-break-word">{outcome.user.email}</strong> is now
          verified. You're all set.
        </AuthHeading>
        {continueLink}
      </>
    );
  }

  if (token && outcome.kind === "already-verified") {
    return (
      <>
        <AuthHeading title="Your email is already confirmed" focusOnMount>
          This link has been used before, and your address is verified. There's nothing more to do.
        </AuthHeading>
        {continueLink}
      </>
    );
  }

  if (token && outcome.kind === "failed") {
    return (
      <>
        <AuthHeading title="We couldn't check your link" focusOnMount>
          {outcome.text}
        </AuthHeading>
        <button type="button" onClick={() => setAttempt((n) => n + 1)} className={`${buttonClasses()} w-full`}>
          Try again
        </button>
      </>
    );
  }

  if (status === "unknown") {
    return (
      <div role="status" className="flex flex-col items-center gap-4 py-6 text-center">
        <Spinner className="size-8 text-primary" />
        <p className="text-muted">One moment…</p>
      </div>
    );
  }

  if (signedIn && user.email_verified) {
    return (
      <>
        <AuthHeading title="Your email is already confirmed" focusOnMount={Boolean(token)}>
          {token ? "This link has been used before, and " : ""}
          <strong className="font-semibold text-foreground wrap-break-word">{user.email}</strong> is verified. There's
          nothing more to do.
        </AuthHeading>
        {continueLink}
      </>
    );
  }

  const badLink = Boolean(token) && outcome.kind === "bad-link";
  const title = badLink ? "This link has expired or was already used" : "Confirm your email";
  const intro = badLink
    ? "Links to confirm your email work once, for 24 hours, and only the newest one counts."
    : "Open the link we emailed you when you signed up to confirm your address.";

  if (!signedIn) {
    return (
      <>
        <AuthHeading title={title} focusOnMount={badLink}>
          {intro} {badLink ? "Log in" : "Can't find it? Log in"} and we'll send you a new one.
        </AuthHeading>
        <ButtonLink href={`/login?next=${encodeURIComponent("/verify-email")}`} className="w-full">
          Log in to get a new link
        </ButtonLink>
      </>
    );
  }

  return (
    <>
      <AuthHeading title={title} focusOnMount={badLink}>
        {intro} We can send a fresh link to{" "}
        <strong className="font-semibold text-foreground wrap-break-word">{user.email}</strong>.
      </AuthHeading>
      <div className="flex flex-col gap-4">
        <ResendVerification email={user.email} variant="primary" />
        <ButtonLink href="/dashboard" variant="ghost" size="sm" className="self-start">
          Skip for now
        </ButtonLink>
      </div>
    </>
  );
}
