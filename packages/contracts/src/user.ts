import { z } from "zod";

export const ROLES = ["student", "creator", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const subscriptionSchema = z.object({
  type: z.enum(["premium_monthly", "premium_yearly"]).nullable(),
  status: z.string().nullable(),
  stripe_id: z.string().nullable(),
  current_period_end: z.string().nullable(),
  cancel_at_period_end: z.boolean(),
});

export const profileSchema = z
  .object({
    bio: z.string().optional(),
    avatar_url: z.string().optional(),
    skill_level: z.enum(["beginner", "intermediate", "advanced"]).optional(),
    interests: z.array(z.string()).optional(),
    timezone: z.string().optional(),
  })
  .catchall(z.unknown());

export const userStatsSchema = z
  .object({
    lessons_completed: z.number().int(),
    minutes_learned: z.number(),
    current_streak_days: z.number().int(),
    best_streak_days: z.number().int(),
    last_active_date: z.string().nullable(),
  })
  .catchall(z.unknown());

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  full_name: z.string(),
  role: roleSchema,
  premium_status: z.boolean(),
  email_verified: z.boolean(),
  disabled: z.boolean(),
  subscription: subscriptionSchema,
  profile: profileSchema,
  stats: userStatsSchema,
  created_at: z.string(),
});
export type User = z.infer<typeof userSchema>;
