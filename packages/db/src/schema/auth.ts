import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.js";

/**
 * A login session = one refresh-token family. Access tokens carry its id (`sid`), so revoking the session
 * (logout, reuse detection, reset) also stops the access tokens issued under it.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    /** Absolute end of the session: rotation never extends it. */
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date", precision: 3 }),
    revokeReason: text("revoke_reason"),
    userAgent: text("user_agent"),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => authSessions.id, { onDelete: "cascade" }),
    /** SHA-256 of the 256-bit random token; the token itself is never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    /** Set when the token is exchanged; presenting it again is reuse. */
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date", precision: 3 }),
    /** The token this one was issued in exchange for (null for the first of a session). */
    parentId: uuid("parent_id"),
  },
  (t) => [
    index("refresh_tokens_session_idx").on(t.sessionId),
    index("refresh_tokens_user_idx").on(t.userId),
    index("refresh_tokens_parent_idx").on(t.parentId),
  ],
);

export const emailTokens = pgTable(
  "email_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["verify_email", "reset_password", "change_email"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [index("email_tokens_user_idx").on(t.userId, t.purpose)],
);

/** Failed logins, counted per account and per (account, client) for brute-force lockouts. */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    emailKey: text("email_key").notNull(),
    /** HMAC of the client IP: enough to count per client without keeping the address. */
    clientKey: text("client_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("login_failures_email_idx").on(t.emailKey, t.createdAt),
    index("login_failures_email_client_idx").on(t.emailKey, t.clientKey, t.createdAt),
  ],
);

export const securityEvents = pgTable(
  "security_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    type: text("type").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** Encrypted at rest (AES-256-GCM). */
    ipAddress: text("ip_address"),
    /** Encrypted at rest (AES-256-GCM). */
    userAgent: text("user_agent"),
    details: text("details").notNull().default("{}"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("security_events_created_idx").on(t.createdAt),
    index("security_events_type_idx").on(t.type, t.createdAt),
    index("security_events_user_idx").on(t.userId, t.createdAt),
  ],
);

/** Outgoing mail that could not be delivered yet; retried with backoff so a request never loses its email. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    /** What the message is (verify_email, reset_password…): mail is throttled per kind. */
    kind: text("kind").notNull().default("other"),
    /** HMAC of the address of the client whose request caused the message; null when no client did. */
    clientKey: text("client_key"),
    /** Encrypted at rest: the body carries single-use links. */
    body: text("body").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date", precision: 3 })
      .notNull()
      .defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date", precision: 3 }),
    /** The delivery job holding the current lease: it may claim the row again if its worker died mid-send. */
    claimedBy: text("claimed_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("mail_outbox_pending_idx").on(t.sentAt, t.nextAttemptAt),
    index("mail_outbox_recipient_idx").on(t.kind, sql`lower(${t.toAddress})`, t.createdAt),
    index("mail_outbox_client_idx").on(t.kind, t.clientKey, t.createdAt),
  ],
);
