import { courses, type Executor, reviews, users } from "@lumen/db";
import { and, desc, eq, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import { transactions } from "../../lib/sql.js";

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

export function createUserRepo(db: Executor) {
  return {
    ...transactions(db),
    async findById(id: string, tx: Executor = db): Promise<UserRow | undefined> {
      const [row] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
      return row;
    },

    /** Case-insensitive, matching the unique index on lower(email). */
    async findByEmail(email: string, tx: Executor = db): Promise<UserRow | undefined> {
      const [row] = await tx.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
      return row;
    },

    async insert(values: NewUserRow, tx: Executor = db): Promise<UserRow> {
      const [row] = await tx.insert(users).values(values).returning();
      if (!row) throw new Error("insert returned no row");
      return row;
    },

    async update(
      id: string,
      values: Partial<
        Pick<NewUserRow, "role" | "premiumStatus" | "disabled" | "emailVerified" | "passwordHash" | "fullName">
      > & {
        bumpTokenVersion?: boolean;
      },
      tx: Executor = db,
    ): Promise<UserRow | undefined> {
      const { bumpTokenVersion, ...fields } = values;
      const [row] = await tx
        .update(users)
        .set({
          ...fields,
          ...(bumpTokenVersion ? { tokenVersion: sql`${users.tokenVersion} + 1` } : {}),
          updatedAt: new Date(),
        })
        .where(eq(users.id, id))
        .returning();
      return row;
    },

    /** Courses whose public pages show this person: the ones they teach and the ones they reviewed. */
    async coursesShowing(id: string): Promise<string[]> {
      const [taught, reviewed] = await Promise.all([
        db.select({ id: courses.id }).from(courses).where(eq(courses.creatorId, id)),
        db.select({ id: reviews.courseId }).from(reviews).where(eq(reviews.userId, id)),
      ]);
      return [...new Set([...taught, ...reviewed].map((r) => r.id))];
    },

    /**
     * Sets the name and merges `profile` into the stored one in one statement (jsonb `||`), so two edits of
     * different fields never undo each other; keys given as null are removed.
     */
    async updateProfile(
      id: string,
      changes: { fullName?: string; profile: Record<string, unknown> },
      tx: Executor = db,
    ): Promise<UserRow | undefined> {
      const set = Object.fromEntries(Object.entries(changes.profile).filter(([, v]) => v !== null));
      const removed = Object.entries(changes.profile)
        .filter(([, v]) => v === null)
        .map(([k]) => k);
      let profile = sql`${users.profile}`;
      for (const key of removed) profile = sql`(${profile} - ${key}::text)`;
      const [row] = await tx
        .update(users)
        .set({
          ...(changes.fullName !== undefined ? { fullName: changes.fullName } : {}),
          profile: sql`${profile} || ${JSON.stringify(set)}::jsonb`,
          updatedAt: new Date(),
        })
        .where(eq(users.id, id))
        .returning();
      return row;
    },

    /** Newest first; keyset on (created_at, id). */
    async list(
      filter: {
        q?: string | undefined;
        role?: UserRow["role"] | undefined;
        after?: { t: string; id: string } | undefined;
        limit: number;
      },
      tx: Executor = db,
    ): Promise<UserRow[]> {
      const where: SQL[] = [];
      if (filter.role) where.push(eq(users.role, filter.role));
      if (filter.q) {
        const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        where.push(or(ilike(users.email, pattern), ilike(users.fullName, pattern)) as SQL);
      }
      if (filter.after) {
        const t = new Date(filter.after.t);
        where.push(or(lt(users.createdAt, t), and(eq(users.createdAt, t), lt(users.id, filter.after.id))) as SQL);
      }
      return tx
        .select()
        .from(users)
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(users.createdAt), desc(users.id))
        .limit(filter.limit);
    },
  };
}
export type UserRepo = ReturnType<typeof createUserRepo>;
