import { type Executor, securityEvents, users } from "@lumen/db";
import { and, asc, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";

export type SecurityEventRow = typeof securityEvents.$inferSelect;

export function createSecurityRepo(db: Executor) {
  return {
    async insert(values: typeof securityEvents.$inferInsert, tx: Executor = db): Promise<string> {
      const [row] = await tx.insert(securityEvents).values(values).returning({ id: securityEvents.id });
      if (!row) throw new Error("insert returned no row");
      return row.id;
    },

    async findById(id: string, tx: Executor = db): Promise<SecurityEventRow | null> {
      const [row] = await tx.select().from(securityEvents).where(eq(securityEvents.id, id));
      return row ?? null;
    },

    /** Where security alerts are emailed: every admin account that is not disabled. */
    async adminEmails(tx: Executor = db): Promise<string[]> {
      const rows = await tx
        .select({ email: users.email })
        .from(users)
        .where(and(eq(users.role, "admin"), eq(users.disabled, false)))
        .orderBy(asc(users.email));
      return rows.map((r) => r.email);
    },

    async list(
      filter: {
        type?: string | undefined;
        userId?: string | undefined;
        /** Events at or after this instant. */
        since?: Date | undefined;
        /** Events before this instant. */
        until?: Date | undefined;
        after?: { t: string; id: string } | undefined;
        limit: number;
      },
      tx: Executor = db,
    ): Promise<SecurityEventRow[]> {
      const where: SQL[] = [];
      if (filter.type) where.push(eq(securityEvents.type, filter.type));
      if (filter.userId) where.push(eq(securityEvents.userId, filter.userId));
      if (filter.since) where.push(gte(securityEvents.createdAt, filter.since));
      if (filter.until) where.push(lt(securityEvents.createdAt, filter.until));
      if (filter.after) {
        const t = new Date(filter.after.t);
        where.push(
          or(
            lt(securityEvents.createdAt, t),
            and(eq(securityEvents.createdAt, t), lt(securityEvents.id, filter.after.id)),
          ) as SQL,
        );
      }
      return tx
        .select()
        .from(securityEvents)
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(securityEvents.createdAt), desc(securityEvents.id))
        .limit(filter.limit);
    },
  };
}
export type SecurityRepo = ReturnType<typeof createSecurityRepo>;
