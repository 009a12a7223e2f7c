import type { Executor } from "@lumen/db";
import { type Column, getTableName, type SQL, sql } from "drizzle-orm";

/**
 * `"table"."column"`, qualified everywhere. In the select list of a query over one table, Drizzle writes a
 * column inside `sql` without its table, so a correlated subquery there would bind it to the subquery's own
 * table (`where a.quiz_id = "id"` compares with `a.id`). Use this for outer columns in such subqueries.
 */
export function qualified(column: Column): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/**
 * The `transaction()` a repository exposes, so a service groups its writes without holding the database handle
 * (and a unit test hands it an in-memory stand-in). The callback's `tx` goes back to the repository's writes.
 */
export function transactions(db: Executor) {
  return {
    transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
      return db.transaction((tx) => fn(tx));
    },
  };
}
