import {
  aiConversations,
  authSessions,
  certificates,
  courses,
  type Executor,
  emailChanges,
  emailTokens,
  lessonNotes,
  loginFailures,
  notificationPreferences,
  notifications,
  refreshTokens,
  securityEvents,
  users,
} from "@lumen/db";
import { and, count, eq, gt, isNull, ne, notInArray, sql } from "drizzle-orm";
import { transactions } from "../../lib/sql.js";

/**
 * The account's own lifecycle: a pending change of email (a `change_email` email token with its new address) and
 * the erasure of a deleted account. Learning rows (progress, attempts, analytics, reviews) are never touched here.
 */
export function createAccountRepo(db: Executor) {
  return {
    ...transactions(db),
    /** Stores a new change request; older unused `change_email` tokens of the user stop working first. */
    async insertEmailChange(
      input: { userId: string; tokenHash: string; expiresAt: Date; newEmail: string; sessionId: string },
      tx: Executor = db,
    ): Promise<void> {
      const now = new Date();
      await tx
        .update(emailTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(emailTokens.userId, input.userId),
            eq(emailTokens.purpose, "change_email"),
            isNull(emailTokens.usedAt),
          ),
        );
      const [token] = await tx
        .insert(emailTokens)
        .values({
          userId: input.userId,
          purpose: "change_email",
          tokenHash: input.tokenHash,
          expiresAt: input.expiresAt,
        })
        .returning({ id: emailTokens.id });
      if (!token) throw new Error("insert returned no row");
      await tx.insert(emailChanges).values({ tokenId: token.id, newEmail: input.newEmail, sessionId: input.sessionId });
    },

    /**
     * Spends the user's live change token in one statement (single use under concurrent requests) and returns
     * its new address. A token of another user is left untouched: null, as for an unknown or spent one.
     */
    async consumeEmailChange(tokenHash: string, userId: string, now: Date, tx: Executor = db) {
      const [token] = await tx
        .update(emailTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(emailTokens.tokenHash, tokenHash),
            eq(emailTokens.purpose, "change_email"),
            eq(emailTokens.userId, userId),
            isNull(emailTokens.usedAt),
            gt(emailTokens.expiresAt, now),
          ),
        )
        .returning({ id: emailTokens.id });
      if (!token) return null;
      const [change] = await tx
        .select({ newEmail: emailChanges.newEmail, sessionId: emailChanges.sessionId })
        .from(emailChanges)
        .where(eq(emailChanges.tokenId, token.id))
        .limit(1);
      return change ?? null;
    },

    /** Sets the new address (verified by the link just opened) and ends every session but the ones kept. */
    async applyEmailChange(
      userId: string,
      newEmail: string,
      keepSessionIds: string[],
      tx: Executor = db,
    ): Promise<number> {
      await tx
        .update(users)
        .set({ email: newEmail, emailVerified: true, updatedAt: new Date() })
        .where(eq(users.id, userId));
      const ended = await tx
        .update(authSessions)
        .set({ revokedAt: new Date(), revokeReason: "email_changed" })
        .where(
          and(
            eq(authSessions.userId, userId),
            isNull(authSessions.revokedAt),
            keepSessionIds.length > 0 ? notInArray(authSessions.id, keepSessionIds) : undefined,
          ),
        )
        .returning({ id: authSessions.id });
      // Reset links mailed to the old address must not work any more.
      await tx
        .update(emailTokens)
        .set({ usedAt: new Date() })
        .where(and(eq(emailTokens.userId, userId), isNull(emailTokens.usedAt)));
      return ended.length;
    },

    /** How many security events of this type the user caused since `since` (a per-account budget). */
    async eventsSince(userId: string, type: string, since: Date): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(securityEvents)
        .where(
          and(eq(securityEvents.userId, userId), eq(securityEvents.type, type), gt(securityEvents.createdAt, since)),
        );
      return row?.n ?? 0;
    },

    async publishedCourseCount(userId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(courses)
        .where(and(eq(courses.creatorId, userId), eq(courses.status, "published")));
      return row?.n ?? 0;
    },

    /** Enabled admins other than this user: an account may not take the last one away. */
    async otherAdminCount(userId: string, tx: Executor = db): Promise<number> {
      const [row] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, userId)));
      return row?.n ?? 0;
    },

    /**
     * Erases what identifies the person and keeps the row, so progress, quiz attempts, analytics events, reviews
     * and payments stay attached to an anonymous account (creators' figures and the accounts' books don't change).
     * The email becomes a unique tombstone, the password hash a value no password verifies, the account disabled
     * with its token version bumped; sessions end; tokens (and with them pending email changes), tutor conversations, notes,
     * notifications and their preferences are deleted, and so are certificates (their public page names the person).
     */
    async erase(
      userId: string,
      anonymous: { email: string; fullName: string; passwordHash: string; formerEmailKey: string },
      tx: Executor = db,
    ): Promise<void> {
      await tx
        .update(users)
        .set({
          email: anonymous.email,
          fullName: anonymous.fullName,
          passwordHash: anonymous.passwordHash,
          profile: {},
          emailVerified: false,
          disabled: true,
          tokenVersion: sql`${users.tokenVersion} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(users.id, userId));
      await tx
        .update(authSessions)
        .set({ revokedAt: new Date(), revokeReason: "account_deleted" })
        .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)));
      await tx.update(authSessions).set({ userAgent: null }).where(eq(authSessions.userId, userId));
      await tx.delete(refreshTokens).where(eq(refreshTokens.userId, userId));
      await tx.delete(emailTokens).where(eq(emailTokens.userId, userId));
      await tx.delete(aiConversations).where(eq(aiConversations.userId, userId));
      await tx.delete(lessonNotes).where(eq(lessonNotes.userId, userId));
      await tx.delete(certificates).where(eq(certificates.userId, userId));
      await tx.delete(notifications).where(eq(notifications.userId, userId));
      await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
      await tx.delete(loginFailures).where(eq(loginFailures.emailKey, anonymous.formerEmailKey));
    },
  };
}
export type AccountRepo = ReturnType<typeof createAccountRepo>;
