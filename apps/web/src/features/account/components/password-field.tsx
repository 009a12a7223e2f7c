"use client";

import { type ReactNode, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { FormField, inputClasses } from "@/components/ui/form-field";

/** A password input with a show/hide switch; the switch never submits and keeps the typed value. */
export function PasswordField({
  id,
  label,
  error,
  hint,
  labelAside,
  autoComplete,
  registration,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  labelAside?: ReactNode;
  autoComplete: "current-password" | "new-password";
  registration: UseFormRegisterReturn;
}) {
  const [visible, setVisible] = useState(false);
  return (
    <FormField id={id} label={label} error={error} hint={hint} labelAside={labelAside}>
      {(control) => (
        <div className="relative">
          <input
            {...control}
            {...registration}
            type={visible ? "text" : "password"}
            autoComplete={autoComplete}
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            className={`${inputClasses} pr-20`}
          />
          <button
            type="button"
            aria-pressed={visible}
            aria-controls={id}
            onClick={() => setVisible((v) => !v)}
            className="absolute inset-y-1.5 right-1.5 flex items-center gap-1.5 rounded-lg px-2.5 text-sm font-medium text-muted transition-colors hover:bg-surface-muted hover:text-foreground"
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 20 20"
              className="size-4"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              <path d="M1.5 10s3-6 8.5-6 8.5 6 8.5 6-3 6-8.5 6-8.5-6-8.5-6z" />
              <circle cx="10" cy="10" r="2.5" />
              {visible && <path d="M3 17L17 3" />}
            </svg>
            <span>{visible ? "Hide" : "Show"}</span>
            <span className="sr-only"> password</span>
          </button>
        </div>
      )}
    </FormField>
  );
}
