import { z } from "zod";
import { courseStatusSchema } from "./course.js";
import { pageQuerySchema } from "./envelope.js";
import { roleSchema } from "./user.js";

export const adminUserListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().min(1).max(200).optional(),
  role: roleSchema.optional(),
});

export const adminUserUpdateSchema = z
  .object({
    role: roleSchema.optional(),
    premium_status: z.boolean().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => b.role !== undefined || b.premium_status !== undefined || b.disabled !== undefined, {
    message: "Give at least one of role, premium_status, disabled",
  });

export const SECURITY_EVENT_TYPES = [
  "login_failed",
  "login_locked",
  "refresh_token_reuse",
  "role_changed",
  "premium_changed",
  "password_reset_requested",
  "password_reset",
  "password_changed",
  "sessions_revoked",
  "account_disabled",
  "account_enabled",
  "disabled_login_attempt",
  "course_moderated",
  "security_alert",
  "email_change_requested",
  "email_changed",
  "account_deleted",
] as const;
export const securityEventTypeSchema = z.enum(SECURITY_EVENT_TYPES);
export type SecurityEventType = z.infer<typeof securityEventTypeSchema>;

export const securityEventSchema = z.object({
  id: z.string(),
  type: securityEventTypeSchema,
  user_id: z.string().nullable(),
  user_email: z
    .string()
    .nullable()
    .optional()
    .describe("The email of the account the event concerns (admin listing; null once the account is gone)"),
  actor_id: z
    .string()
    .nullable()
    .optional()
    .describe(
      "Who acted, when it is not the account the event concerns: the admin who made a change (`details.changed_by`); null otherwise",
    ),
  actor_email: z
    .string()
    .nullable()
    .optional()
    .describe("For changes made by an admin (`details.changed_by`): that admin's email"),
  ip_address: z
    .string()
    .nullable()
    .describe("The address of the request that recorded the event: the actor's when `actor_id` is set"),
  user_agent: z
    .string()
    .nullable()
    .describe("The browser of the request that recorded the event: the actor's when `actor_id` is set"),
  details: z.record(z.string(), z.unknown()),
  created_at: z.string(),
});
export type SecurityEvent = z.infer<typeof securityEventSchema>;

const isoDay = (field: string) => z.iso.date(`${field} must be a date: YYYY-MM-DD`);

export const securityEventQuerySchema = pageQuerySchema
  .extend({
    type: securityEventTypeSchema.optional(),
    user_id: z.uuid("user_id must be a user id (UUID)").optional(),
    user_email: z
      .email("user_email must be an email address")
      .max(320)
      .optional()
      .describe("Events of the account with this email (case-insensitive); none when there is no such account"),
    from: isoDay("from").optional().describe("First UTC day included, YYYY-MM-DD"),
    to: isoDay("to").optional().describe("Last UTC day included, YYYY-MM-DD"),
  })
  .refine((q) => !(q.from && q.to && q.from > q.to), { message: "from must not be after to", path: ["from"] })
  .refine((q) => !(q.user_id && q.user_email), {
    message: "Filter by user_id or by user_email, not both",
    path: ["user_email"],
  });
export type SecurityEventQuery = z.input<typeof securityEventQuerySchema>;

/** Admin course listing: every course whatever its status, newest first. */
export const adminCourseListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().min(1).max(200).optional().describe("Words in the title, or the creator's name or email"),
  status: courseStatusSchema.optional(),
});
export type AdminCourseListQuery = z.input<typeof adminCourseListQuerySchema>;

export const adminCourseSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  status: courseStatusSchema,
  creator: z.object({ id: z.string(), full_name: z.string(), email: z.string() }),
  enrollment_count: z.number().int().min(0).describe("Active enrollments"),
  lesson_count: z.number().int().min(0),
  created_at: z.string(),
  published_at: z.string().nullable(),
});
export type AdminCourse = z.infer<typeof adminCourseSchema>;

/**
 * Moderation: `draft` unpublishes (even with learners enrolled, which only admins may do), `archived` takes the
 * course out of the catalog while enrolled learners keep it, `published` restores it.
 */
export const adminCourseModerationSchema = z.object({
  status: courseStatusSchema,
  reason: z
    .string()
    .trim()
    .max(500, "The reason must be at most 500 characters")
    .optional()
    .describe("Why, for the security log"),
});
export type AdminCourseModeration = z.input<typeof adminCourseModerationSchema>;

/** `PATCH /admin/courses/:id`: the moderated course. */
export const adminCourseResultSchema = z.object({ course: adminCourseSchema });
