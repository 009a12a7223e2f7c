"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { User } from "@lumen/contracts";
import Link from "next/link";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { SubmitButton, whileIdle } from "@/components/ui/submit-button";
import { signUp } from "@/features/auth/session";
import { isApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";
import { type RegisterForm as RegisterValues, registerFormSchema } from "../account-schemas";
import { nextQuery } from "../safe-next";
import { applyServerErrors, focusFirstError } from "../server-errors";
import { AuthHeading } from "./auth-heading";
import { EmailField } from "./email-field";
import { PasswordField } from "./password-field";
import { PasswordRules } from "./password-rules";

const LINK = "font-medium text-primary underline-offset-4 hover:underline";

type Alert = { kind: "taken" } | { kind: "message"; text: string };

const FIELDS = ["full_name", "email", "password"] as const satisfies readonly (keyof RegisterValues)[];

/** Name, email and password. Calls `onRegistered` with the new (signed-in) learner. */
export function RegisterForm({ next, onRegistered }: { next: string; onRegistered: (user: User) => void }) {
  const [alert, setAlert] = useState<Alert | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<RegisterValues, unknown, z.output<typeof registerFormSchema>>({
    resolver: zodResolver(registerFormSchema),
    shouldFocusError: false,
    defaultValues: { full_name: "", email: "", password: "" },
  });
  const password = useWatch({ control, name: "password" }) ?? "";

  const submit = handleSubmit(
    async (values) => {
      setAlert(null);
      try {
        onRegistered(await signUp(values));
      } catch (error) {
        // The API answers a taken email with CONFLICT (not a validation error): say so on the field, and offer a way in.
        if (isApiError(error) && error.code === "CONFLICT") {
          setError("email", { type: "server", message: errorText(error) }, { shouldFocus: true });
          setAlert({ kind: "taken" });
          return;
        }
        const message = applyServerErrors(error, setError, FIELDS);
        setAlert(message ? { kind: "message", text: message } : null);
      }
    },
    focusFirstError(FIELDS, setFocus),
  );

  return (
    <>
      <AuthHeading title="Create your account">
        Free to join. Learn at your own pace, with an AI tutor in every lesson.
      </AuthHeading>
      <form noValidate onSubmit={whileIdle(isSubmitting, submit)} className="space-y-5">
        {alert?.kind === "message" && <FormAlert>{alert.text}</FormAlert>}
        {alert?.kind === "taken" && (
          <FormAlert>
            There's already an account with this email.{" "}
            <Link href={`/login${nextQuery(next)}`} className={LINK}>
              Log in
            </Link>{" "}
            or{" "}
            <Link href="/forgot-password" className={LINK}>
              reset your password
            </Link>
            .
          </FormAlert>
        )}
        <FormField id="register-name" label="Your name" error={errors.full_name?.message}>
          {(control) => (
            <input {...control} {...register("full_name")} type="text" autoComplete="name" className={inputClasses} />
          )}
        </FormField>
        <EmailField id="register-email" error={errors.email?.message} registration={register("email")} />
        <PasswordField
          id="register-password"
          label="Password"
          autoComplete="new-password"
          error={errors.password?.message}
          registration={register("password")}
          hint={<PasswordRules value={password} />}
        />
        <SubmitButton busy={isSubmitting} busyLabel="Creating your account…">
          Create account
        </SubmitButton>
      </form>
      <p className="mt-6 border-t border-border pt-5 text-center text-sm text-muted">
        Already have an account?{" "}
        <Link href={`/login${nextQuery(next)}`} className={LINK}>
          Log in
        </Link>
      </p>
    </>
  );
}
