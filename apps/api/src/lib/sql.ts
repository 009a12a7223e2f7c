import { type Column, getTableName, type SQL, sql } from "drizzle-orm";

/**
 * `"table"."column"`, qualified everywhere. In the select list of a query over one table, Drizzle writes a
 * column inside `sql` without its table, so a correlated subquery there would bind it to the subquery's own
 * table (`where a.quiz_id = "id"` compares with `a.id`). Use this for outer columns in such subqueries.
 */
export function qualified(column: Column): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
