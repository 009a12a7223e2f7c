"use client";

import { ACCOUNT_DELETION_CONFIRMATION } from "@lumen/contracts";
import { useRouter } from "next/navigation";
import { z } from "zod";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { signOut } from "@/features/auth/session";
import { PasswordField } from "../components/password-field";
import { useAccountForm } from "../use-account-form";
import { deleteAccount } from "./settings.api";

const deletionFormSchema = z.object({
  password: z.string().min(1, "Enter your password"),
  confirmation: z
    .string()
    .trim()
    .refine((typed) => typed === ACCOUNT_DELETION_CONFIRMATION, `Type ${ACCOUNT_DELETION_CONFIRMATION} to confirm`),
});
const FIELDS = ["password", "confirmation"] as const;

/**
 * Deletes the account for good, after the password and the typed word. A refusal (published courses, the last
 * admin) comes back as the form's alert with what to do instead.
 */
export function DeleteAccount() {
  const router = useRouter();
  const { form, errors, isSubmitting, alert, onSubmit } = useAccountForm({
    schema: deletionFormSchema,
    fields: FIELDS,
    defaultValues: { password: "", confirmation: "" },
    onSubmit: async ({ password }) => {
      await deleteAccount({ password });
      // The API has ended every session: this clears the local one and tells the other tabs.
      await signOut();
      router.push("/");
      router.refresh();
      return null;
    },
  });
  const { register } = form;

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      {alert && <FormAlert tone={alert.tone}>{alert.text}</FormAlert>}
      <PasswordField
        id="delete-password"
        label="Your password"
        autoComplete="current-password"
        error={errors.password?.message}
        registration={register("password")}
      />
      <FormField
        id="delete-confirmation"
        label={`Type ${ACCOUNT_DELETION_CONFIRMATION} to confirm`}
        error={errors.confirmation?.message}
      >
        {(control) => (
          <input
            {...control}
            {...register("confirmation")}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            className={inputClasses}
          />
        )}
      </FormField>
      <SubmitButton busy={isSubmitting} busyLabel="Deleting your account…" fullWidth={false} variant="danger">
        Delete my account
      </SubmitButton>
    </form>
  );
}
