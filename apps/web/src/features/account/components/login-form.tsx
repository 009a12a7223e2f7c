"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { signIn } from "@/features/auth/session";
import { type LoginForm as LoginValues, loginFormSchema } from "../account-schemas";
import { nextQuery } from "../safe-next";
import { applyServerErrors, focusFirstError } from "../server-errors";
import { AuthHeading } from "./auth-heading";
import { FormAlert } from "./form-alert";
import { PasswordField } from "./password-field";
import { SubmitButton, whileIdle } from "./submit-button";

const LINK = "font-medium text-primary underline-offset-4 hover:underline";

const FIELDS = ["email", "password"] as const satisfies readonly (keyof LoginValues)[];

/** Email and password; on success goes to `next` (already checked to be a path on this site). */
export function LoginForm({ next, notice }: { next: string; notice?: string | undefined }) {
  const router = useRouter();
  const [alert, setAlert] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<LoginValues, unknown, z.output<typeof loginFormSchema>>({
    resolver: zodResolver(loginFormSchema),
    shouldFocusError: false,
    defaultValues: { email: "", password: "" },
  });

  const submit = handleSubmit(
    async (values) => {
      setAlert(null);
      try {
        await signIn(values);
      } catch (error) {
        setAlert(applyServerErrors(error, setError, FIELDS));
        return;
      }
      router.replace(next);
    },
    focusFirstError(FIELDS, setFocus),
  );

  return (
    <>
      <AuthHeading title="Welcome back">Log in to pick up where you left off.</AuthHeading>
      <form noValidate onSubmit={whileIdle(isSubmitting, submit)} className="space-y-5">
        {notice && <FormAlert tone="success">{notice}</FormAlert>}
        {alert && <FormAlert>{alert}</FormAlert>}
        <FormField id="login-email" label="Email" error={errors.email?.message}>
          {(control) => (
            <input
              {...control}
              {...register("email")}
              type="email"
              inputMode="email"
              autoComplete="email"
              autoCapitalize="none"
              spellCheck={false}
              className={inputClasses}
            />
          )}
        </FormField>
        <PasswordField
          id="login-password"
          label="Password"
          autoComplete="current-password"
          error={errors.password?.message}
          registration={register("password")}
          labelAside={
            <Link href="/forgot-password" className={`text-sm ${LINK}`}>
              Forgot your password?
            </Link>
          }
        />
        <SubmitButton busy={isSubmitting} busyLabel="Logging in…">
          Log in
        </SubmitButton>
      </form>
      <p className="mt-6 border-t border-border pt-5 text-center text-sm text-muted">
        New to Lumen?{" "}
        <Link href={`/register${nextQuery(next)}`} className={LINK}>
          Create a free account
        </Link>
      </p>
    </>
  );
}
