"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { ButtonLink } from "@/components/button-link";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton, whileIdle } from "@/components/ui/submit-button";
import { signOut, useSession } from "@/features/auth/session";
import { fieldErrors } from "@/lib/error-text";
import { confirmPasswordReset } from "../account.api";
import { AFTER_RESET_PATH } from "../account-routes";
import { type ResetPasswordForm as ResetValues, resetPasswordFormSchema } from "../account-schemas";
import { applyServerErrors, focusFirstError } from "../server-errors";
import { AuthHeading } from "./auth-heading";
import { PasswordField } from "./password-field";
import { PasswordRules } from "./password-rules";

const LINK = "font-medium text-primary underline-offset-4 hover:underline";

type Alert = { text: string; badLink: boolean };

const FIELDS = ["new_password", "confirm_password"] as const satisfies readonly (keyof ResetValues)[];

/** Sets a new password with the emailed token, then sends the learner to log in with it. */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const router = useRouter();
  const [alert, setAlert] = useState<Alert | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<ResetValues, unknown, z.output<typeof resetPasswordFormSchema>>({
    resolver: zodResolver(resetPasswordFormSchema),
    shouldFocusError: false,
    defaultValues: { new_password: "", confirm_password: "" },
  });
  const password = useWatch({ control, name: "new_password" }) ?? "";

  if (!token) {
    return (
      <>
        <AuthHeading title="This link is incomplete">
          The reset link is missing its code. Open it again from the email, or ask for a new one.
        </AuthHeading>
        <ButtonLink href="/forgot-password" className="w-full">
          Ask for a new link
        </ButtonLink>
      </>
    );
  }

  const submit = handleSubmit(
    async ({ new_password }) => {
      setAlert(null);
      try {
        await confirmPasswordReset(token, new_password);
      } catch (error) {
        const text = applyServerErrors(error, setError, FIELDS);
        if ("token" in fieldErrors(error))
          setAlert({ text: "This reset link has expired or was already used.", badLink: true });
        else if (text) setAlert({ text, badLink: false });
        return;
      }
      // The API has just ended every session of this account, this tab's included.
      if (useSession.getState().status === "authenticated") await signOut();
      router.replace(AFTER_RESET_PATH);
    },
    focusFirstError(FIELDS, setFocus),
  );

  return (
    <>
      <AuthHeading title="Choose a new password">
        Choose one you don't use on other sites. Once it's saved, you'll be logged out everywhere and can log in with
        the new password.
      </AuthHeading>
      <form noValidate onSubmit={whileIdle(isSubmitting, submit)} className="space-y-5">
        {alert && (
          <FormAlert>
            {alert.text}
            {alert.badLink && (
              <>
                {" "}
                <Link href="/forgot-password" className={LINK}>
                  Ask for a new link
                </Link>
                .
              </>
            )}
          </FormAlert>
        )}
        <PasswordField
          id="reset-password"
          label="New password"
          autoComplete="new-password"
          error={errors.new_password?.message}
          registration={register("new_password")}
          hint={<PasswordRules value={password} />}
        />
        <PasswordField
          id="reset-confirm"
          label="Type it again"
          autoComplete="new-password"
          error={errors.confirm_password?.message}
          registration={register("confirm_password")}
        />
        <SubmitButton busy={isSubmitting} busyLabel="Saving your new password…">
          Save new password
        </SubmitButton>
      </form>
    </>
  );
}
