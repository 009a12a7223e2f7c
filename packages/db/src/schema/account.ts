import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { authSessions, emailTokens } from "./auth.js";

/**
 * A pending change of sign-in email: the `change_email` token mailed to the new address, and that address. The
 * change applies only when the link is opened (the token is spent then, like every email token); a newer request
 * invalidates the older token, and with it this row's meaning.
 */
export const emailChanges = pgTable("email_changes", {
  tokenId: uuid("token_id")
    .primaryKey()
    .references(() => emailTokens.id, { onDelete: "cascade" }),
  newEmail: text("new_email").notNull(),
  /** The session that asked: it stays signed in when the change applies, every other one ends. */
  sessionId: uuid("session_id").references(() => authSessions.id, { onDelete: "set null" }),
});
