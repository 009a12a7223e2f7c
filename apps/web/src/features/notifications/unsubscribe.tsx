"use client";

import { useState } from "react";
import { ButtonLink, buttonClasses } from "@/components/button-link";
import { FormAlert } from "@/components/ui/form-alert";
import { AuthHeading } from "@/features/account/components/auth-heading";
import { errorText } from "@/lib/error-text";
import { unsubscribe } from "./notifications.api";

/**
 * The page an email's unsubscribe link opens. One click, no sign-in (the link's token is signed for one person and
 * one kind of email). It asks for the click instead of acting on load, so a mail scanner that fetches every link
 * unsubscribes nobody.
 */
export function Unsubscribe({ token }: { token: string | null }) {
  const [state, setState] = useState<
    { kind: "idle" } | { kind: "busy" } | { kind: "done"; label: string } | { kind: "failed"; text: string }
  >({ kind: "idle" });

  if (!token) {
    return (
      <>
        <AuthHeading title="Unsubscribe">This link is incomplete. Open it again from the email.</AuthHeading>
        <ButtonLink href="/account/settings#settings-notifications">Notification settings</ButtonLink>
      </>
    );
  }
  if (state.kind === "done") {
    return (
      <>
        <AuthHeading title="You're unsubscribed" focusOnMount>
          {`We won't email you about “${state.label}” any more. You can turn it back on in your settings.`}
        </AuthHeading>
        <ButtonLink href="/account/settings#settings-notifications">Notification settings</ButtonLink>
      </>
    );
  }
  return (
    <>
      <AuthHeading title="Unsubscribe">Stop this kind of email from Lumen.</AuthHeading>
      {state.kind === "failed" && (
        <div className="mb-4">
          <FormAlert>{state.text}</FormAlert>
        </div>
      )}
      <button
        type="button"
        className={`${buttonClasses()} w-full`}
        aria-disabled={state.kind === "busy" || undefined}
        onClick={async () => {
          if (state.kind === "busy") return;
          setState({ kind: "busy" });
          try {
            setState({ kind: "done", label: (await unsubscribe(token)).label });
          } catch (error) {
            setState({ kind: "failed", text: errorText(error) });
          }
        }}
      >
        {state.kind === "busy" ? "Turning it off…" : "Turn off these emails"}
      </button>
    </>
  );
}
