"use client";

import { PASSWORD_MIN, passwordChangeSchema } from "@lumen/contracts";
import type { z } from "zod";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { PasswordField } from "../components/password-field";
import { useAccountForm } from "../use-account-form";
import { changePassword } from "./settings.api";

type PasswordValues = z.input<typeof passwordChangeSchema>;
const FIELDS = ["current_password", "new_password"] as const satisfies readonly (keyof PasswordValues)[];

/** Changes the password while signed in; this device stays signed in, every other one is signed out. */
export function PasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { form, errors, isSubmitting, alert, onSubmit } = useAccountForm({
    schema: passwordChangeSchema,
    fields: FIELDS,
    defaultValues: { current_password: "", new_password: "" },
    onSubmit: async (values, { reset }) => {
      const others = await changePassword(values);
      reset();
      onChanged?.();
      const signedOut =
        others === 0
          ? ""
          : others === 1
            ? " 1 other device was signed out."
            : ` ${others} other devices were signed out.`;
      return `Password changed.${signedOut}`;
    },
  });
  const { register } = form;

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      {alert && <FormAlert tone={alert.tone}>{alert.text}</FormAlert>}
      <PasswordField
        id="password-current"
        label="Current password"
        autoComplete="current-password"
        error={errors.current_password?.message}
        registration={register("current_password")}
      />
      <PasswordField
        id="password-new"
        label="New password"
        hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a strong one.`}
        autoComplete="new-password"
        error={errors.new_password?.message}
        registration={register("new_password")}
      />
      <SubmitButton busy={isSubmitting} busyLabel="Changing your password…" fullWidth={false}>
        Change password
      </SubmitButton>
    </form>
  );
}
