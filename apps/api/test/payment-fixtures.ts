import type { BillingOverview, CheckoutCreated, CheckoutStatus } from "@lumen/contracts";
import { execRows } from "@lumen/db";
import { sql } from "drizzle-orm";
import { call, type Session, type TestContext } from "./helpers.js";

export const checkout = (ctx: TestContext, who: Session, payload: object) =>
  call<CheckoutCreated>(ctx.app, {
    method: "POST",
    url: "/api/v1/payments/checkout",
    token: who.access_token,
    payload,
  });

export const checkoutStatus = (ctx: TestContext, who: Session, sessionId: string) =>
  call<CheckoutStatus>(ctx.app, {
    method: "GET",
    url: `/api/v1/payments/checkout/${sessionId}`,
    token: who.access_token,
  });

export const billing = (ctx: TestContext, who: Session) =>
  call<BillingOverview>(ctx.app, { method: "GET", url: "/api/v1/payments/me", token: who.access_token });

/** Reads a lesson: 200 when its content is open to the caller. */
export const readLesson = (ctx: TestContext, who: Session, lessonId: string) =>
  call(ctx.app, { method: "GET", url: `/api/v1/lessons/${lessonId}`, token: who.access_token });

export async function countRows(
  ctx: TestContext,
  table:
    | "purchases"
    | "purchases where refund_requested_at is not null"
    | "checkout_sessions"
    | "enrollments"
    | "invoices"
    | "progress where is_completed",
) {
  const { rows } = await execRows<{ n: number }>(ctx.database.db, sql.raw(`select count(*)::int as n from ${table}`));
  return Number(rows[0]?.n ?? 0);
}
