"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { PASSWORD_MIN, passwordChangeSchema } from "@lumen/contracts";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton, whileIdle } from "@/components/ui/submit-button";
import { PasswordField } from "../components/password-field";
import { applyServerErrors, focusFirstError } from "../server-errors";
import { changePassword } from "./settings.api";

type PasswordValues = z.input<typeof passwordChangeSchema>;
const FIELDS = ["current_password", "new_password"] as const satisfies readonly (keyof PasswordValues)[];

/** Changes the password while signed in; this device stays signed in, every other one is signed out. */
export function PasswordForm({ onChanged }: { onChanged?: () => void }) {
  const [alert, setAlert] = useState<{ tone: "danger" | "success"; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PasswordValues, unknown, z.output<typeof passwordChangeSchema>>({
    resolver: zodResolver(passwordChangeSchema),
    shouldFocusError: false,
    defaultValues: { current_password: "", new_password: "" },
  });

  const submit = handleSubmit(
    async (values) => {
      setAlert(null);
      try {
        const others = await changePassword(values);
        reset();
        const signedOut =
          others === 0
            ? ""
            : others === 1
              ? " 1 other device was signed out."
              : ` ${others} other devices were signed out.`;
        setAlert({ tone: "success", text: `Password changed.${signedOut}` });
        onChanged?.();
      } catch (error) {
        const text = applyServerErrors(error, setError, FIELDS);
        if (text) setAlert({ tone: "danger", text });
      }
    },
    focusFirstError(FIELDS, setFocus),
  );

  return (
    <form noValidate onSubmit={whileIdle(isSubmitting, submit)} className="space-y-5">
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
