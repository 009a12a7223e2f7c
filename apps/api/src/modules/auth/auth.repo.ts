import { authSessions, type Executor, emailTokens, loginFailures, refreshTokens, users } from "@lumen/db";
import { and, asc, desc, eq, gt, isNull, lt, ne, sql } from "drizzle-orm";
import { transactions } from "../../lib/sql.js";
import { authStateColumns } from "./auth-state.js";

/** The longest lockout window (per account, one hour): older failures no longer count. */
const LOGIN_FAILURE_RETENTION_MS = 60 * 60_000;

export type EmailTokenPurpose = (typeof emailTokens.$inferSelect)["purpose"];

export function createAuthRepo(db: Executor) {
  // The hottest query of the API: prepared once, so it is neither rebuilt nor re-planned on every request.
  const authStateQuery = db
    .select(authStateColumns)
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.id, sql.placeholder("sessionId")), eq(authSessions.userId, sql.placeholder("userId"))))
    .limit(1)
    .prepare("lumen_auth_state");

  return {
    ...transactions(db),
    async createSession(input: { userId: string; expiresAt: Date; userAgent: string | null }, tx: Executor = db) {
      const [row] = await tx.insert(authSessions).values(input).returning();
      if (!row) throw new Error("insert returned no row");
      return row;
    },

    async insertRefreshToken(
      input: { userId: string; sessionId: string; tokenHash: string; expiresAt: Date; parentId?: string | null },
      tx: Executor = db,
    ) {
      await tx.insert(refreshTokens).values(input);
    },

    /** The token with its session and user, for refresh and logout. */
    async findRefreshToken(tokenHash: string, tx: Executor = db) {
      const [row] = await tx
        .select({ token: refreshTokens, session: authSessions, user: users })
        .from(refreshTokens)
        .innerJoin(authSessions, eq(authSessions.id, refreshTokens.sessionId))
        .innerJoin(users, eq(users.id, refreshTokens.userId))
        .where(eq(refreshTokens.tokenHash, tokenHash))
        .limit(1);
      return row;
    },

    /** Atomically marks a refresh token spent; false when it already was (reuse, or a concurrent exchange). */
    async spendRefreshToken(id: string, tx: Executor = db): Promise<boolean> {
      const rows = await tx
        .update(refreshTokens)
        .set({ usedAt: new Date() })
        .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.usedAt)))
        .returning({ id: refreshTokens.id });
      return rows.length === 1;
    },

    /**
     * Spends the still-unused token issued in exchange for `parentId`, if there is one: the refresh whose answer
     * was lost is then retried with the parent. False when that successor has been used (or never existed).
     */
    async spendUnusedSuccessor(parentId: string, tx: Executor = db): Promise<boolean> {
      const rows = await tx
        .update(refreshTokens)
        .set({ usedAt: new Date() })
        .where(and(eq(refreshTokens.parentId, parentId), isNull(refreshTokens.usedAt)))
        .returning({ id: refreshTokens.id });
      return rows.length > 0;
    },

    async touchSession(id: string, tx: Executor = db) {
      await tx.update(authSessions).set({ lastUsedAt: new Date() }).where(eq(authSessions.id, id));
    },

    async revokeSession(id: string, reason: string, tx: Executor = db) {
      await tx
        .update(authSessions)
        .set({ revokedAt: new Date(), revokeReason: reason })
        .where(and(eq(authSessions.id, id), isNull(authSessions.revokedAt)));
    },

    async revokeAllSessions(userId: string, reason: string, tx: Executor = db) {
      await tx
        .update(authSessions)
        .set({ revokedAt: new Date(), revokeReason: reason })
        .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)));
    },

    /** The user's live sessions (not revoked, not expired), most recently used first. */
    async listActiveSessions(userId: string, now: Date) {
      return db
        .select({
          id: authSessions.id,
          userAgent: authSessions.userAgent,
          createdAt: authSessions.createdAt,
          lastUsedAt: authSessions.lastUsedAt,
          expiresAt: authSessions.expiresAt,
        })
        .from(authSessions)
        .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt), gt(authSessions.expiresAt, now)))
        .orderBy(desc(authSessions.lastUsedAt));
    },

    /** Ends one of the user's own live sessions; false when it isn't theirs or has already ended. */
    async revokeOwnSession(userId: string, id: string, reason: string): Promise<boolean> {
      const rows = await db
        .update(authSessions)
        .set({ revokedAt: new Date(), revokeReason: reason })
        .where(and(eq(authSessions.id, id), eq(authSessions.userId, userId), isNull(authSessions.revokedAt)))
        .returning({ id: authSessions.id });
      return rows.length > 0;
    },

    /** Ends every live session of the user but one; returns how many ended. */
    async revokeOtherSessions(userId: string, keepId: string, reason: string, tx: Executor = db): Promise<number> {
      const rows = await tx
        .update(authSessions)
        .set({ revokedAt: new Date(), revokeReason: reason })
        .where(and(eq(authSessions.userId, userId), ne(authSessions.id, keepId), isNull(authSessions.revokedAt)))
        .returning({ id: authSessions.id });
      return rows.length;
    },

    /** What every authenticated request checks: the user's live state and its session's (a prepared statement). */
    async findAuthState(userId: string, sessionId: string) {
      const [row] = await authStateQuery.execute({ userId, sessionId });
      return row;
    },

    async insertEmailToken(
      input: { userId: string; purpose: EmailTokenPurpose; tokenHash: string; expiresAt: Date },
      tx: Executor = db,
    ) {
      await tx.insert(emailTokens).values(input);
    },

    /** Spends a live token of that purpose in one statement: single use even under concurrent requests. */
    async consumeEmailToken(tokenHash: string, purpose: EmailTokenPurpose, now: Date, tx: Executor = db) {
      const [row] = await tx
        .update(emailTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(emailTokens.tokenHash, tokenHash),
            eq(emailTokens.purpose, purpose),
            isNull(emailTokens.usedAt),
            gt(emailTokens.expiresAt, now),
          ),
        )
        .returning({ userId: emailTokens.userId });
      return row;
    },

    /** Whose token this is, spent or not: to tell a reused link of a verified address from a bad one. */
    async findEmailTokenOwner(tokenHash: string, purpose: EmailTokenPurpose, tx: Executor = db) {
      const [row] = await tx
        .select({ userId: emailTokens.userId })
        .from(emailTokens)
        .where(and(eq(emailTokens.tokenHash, tokenHash), eq(emailTokens.purpose, purpose)))
        .limit(1);
      return row;
    },

    /** Older unused tokens of a purpose stop working when a new one is sent. */
    async invalidateEmailTokens(userId: string, purpose: EmailTokenPurpose, now: Date, tx: Executor = db) {
      await tx
        .update(emailTokens)
        .set({ usedAt: now })
        .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
    },

    /** Adds a failure and drops this account's failures older than the longest window, so the table stays small. */
    async recordLoginFailure(emailKey: string, clientKey: string, tx: Executor = db) {
      await tx.insert(loginFailures).values({ emailKey, clientKey });
      await tx
        .delete(loginFailures)
        .where(
          and(
            eq(loginFailures.emailKey, emailKey),
            lt(loginFailures.createdAt, new Date(Date.now() - LOGIN_FAILURE_RETENTION_MS)),
          ),
        );
    },

    /** The failure timestamps inside the window, oldest first (the oldest decides when a lock lifts). */
    async loginFailuresSince(emailKey: string, since: Date, clientKey?: string, tx: Executor = db): Promise<Date[]> {
      const rows = await tx
        .select({ at: loginFailures.createdAt })
        .from(loginFailures)
        .where(
          and(
            eq(loginFailures.emailKey, emailKey),
            gt(loginFailures.createdAt, since),
            clientKey ? eq(loginFailures.clientKey, clientKey) : undefined,
          ),
        )
        .orderBy(asc(loginFailures.createdAt));
      return rows.map((r) => r.at);
    },

    async clearLoginFailures(emailKey: string, clientKey: string, tx: Executor = db) {
      await tx
        .delete(loginFailures)
        .where(and(eq(loginFailures.emailKey, emailKey), eq(loginFailures.clientKey, clientKey)));
    },
  };
}
export type AuthRepo = ReturnType<typeof createAuthRepo>;
