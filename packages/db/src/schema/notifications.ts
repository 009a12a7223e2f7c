import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.js";

/**
 * In-app notifications, written by the notification jobs (never inside the request that caused them). `dedupe_key`
 * names the event (`lesson.<id>`, `refund.<purchase>.<amount>`…): a job that runs again inserts nothing twice.
 * `data` is the event's snapshot for display (titles, amounts, a reason); `link` is the page it leads to.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    data: jsonb("data").$type<Record<string, string | number | null>>().notNull().default({}),
    link: text("link"),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date", precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notifications_user_dedupe_key").on(t.userId, t.dedupeKey),
    index("notifications_user_time_idx").on(t.userId, t.createdAt, t.id),
  ],
);

/** A user's choices per kind; a kind without a row follows the defaults in the API's notification catalogue. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    inApp: boolean("in_app").notNull(),
    email: boolean("email").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] }), index("notification_preferences_kind_idx").on(t.kind, t.email)],
);
