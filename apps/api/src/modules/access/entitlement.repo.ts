import { courseGrants, purchases, users } from "@lumen/db";
import { type Placeholder, type SQL, sql } from "drizzle-orm";

/** A user id as SQL: a bound value, a prepared-statement placeholder, or a column of the outer query. */
type UserIdSql = SQL | Placeholder | string | null;
/** The course's columns in the outer query, table-qualified (a bare column would bind inside the subqueries). */
export type CourseColumns = { id: SQL; isFree: SQL; creatorId: SQL };

/** The columns of `courses` (or of an alias of it) in the outer query, qualified by that name. */
export function courseColumnsOf(alias = "courses"): CourseColumns {
  const col = (name: string) => sql`${sql.identifier(alias)}.${sql.identifier(name)}`;
  return { id: col("id"), isFree: col("is_free"), creatorId: col("creator_id") };
}

const uid = (userId: UserIdSql) => sql`${userId}::uuid`;

/**
 * Premium counts while the subscription is `active` or `trialing`, and otherwise (`past_due`, `canceled`,
 * `unpaid`) until the paid period ends. An admin-granted Premium has no period and never lapses.
 */
export function premiumActiveSql(userId: UserIdSql): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${users} pu where pu.id = ${uid(userId)} and pu.premium_status and (
    coalesce(pu.subscription->>'status', '') in ('active', 'trialing')
    or pu.subscription->>'current_period_end' is null
    or (pu.subscription->>'current_period_end')::timestamptz > now()))`;
}

/**
 * THE rule for a paid course's content, as one SQL predicate (every reader of lesson content goes through it:
 * the lesson reader, enrollment, progress, the tutor's readable lessons): free courses are open; a paid course
 * opens to its owner, admins, an admin grant, a paid (not refunded) purchase, or active Premium.
 */
export function entitledSql(userId: UserIdSql, course: CourseColumns = courseColumnsOf()): SQL<boolean> {
  return sql<boolean>`(${course.isFree} or ${uid(userId)} is not null and (
    ${course.creatorId} = ${uid(userId)}
    or exists (select 1 from ${users} au where au.id = ${uid(userId)} and au.role = 'admin')
    or exists (select 1 from ${courseGrants} cg where cg.user_id = ${uid(userId)} and cg.course_id = ${course.id})
    or exists (select 1 from ${purchases} pp where pp.user_id = ${uid(userId)} and pp.course_id = ${course.id}
      and pp.status = 'paid')
    or ${premiumActiveSql(userId)}))`;
}
