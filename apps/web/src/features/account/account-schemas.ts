import { loginBodySchema, registerBodySchema, resetConfirmBodySchema, resetRequestBodySchema } from "@lumen/contracts";
import { z } from "zod";

// The forms validate with the API's own schemas, so a learner sees the same rules (and words) the API applies.

export const loginFormSchema = loginBodySchema;
export type LoginForm = z.input<typeof loginFormSchema>;

export const registerFormSchema = registerBodySchema;
export type RegisterForm = z.input<typeof registerFormSchema>;

export const forgotPasswordFormSchema = resetRequestBodySchema;
export type ForgotPasswordForm = z.input<typeof forgotPasswordFormSchema>;

/** The new password as the API checks it, typed twice; the token comes from the link, not the form. */
export const resetPasswordFormSchema = resetConfirmBodySchema
  .pick({ new_password: true })
  .extend({ confirm_password: z.string().min(1, "Type the new password again") })
  .refine((form) => form.new_password === form.confirm_password, {
    path: ["confirm_password"],
    message: "The two passwords don't match",
  });
export type ResetPasswordForm = z.input<typeof resetPasswordFormSchema>;
