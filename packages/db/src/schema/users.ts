import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export type UserProfile = {
  bio?: string;
  avatar_url?: string;
  skill_level?: "beginner" | "intermediate" | "advanced";
  interests?: string[];
  timezone?: string;
};
export type UserStats = {
  lessons_completed: number;
  minutes_learned: number;
  current_streak_days: number;
  best_streak_days: number;
  last_active_date: string | null;
};
/**
 * A copy of the user's Premium subscription (the billing module writes it with the `subscriptions` row).
 * `stripe_id` is stored encrypted (AES-256-GCM) by the API; rows written before payments lack the last two fields.
 */
export type UserSubscription = {
  type: string | null;
  status: string | null;
  stripe_id: string | null;
  current_period_end?: string | null;
  cancel_at_period_end?: boolean;
};

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    fullName: text("full_name").notNull(),
    role: text("role", { enum: ["student", "creator", "admin"] })
      .notNull()
      .default("student"),
    premiumStatus: boolean("premium_status").notNull().default(false),
    emailVerified: boolean("email_verified").notNull().default(false),
    disabled: boolean("disabled").notNull().default(false),
    /** Bumped on password reset and disable: access tokens carrying an older version stop working. */
    tokenVersion: integer("token_version").notNull().default(0),
    subscription: jsonb("subscription")
      .$type<UserSubscription>()
      .notNull()
      .default({ type: null, status: null, stripe_id: null }),
    profile: jsonb("profile").$type<UserProfile>().notNull().default({}),
    stats: jsonb("stats").$type<UserStats>().notNull().default({
      lessons_completed: 0,
      minutes_learned: 0,
      current_streak_days: 0,
      best_streak_days: 0,
      last_active_date: null,
    }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    index("users_role_idx").on(t.role),
    index("users_created_at_idx").on(t.createdAt),
  ],
);
