"use client";

import type { User } from "@lumen/contracts";
import { useState } from "react";
import { ButtonLink } from "@/components/button-link";
import { isProduction } from "@/env";
import { AuthHeading } from "./auth-heading";
import { RegisterForm } from "./register-form";
import { ResendVerification } from "./resend-verification";

/** Sign-up, then a "check your email" note; the learner may carry on at once, verified or not. */
export function RegisterView({ next }: { next: string }) {
  const [user, setUser] = useState<User | null>(null);
  if (!user) return <RegisterForm next={next} onRegistered={setUser} />;

  const firstName = user.full_name.split(/\s+/)[0] || user.full_name;
  return (
    <>
      <AuthHeading title={`Welcome to Lumen, ${firstName}`} focusOnMount>
        Your account is ready. One more thing: we've sent a link to{" "}
        <strong className="font-semibold text-foreground wrap-break-word">{user.email}</strong> to confirm it's your
        address.
      </AuthHeading>
      <div className="rounded-xl border border-border bg-surface-muted px-4 py-3.5 text-sm leading-relaxed text-muted">
        <p>
          You can start learning right away and open the link whenever suits you; it works for 24 hours. Can't find it?
          Check your spam folder.
        </p>
        {!isProduction && (
          <p className="mt-2">
            Running Lumen locally? Emails aren't sent: each one is saved as an .eml file in the API's outbox folder.
          </p>
        )}
      </div>
      <div className="mt-6 flex flex-col gap-4">
        <ButtonLink href={next} className="w-full">
          Start learning
        </ButtonLink>
        <div className="flex flex-col gap-2 text-sm text-muted">
          <p>Didn't get the email?</p>
          <ResendVerification email={user.email} size="sm" />
        </div>
      </div>
    </>
  );
}
