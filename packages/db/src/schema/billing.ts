import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { courses } from "./courses.js";
import { users } from "./users.js";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });

/** One payment-provider customer per user, created once (the unique user key makes a race produce one row). */
export const billingCustomers = pgTable("billing_customers", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  providerCustomerId: text("provider_customer_id").notNull().unique(),
  createdAt: at("created_at").notNull().defaultNow(),
});

/**
 * A checkout the API started: a course purchase or a Premium subscription. The amount is copied from the
 * course's price when the checkout starts (integer minor units), never taken from the client.
 */
export const checkoutSessions = pgTable(
  "checkout_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["course", "premium"] }).notNull(),
    courseId: uuid("course_id").references(() => courses.id, { onDelete: "cascade" }),
    interval: text("interval", { enum: ["month", "year"] }),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    provider: text("provider", { enum: ["stripe", "test"] }).notNull(),
    providerSessionId: text("provider_session_id").unique(),
    status: text("status", { enum: ["open", "complete", "expired"] })
      .notNull()
      .default("open"),
    fulfilledAt: at("fulfilled_at"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("checkout_sessions_user_idx").on(t.userId, t.createdAt),
    check("checkout_sessions_amount_nonneg", sql`${t.amount} >= 0`),
  ],
);

/** A paid course. One row per checkout session, so a duplicated fulfilment can never sell the course twice. */
export const purchases = pgTable(
  "purchases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    checkoutSessionId: uuid("checkout_session_id")
      .notNull()
      .unique()
      .references(() => checkoutSessions.id, { onDelete: "cascade" }),
    paymentIntentId: text("payment_intent_id").unique(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: ["paid", "refunded"] })
      .notNull()
      .default("paid"),
    refundedAmount: integer("refunded_amount").notNull().default(0),
    /** An admin asked Stripe for the refund; `charge.refunded` confirms it (then `status` turns `refunded`). */
    refundRequestedAt: at("refund_requested_at"),
    createdAt: at("created_at").notNull().defaultNow(),
    refundedAt: at("refunded_at"),
  },
  (t) => [
    index("purchases_user_course_idx").on(t.userId, t.courseId),
    index("purchases_course_created_idx").on(t.courseId, t.createdAt),
    index("purchases_created_idx").on(t.createdAt),
  ],
);

/**
 * The user's Premium subscription (one per user; a new subscription replaces an ended one). `stateAt` is the
 * provider's timestamp of the state stored here: an older event never overwrites a newer state.
 */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    providerSubscriptionId: text("provider_subscription_id").notNull().unique(),
    plan: text("plan", { enum: ["premium_monthly", "premium_yearly"] }).notNull(),
    status: text("status").notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    currentPeriodEnd: at("current_period_end"),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    stateAt: at("state_at").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("subscriptions_user_key").on(t.userId), index("subscriptions_status_idx").on(t.status)],
);

/** Subscription invoices (receipts), paid or failed. */
export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    providerInvoiceId: text("provider_invoice_id").notNull().unique(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: ["paid", "failed"] }).notNull(),
    hostedUrl: text("hosted_url"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("invoices_user_idx").on(t.userId, t.createdAt)],
);

/** Every provider event applied, by its id: a replay or a concurrent duplicate finds its row and changes nothing. */
export const paymentEvents = pgTable("payment_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  createdAt: at("created_at").notNull(),
  receivedAt: at("received_at").notNull().defaultNow(),
});
