import { z } from "zod";
import { pageQuerySchema } from "./envelope.js";

/**
 * What a user can be notified about. Defaults (a user who never changed anything): every kind in-app; email for
 * what someone must not miss (a certificate, a course taken down, money moving back, a reply to their review is
 * in-app only), no email for new lessons (a busy course would flood the inbox). `payment.succeeded` and
 * `payment.failed` have no notification email: the billing module always mails the receipt or the failure notice.
 */
export const NOTIFICATION_KINDS = [
  "lesson.published",
  "certificate.earned",
  "review.reply",
  "course.unpublished",
  "payment.succeeded",
  "payment.failed",
  "payment.refunded",
] as const;
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  kind: notificationKindSchema,
  title: z.string(),
  body: z.string(),
  /** A path in the web app (`/courses/…`), or null when there is nothing to open. */
  link: z.string().nullable(),
  read: z.boolean(),
  created_at: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = pageQuerySchema;
export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  next_cursor: z.string().nullable(),
  unread_count: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const notificationReadAllSchema = z.object({ updated: z.number().int(), unread_count: z.number().int() });
export type NotificationReadAll = z.infer<typeof notificationReadAllSchema>;

export const notificationKindPreferenceSchema = z.object({
  kind: notificationKindSchema,
  label: z.string(),
  in_app: z.boolean(),
  email: z.boolean(),
  /** False where this kind sends no notification email (its email is a receipt that always goes out). */
  email_available: z.boolean(),
});
export type NotificationKindPreference = z.infer<typeof notificationKindPreferenceSchema>;

export const notificationPreferencesSchema = z.object({
  kinds: z.array(notificationKindPreferenceSchema),
  /** The weekly progress email (opt-in). */
  weekly_progress_email: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

/** `PUT /users/me/notification-preferences`: only what is named changes. */
export const notificationPreferencesUpdateSchema = z.object({
  kinds: z
    .array(z.object({ kind: notificationKindSchema, in_app: z.boolean().optional(), email: z.boolean().optional() }))
    .max(NOTIFICATION_KINDS.length * 2)
    .optional(),
  weekly_progress_email: z.boolean().optional(),
});
export type NotificationPreferencesUpdate = z.infer<typeof notificationPreferencesUpdateSchema>;

/** `POST /notifications/unsubscribe`: the signed token of an email's unsubscribe link (no login needed). */
export const unsubscribeSchema = z.object({ token: z.string().min(1).max(500) });
export const unsubscribeResultSchema = z.object({
  kind: z.union([notificationKindSchema, z.literal("weekly.progress")]),
  label: z.string(),
});
export type UnsubscribeResult = z.infer<typeof unsubscribeResultSchema>;
