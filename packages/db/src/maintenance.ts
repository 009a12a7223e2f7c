import { type SQL, sql } from "drizzle-orm";
import type { Database } from "./client.js";
import { users } from "./schema/index.js";

/** True when there is nothing in the database yet (first start). */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return (row?.n ?? 0) === 0;
}

/** Empties every application table (not the migrations journal). */
export async function resetDatabase(db: Database): Promise<void> {
  const result = await execRows<{ tablename: string }>(
    db,
    sql`select tablename from pg_tables where schemaname = 'public'`,
  );
  const tables = result.rows.map((r) => `"public"."${r.tablename}"`);
  if (tables.length > 0) await db.execute(sql.raw(`TRUNCATE ${tables.join(", ")} RESTART IDENTITY CASCADE`));
}

/** Raw SQL with typed rows, the same on both drivers (Drizzle types `execute` per driver). */
export async function execRows<T>(db: Database, query: SQL): Promise<{ rows: T[] }> {
  return (await db.execute(query)) as unknown as { rows: T[] };
}
