"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton, whileIdle } from "@/components/ui/submit-button";
import { signIn } from "@/features/auth/session";
import { isApiError } from "@/lib/api-client";
import { type LoginForm as LoginValues, loginFormSchema } from "../account-schemas";
import { nextQuery } from "../safe-next";
import { applyServerErrors, focusFirstError } from "../server-errors";
import { AuthHeading } from "./auth-heading";
import { EmailField } from "./email-field";
import { PasswordField } from "./password-field";

const LINK = "font-medium text-primary underline-offset-4 hover:underline";

const FIELDS = ["email", "password"] as const satisfies readonly (keyof LoginValues)[];

type Alert = { kind: "locked"; wait: string } | { kind: "message"; text: string };

/** "in 14 minutes": how long a lockout (or the request limit) still lasts, from the API's retry_after_seconds. */
export function waitText(seconds: unknown): string {
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds <= 0) return "in a few minutes";
  if (seconds <= 60) return "in a minute";
  if (seconds < 3600) return `in ${Math.ceil(seconds / 60)} minutes`;
  const hours = Math.ceil(seconds / 3600);
  return hours === 1 ? "in an hour" : `in ${hours} hours`;
}

/** The reset page, with the email typed so far (if any) filled in there. */
export function forgotHref(email: string): string {
  const typed = email.trim();
  return typed ? `/forgot-password?${new URLSearchParams({ email: typed })}` : "/forgot-password";
}

/** Email and password; on success goes to `next` (already checked to be a path on this site). */
export function LoginForm({ next, notice }: { next: string; notice?: string | undefined }) {
  const router = useRouter();
  const [alert, setAlert] = useState<Alert | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<LoginValues, unknown, z.output<typeof loginFormSchema>>({
    resolver: zodResolver(loginFormSchema),
    shouldFocusError: false,
    defaultValues: { email: "", password: "" },
  });

  const email = watch("email");

  const submit = handleSubmit(
    async (values) => {
      setAlert(null);
      try {
        await signIn(values);
      } catch (error) {
        // Too many failed attempts lock the account for this browser a while (429 with retry_after_seconds):
        // say how long, and offer the way that needs no password.
        if (isApiError(error) && error.code === "RATE_LIMITED") {
          setAlert({ kind: "locked", wait: waitText(error.details?.retry_after_seconds) });
          return;
        }
        const text = applyServerErrors(error, setError, FIELDS);
        setAlert(text ? { kind: "message", text } : null);
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
        {alert?.kind === "message" && <FormAlert>{alert.text}</FormAlert>}
        {alert?.kind === "locked" && (
          <FormAlert>
            Too many attempts to log in. For your safety, please wait and try again {alert.wait}, or{" "}
            <Link href={forgotHref(email)} className={LINK}>
              reset your password
            </Link>
            .
          </FormAlert>
        )}
        <EmailField id="login-email" error={errors.email?.message} registration={register("email")} />
        <PasswordField
          id="login-password"
          label="Password"
          autoComplete="current-password"
          error={errors.password?.message}
          registration={register("password")}
        />
        <SubmitButton busy={isSubmitting} busyLabel="Logging in…">
          Log in
        </SubmitButton>
        {/* After the button in the tab order (Email → Password → Log in), and it takes the typed email along. */}
        <p className="text-center text-sm">
          <Link href={forgotHref(email)} className={LINK}>
            Forgot your password?
          </Link>
        </p>
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
