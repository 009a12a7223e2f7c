"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { type DefaultValues, type FieldPath, type FieldValues, type UseFormReturn, useForm } from "react-hook-form";
import type { z } from "zod";
import { whileIdle } from "@/components/ui/submit-button";
import { applyServerErrors, focusFirstError } from "./server-errors";

export interface FormAlertState {
  tone: "danger" | "success";
  text: string;
}

/**
 * The prologue every account form shared: React Hook Form over a Zod schema (the API's own where it exists),
 * errors focused top to bottom in the form's order, the API's field messages put on their fields, the rest said in
 * one alert, and submits ignored while one is running. `onSubmit` returns the success message (or null when the form shows its outcome otherwise).
 */
export function useAccountForm<Input extends FieldValues, Output>(opts: {
  schema: z.ZodType<Output, Input>;
  /** The form's fields, top to bottom. */
  fields: readonly FieldPath<Input>[];
  defaultValues: DefaultValues<Input>;
  onSubmit: (values: Output, form: UseFormReturn<Input, unknown, Output>) => Promise<string | null>;
  /** API field names that differ from the form's. */
  fieldMap?: Partial<Record<string, FieldPath<Input>>>;
}) {
  const [alert, setAlert] = useState<FormAlertState | null>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(opts.schema),
    shouldFocusError: false,
    defaultValues: opts.defaultValues,
  });
  const submit = form.handleSubmit(
    async (values) => {
      setAlert(null);
      try {
        const success = await opts.onSubmit(values, form);
        if (success) setAlert({ tone: "success", text: success });
      } catch (error) {
        const text = applyServerErrors(error, form.setError, opts.fields, opts.fieldMap);
        if (text) setAlert({ tone: "danger", text });
      }
    },
    focusFirstError(opts.fields, form.setFocus),
  );
  const { errors, isSubmitting } = form.formState;
  return { form, errors, isSubmitting, alert, setAlert, onSubmit: whileIdle(isSubmitting, submit) };
}
