import { z } from "zod";
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
  "account_disabled",
  "account_enabled",
  "disabled_login_attempt",
] as const;
export const securityEventTypeSchema = z.enum(SECURITY_EVENT_TYPES);
export type SecurityEventType = z.infer<typeof securityEventTypeSchema>;

export const securityEventSchema = z.object({
  id: z.string(),
  type: securityEventTypeSchema,
  user_id: z.string().nullable(),
  ip_address: z.string().nullable(),
  user_agent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  created_at: z.string(),
});

export const securityEventQuerySchema = pageQuerySchema.extend({
  type: securityEventTypeSchema.optional(),
  user_id: z.string().uuid().optional(),
});
