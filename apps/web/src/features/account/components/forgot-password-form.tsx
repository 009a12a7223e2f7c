"use client";

import Link from "next/link";
import { useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { isProduction } from "@/env";
import { requestPasswordReset } from "../account.api";
import { type ForgotPasswordForm as ForgotValues, forgotPasswordFormSchema } from "../account-schemas";
import { useAccountForm } from "../use-account-form";
import { AuthHeading } from "./auth-heading";
import { EmailField } from "./email-field";

const LINK = "font-medium text-primary underline-offset-4 hover:underline";

const FIELDS = ["email"] as const satisfies readonly (keyof ForgotValues)[];

/**
 * Asks for a reset link. The confirmation reads the same whether or not the email has an account: the API
 * doesn't say, and neither do we.
 */
export function ForgotPasswordForm({ initialEmail = "" }: { initialEmail?: string | undefined }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, errors, isSubmitting, alert, onSubmit } = useAccountForm({
    schema: forgotPasswordFormSchema,
    fields: FIELDS,
    defaultValues: { email: initialEmail },
    onSubmit: async ({ email }) => {
      await requestPasswordReset(email);
      setSentTo(email);
      return null;
    },
  });
  const { register, reset } = form;

  if (sentTo) {
    return (
      <>
        <AuthHeading title="Check your inbox" focusOnMount>
          If there's a Lumen account for{" "}
          <strong className="font-semibold text-foreground wrap-break-word">{sentTo}</strong>, we've sent it a link to
          choose a new password.
        </AuthHeading>
        <div className="rounded-xl border border-border bg-surface-muted px-4 py-3.5 text-sm leading-relaxed text-muted">
          <p>The link works once, for 30 minutes. Nothing arrived after a few minutes? Check your spam folder.</p>
          {!isProduction && (
            <p className="mt-2">
              Running Lumen locally? Emails aren't sent: each one is saved as an .eml file in the API's outbox folder.
            </p>
          )}
        </div>
        <div className="mt-6 flex flex-col gap-3 sm:flex-row">
          <Link href="/login" className={`${buttonClasses("primary")} sm:flex-1`}>
            Back to log in
          </Link>
          <button
            type="button"
            onClick={() => {
              reset({ email: "" });
              setSentTo(null);
            }}
            className={`${buttonClasses("secondary")} sm:flex-1`}
          >
            Use another email
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      <AuthHeading title="Forgot your password?">
        Enter the email you use for Lumen and we'll send you a link to choose a new one.
      </AuthHeading>
      <form noValidate onSubmit={onSubmit} className="space-y-5">
        {alert && <FormAlert tone={alert.tone}>{alert.text}</FormAlert>}
        <EmailField id="forgot-email" error={errors.email?.message} registration={register("email")} />
        <SubmitButton busy={isSubmitting} busyLabel="Sending the link…">
          Send me a reset link
        </SubmitButton>
      </form>
      <p className="mt-6 border-t border-border pt-5 text-center text-sm text-muted">
        Remembered it?{" "}
        <Link href="/login" className={LINK}>
          Back to log in
        </Link>
      </p>
    </>
  );
}
