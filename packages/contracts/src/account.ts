import { z } from "zod";
import { passwordSchema } from "./auth.js";
import { levelSchema } from "./course.js";

/** `PATCH /users/me`: what a user says about themselves. Every field optional; at least one. */
export const profileUpdateSchema = z
  .object({
    full_name: z.string().trim().min(1, "Enter your name").max(120, "Name must be at most 120 characters"),
    bio: z.string().trim().max(1000, "Bio must be at most 1,000 characters"),
    /** The level the tutor writes for; null lets it judge from progress. */
    skill_level: levelSchema.nullable(),
    /** What they want to learn: the learning path weighs courses that match. */
    learning_goals: z
      .array(z.string().trim().min(1, "A goal can't be empty").max(80, "Keep each goal under 80 characters"))
      .max(5, "Up to 5 goals"),
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, "Send at least one field to change");
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

/** `POST /auth/password`: the current password proves it is really them. */
export const passwordChangeSchema = z
  .object({
    current_password: z.string().min(1, "Enter your current password").max(1024),
    new_password: passwordSchema,
  })
  .refine((b) => b.current_password !== b.new_password, {
    path: ["new_password"],
    message: "Choose a password different from the current one",
  });
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

/** `GET /auth/sessions`: where the account is signed in. */
export const accountSessionSchema = z.object({
  id: z.string(),
  /** "Firefox on Linux", from the browser's user agent at sign-in. */
  device: z.string(),
  created_at: z.string(),
  last_used_at: z.string(),
  expires_at: z.string(),
  /** The session making this request. */
  current: z.boolean(),
});
export type AccountSession = z.infer<typeof accountSessionSchema>;
export const accountSessionListSchema = z.array(accountSessionSchema);

export const revokedSessionsSchema = z.object({ revoked: z.number().int() });
