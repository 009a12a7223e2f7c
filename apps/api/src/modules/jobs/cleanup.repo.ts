import { authSessions, type Executor, emailTokens, loginFailures, mailOutbox, securityEvents } from "@lumen/db";
import { and, isNotNull, lt, or, sql } from "drizzle-orm";

/** How long finished rows are kept after they stop mattering (a day of slack for clock skew and support). */
export const RETENTION = {
  /** Expired or revoked sessions (their refresh tokens go with them); reuse detection needs a live session. */
  sessionDays: 30,
  emailTokenDays: 1,
  loginFailureDays: 1,
  sentMailDays: 30,
  securityEventDays: 365,
} as const;

const daysAgo = (days: number) => sql`now() - make_interval(days => ${days})`;

/** The `maintenance.cleanup` job's deletes: each one idempotent, so a re-run after a crash is harmless. */
export function createCleanupRepo(db: Executor) {
  return {
    async run(): Promise<Record<string, number>> {
      const sessions = await db
        .delete(authSessions)
        .where(
          or(
            lt(authSessions.expiresAt, daysAgo(RETENTION.sessionDays)),
            and(isNotNull(authSessions.revokedAt), lt(authSessions.revokedAt, daysAgo(RETENTION.sessionDays))),
          ),
        )
        .returning({ id: authSessions.id });
      const tokens = await db
        .delete(emailTokens)
        .where(
          or(
            lt(emailTokens.expiresAt, daysAgo(RETENTION.emailTokenDays)),
            and(isNotNull(emailTokens.usedAt), lt(emailTokens.usedAt, daysAgo(RETENTION.emailTokenDays))),
          ),
        )
        .returning({ id: emailTokens.id });
      const failures = await db
        .delete(loginFailures)
        .where(lt(loginFailures.createdAt, daysAgo(RETENTION.loginFailureDays)))
        .returning({ id: loginFailures.id });
      const mails = await db
        .delete(mailOutbox)
        .where(and(isNotNull(mailOutbox.sentAt), lt(mailOutbox.sentAt, daysAgo(RETENTION.sentMailDays))))
        .returning({ id: mailOutbox.id });
      const events = await db
        .delete(securityEvents)
        .where(lt(securityEvents.createdAt, daysAgo(RETENTION.securityEventDays)))
        .returning({ id: securityEvents.id });
      return {
        sessions: sessions.length,
        email_tokens: tokens.length,
        login_failures: failures.length,
        sent_mails: mails.length,
        security_events: events.length,
      };
    },
  };
}
