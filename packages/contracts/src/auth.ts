import { z } from "zod";
import { isCommonPassword } from "./common-passwords.js";
import { userSchema } from "./user.js";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export const emailSchema = z
  .string()
  .trim()
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email({ message: "Enter a valid email address" }));

/** NIST-style policy: length only, no composition rules, the most common passwords refused. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters`)
  .refine((p) => !isCommonPassword(p), "This password is too common; choose a less predictable one");

/**
 * A person's name as others see it: one line of text. Line breaks, control characters and bidirectional overrides
 * are refused: a name is printed into emails, certificates and other people's pages, where they would forge lines
 * ("Bcc: …") or reorder what a reader sees.
 */
export const fullNameSchema = z
  .string()
  .trim()
  .min(1, "Enter your name")
  .max(120, "Name must be at most 120 characters")
  .refine(
    (name) => !/[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u.test(name),
    "A name is one line of text: no line breaks, tabs or control characters",
  );

export const registerBodySchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  full_name: fullNameSchema,
});
export type RegisterBody = z.infer<typeof registerBodySchema>;

export const loginBodySchema = z.object({
  email: emailSchema,
  // No policy check on login: only the stored hash decides.
  password: z.string().min(1, "Enter your password").max(PASSWORD_MAX),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const refreshTokenSchema = z.string().min(20).max(200);

/** The refresh token may come in the body or in the httpOnly cookie, so the body field is optional. */
export const refreshBodySchema = z.object({ refresh_token: refreshTokenSchema.optional() });
export const logoutBodySchema = refreshBodySchema;

export const verifyEmailQuerySchema = z.object({ token: z.string().min(20).max(200) });

export const resetRequestBodySchema = z.object({ email: emailSchema });
export const resetConfirmBodySchema = z.object({
  token: z.string().min(20).max(200),
  new_password: passwordSchema,
});
/**
 * `POST /auth/reset-password` takes either `{email}` (request a link) or `{token, new_password}` (set it).
 * One object with optional fields, so each bad field gets its own message.
 */
export const resetPasswordBodySchema = z
  .object({
    email: emailSchema.optional(),
    token: resetConfirmBodySchema.shape.token.optional(),
    new_password: passwordSchema.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.token !== undefined || b.new_password !== undefined) {
      if (b.token === undefined)
        ctx.addIssue({ code: "custom", path: ["token"], message: "The reset token is required" });
      if (b.new_password === undefined) {
        ctx.addIssue({ code: "custom", path: ["new_password"], message: "Choose a new password" });
      }
    } else if (b.email === undefined) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "Enter the email of your account" });
    }
  });

export const authResultSchema = z.object({
  user: userSchema,
  access_token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal("bearer"),
  expires_in: z.number().int(),
});
export type AuthResult = z.infer<typeof authResultSchema>;

export const userResultSchema = z.object({ user: userSchema });

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_SECONDS = 7 * 24 * 60 * 60;
export const REFRESH_COOKIE_NAME = "lumen_refresh";
