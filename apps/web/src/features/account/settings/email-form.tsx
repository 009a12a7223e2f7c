"use client";

import { emailChangeSchema, type User } from "@lumen/contracts";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { EmailField } from "../components/email-field";
import { PasswordField } from "../components/password-field";
import { useAccountForm } from "../use-account-form";
import { requestEmailChange } from "./settings.api";

const FIELDS = ["new_email", "current_password"] as const;

/**
 * Asks for a new sign-in email. Nothing changes until the link mailed to the new address is opened, so a typo
 * can't lock anyone out; the form says where the link went and which address still signs in meanwhile.
 */
export function EmailForm({ user }: { user: User }) {
  const [pending, setPending] = useState<string | null>(null);
  const { form, errors, isSubmitting, alert, onSubmit } = useAccountForm({
    schema: emailChangeSchema,
    fields: FIELDS,
    defaultValues: { new_email: "", current_password: "" },
    onSubmit: async (values, { reset }) => {
      const sentTo = await requestEmailChange(values);
      reset();
      setPending(sentTo);
      return null;
    },
  });
  const { register } = form;

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      {alert && <FormAlert tone={alert.tone}>{alert.text}</FormAlert>}
      {pending && (
        <FormAlert tone="success">
          We sent a link to <strong className="wrap-break-word">{pending}</strong>. Open it while signed in to finish;
          until then you keep signing in with <strong className="wrap-break-word">{user.email}</strong>.
        </FormAlert>
      )}
      <EmailField
        id="email-new"
        label="New email"
        hint="Other devices are signed out when the change is confirmed."
        error={errors.new_email?.message}
        registration={register("new_email")}
      />
      <PasswordField
        id="email-password"
        label="Your current password"
        autoComplete="current-password"
        error={errors.current_password?.message}
        registration={register("current_password")}
      />
      <SubmitButton busy={isSubmitting} busyLabel="Sending the link…" fullWidth={false}>
        Change email
      </SubmitButton>
    </form>
  );
}
