import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { FormField, inputClasses } from "@/components/ui/form-field";

/** An email input as every account form asks for it: the email keyboard, no capitals, no spelling marks. */
export function EmailField({
  id,
  label = "Email",
  error,
  hint,
  registration,
}: {
  id: string;
  label?: string;
  error?: string | undefined;
  hint?: ReactNode;
  registration: UseFormRegisterReturn;
}) {
  return (
    <FormField id={id} label={label} error={error} hint={hint}>
      {(control) => (
        <input
          {...control}
          {...registration}
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          className={inputClasses}
        />
      )}
    </FormField>
  );
}
