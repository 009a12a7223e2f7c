import { type Executor, mailOutbox } from "@lumen/db";
import { and, asc, count, eq, gt, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";

export type MailRow = typeof mailOutbox.$inferSelect;

export function createMailRepo(db: Executor) {
  return {
    async insert(
      values: { toAddress: string; subject: string; body: string; kind?: string; clientKey?: string | null },
      tx: Executor = db,
    ): Promise<MailRow> {
      const [row] = await tx.insert(mailOutbox).values(values).returning();
      if (!row) throw new Error("insert returned no row");
      return row;
    },

    /** Messages of a kind stored since `since` for one recipient (any letter case) or one client. */
    async countSince(kind: string, since: Date, by: { toAddress: string } | { clientKey: string }): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(mailOutbox)
        .where(
          and(
            eq(mailOutbox.kind, kind),
            gt(mailOutbox.createdAt, since),
            "toAddress" in by
              ? sql`lower(${mailOutbox.toAddress}) = lower(${by.toAddress})`
              : eq(mailOutbox.clientKey, by.clientKey),
          ),
        );
      return Number(row?.n ?? 0);
    },

    /**
     * Claims due messages by pushing their next attempt out by a lease, so another instance (or a
     * concurrent flush) does not send them twice.
     */
    async claimDue(limit: number, maxAttempts: number, leaseSeconds: number): Promise<MailRow[]> {
      const due = db
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(
          and(
            isNull(mailOutbox.sentAt),
            lt(mailOutbox.attempts, maxAttempts),
            lte(mailOutbox.nextAttemptAt, sql`now()`),
          ),
        )
        .orderBy(asc(mailOutbox.nextAttemptAt))
        .limit(limit)
        .for("update", { skipLocked: true });
      const claimed = await db
        .update(mailOutbox)
        .set({ nextAttemptAt: sql`now() + make_interval(secs => ${leaseSeconds})`, claimedBy: null })
        .where(inArray(mailOutbox.id, due))
        .returning();
      // RETURNING follows no order: deliver oldest first, so a newer link never lands before the one it replaces.
      return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    },

    /**
     * Claims one message for a delivery job (`owner`: the job's id), under the same lease as claimDue: null when
     * it is sent, unknown, or not due (another claimer holds its lease, or its retry is not due yet). The attempt count is not checked:
     * a job an operator retries may try a message that had used up its attempts.
     */
    async claimOne(id: string, leaseSeconds: number, owner: string): Promise<MailRow | null> {
      const [row] = await db
        .update(mailOutbox)
        .set({ nextAttemptAt: sql`now() + make_interval(secs => ${leaseSeconds})`, claimedBy: owner })
        .where(
          and(
            eq(mailOutbox.id, id),
            isNull(mailOutbox.sentAt),
            // The same job may take its own lease back: its worker died mid-send and BullMQ handed the job on.
            or(lte(mailOutbox.nextAttemptAt, sql`now()`), eq(mailOutbox.claimedBy, owner)),
          ),
        )
        .returning();
      return row ?? null;
    },

    /** Unsent messages due for an attempt, oldest first (the sweep turns each into a delivery job). */
    async due(
      limit: number,
      maxAttempts: number,
    ): Promise<Array<{ id: string; attempts: number; nextAttemptAt: Date }>> {
      return db
        .select({ id: mailOutbox.id, attempts: mailOutbox.attempts, nextAttemptAt: mailOutbox.nextAttemptAt })
        .from(mailOutbox)
        .where(
          and(
            isNull(mailOutbox.sentAt),
            lt(mailOutbox.attempts, maxAttempts),
            lte(mailOutbox.nextAttemptAt, sql`now()`),
          ),
        )
        .orderBy(asc(mailOutbox.nextAttemptAt))
        .limit(limit);
    },

    async backlog(maxAttempts: number): Promise<{ pending: number; retrying: number; dead: number }> {
      const [row] = await db
        .select({
          pending: sql<number>`count(*) filter (where ${mailOutbox.attempts} = 0)::int`,
          retrying: sql<number>`count(*) filter (where ${mailOutbox.attempts} > 0 and ${mailOutbox.attempts} < ${maxAttempts})::int`,
          dead: sql<number>`count(*) filter (where ${mailOutbox.attempts} >= ${maxAttempts})::int`,
        })
        .from(mailOutbox)
        .where(isNull(mailOutbox.sentAt));
      return { pending: row?.pending ?? 0, retrying: row?.retrying ?? 0, dead: row?.dead ?? 0 };
    },

    async markSent(id: string) {
      await db.update(mailOutbox).set({ sentAt: new Date(), lastError: null }).where(eq(mailOutbox.id, id));
    },

    async markFailed(id: string, error: string, retryInSeconds: number) {
      await db
        .update(mailOutbox)
        .set({
          attempts: sql`${mailOutbox.attempts} + 1`,
          lastError: error.slice(0, 500),
          nextAttemptAt: sql`now() + make_interval(secs => ${retryInSeconds})`,
        })
        .where(eq(mailOutbox.id, id));
    },
  };
}
export type MailRepo = ReturnType<typeof createMailRepo>;
