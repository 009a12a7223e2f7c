import { z } from "zod";
import { emailSchema, fullNameSchema, passwordSchema } from "./auth.js";
import { levelSchema } from "./course.js";

/** `PATCH /users/me`: what a user says about themselves. Every field optional; at least one; others ignored. */
export const profileUpdateSchema = z
  .object({
    full_name: fullNameSchema,
    bio: z.string().trim().max(1000, "Bio must be at most 1,000 characters"),
    /** The level the tutor writes for; null lets it judge from progress. */
    skill_level: levelSchema.nullable(),
    /** What they want to learn: the learning path weighs courses that match. */
    learning_goals: z
      .array(z.string().trim().min(1, "A goal can't be empty").max(80, "Keep each goal under 80 characters"))
      .max(5, "Up to 5 goals"),
  })
  .partial()
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

/** `POST /auth/email`: a new address for the account, confirmed by a link mailed to it. */
export const emailChangeSchema = z.object({
  current_password: z.string().min(1, "Enter your current password").max(1024),
  new_email: emailSchema,
});
export type EmailChange = z.infer<typeof emailChangeSchema>;

/** What `POST /auth/email` answers: the address waiting for its link to be opened. */
export const emailChangeRequestedSchema = z.object({ pending_email: z.string() });
export type EmailChangeRequested = z.infer<typeof emailChangeRequestedSchema>;

/** `POST /auth/email/confirm`: the token from the link mailed to the new address. */
export const emailChangeConfirmSchema = z.object({
  token: z.string().min(20, "This link is incomplete").max(200, "This link is not valid"),
});

/** `DELETE /users/me`: the password proves it is really them (the web app also asks them to type DELETE). */
export const accountDeletionSchema = z.object({
  password: z.string().min(1, "Enter your password").max(1024),
});
export type AccountDeletion = z.infer<typeof accountDeletionSchema>;

/** The word the settings page asks a user to type before it deletes their account. */
export const ACCOUNT_DELETION_CONFIRMATION = "DELETE";

/** The name a deleted account shows wherever it still appears (reviews, course rosters). */
export const DELETED_USER_NAME = "Deleted learner";

/** Avatars: a photo or picture, not a document; small enough to show in a header. */
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
export const AVATAR_CONTENT_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
