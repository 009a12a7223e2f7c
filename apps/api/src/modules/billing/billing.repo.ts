import {
  billingCustomers,
  checkoutSessions,
  courses,
  type Executor,
  invoices,
  paymentEvents,
  purchases,
  subscriptions,
  type UserSubscription,
  users,
} from "@lumen/db";
import { and, desc, eq, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import { transactions } from "../../lib/sql.js";
import type { SubscriptionState } from "./billing.provider.js";

export type CheckoutSessionRow = typeof checkoutSessions.$inferSelect;
export type PurchaseRow = typeof purchases.$inferSelect;
export type SubscriptionRow = typeof subscriptions.$inferSelect;

export function createBillingRepo(db: Executor) {
  return {
    ...transactions(db),
    /** Stores the event id; false when it was stored before (a replay, or a concurrent duplicate that won). */
    async recordEvent(e: { id: string; type: string; created: Date }, tx: Executor = db): Promise<boolean> {
      const rows = await tx
        .insert(paymentEvents)
        .values({ id: e.id, type: e.type, createdAt: e.created })
        .onConflictDoNothing()
        .returning({ id: paymentEvents.id });
      return rows.length > 0;
    },

    async userContact(userId: string, tx: Executor = db) {
      const [row] = await tx
        .select({ id: users.id, email: users.email, fullName: users.fullName })
        .from(users)
        .where(eq(users.id, userId))
        .limit(1);
      return row;
    },

    async findCustomer(userId: string, tx: Executor = db): Promise<string | null> {
      const [row] = await tx
        .select({ id: billingCustomers.providerCustomerId })
        .from(billingCustomers)
        .where(eq(billingCustomers.userId, userId))
        .limit(1);
      return row?.id ?? null;
    },

    /** Keeps the first customer stored for the user (a race stores one) and returns it. */
    async saveCustomer(userId: string, providerCustomerId: string, tx: Executor = db): Promise<string> {
      await tx.insert(billingCustomers).values({ userId, providerCustomerId }).onConflictDoNothing();
      const [row] = await tx
        .select({ id: billingCustomers.providerCustomerId })
        .from(billingCustomers)
        .where(eq(billingCustomers.userId, userId));
      return row?.id ?? providerCustomerId;
    },

    async userByCustomer(providerCustomerId: string, tx: Executor = db): Promise<string | null> {
      const [row] = await tx
        .select({ userId: billingCustomers.userId })
        .from(billingCustomers)
        .where(eq(billingCustomers.providerCustomerId, providerCustomerId))
        .limit(1);
      return row?.userId ?? null;
    },

    async userExists(userId: string, tx: Executor = db): Promise<boolean> {
      const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
      return Boolean(row);
    },

    async courseForCheckout(courseId: string, tx: Executor = db) {
      const [row] = await tx
        .select({
          id: courses.id,
          title: courses.title,
          status: courses.status,
          isFree: courses.isFree,
          price: courses.price,
          creatorId: courses.creatorId,
        })
        .from(courses)
        .where(eq(courses.id, courseId))
        .limit(1);
      return row;
    },

    async insertSession(values: typeof checkoutSessions.$inferInsert, tx: Executor = db): Promise<CheckoutSessionRow> {
      const [row] = await tx.insert(checkoutSessions).values(values).returning();
      if (!row) throw new Error("insert returned no row");
      return row;
    },

    async findSession(id: string, tx: Executor = db) {
      const [row] = await tx
        .select({ session: checkoutSessions, courseTitle: courses.title })
        .from(checkoutSessions)
        .leftJoin(courses, eq(courses.id, checkoutSessions.courseId))
        .where(eq(checkoutSessions.id, id))
        .limit(1);
      return row;
    },

    /** Claims the session for fulfilment: only the first caller gets the row (row lock + `fulfilled_at is null`). */
    async claimSession(id: string, tx: Executor = db): Promise<CheckoutSessionRow | null> {
      const [row] = await tx
        .update(checkoutSessions)
        .set({ status: "complete", fulfilledAt: new Date(), updatedAt: new Date() })
        .where(and(eq(checkoutSessions.id, id), sql`${checkoutSessions.fulfilledAt} is null`))
        .returning();
      return row ?? null;
    },

    async expireSession(id: string, tx: Executor = db): Promise<CheckoutSessionRow | null> {
      const [row] = await tx
        .update(checkoutSessions)
        .set({ status: "expired", updatedAt: new Date() })
        .where(and(eq(checkoutSessions.id, id), eq(checkoutSessions.status, "open")))
        .returning();
      return row ?? null;
    },

    async insertPurchase(values: typeof purchases.$inferInsert, tx: Executor = db): Promise<PurchaseRow | null> {
      const [row] = await tx
        .insert(purchases)
        .values(values)
        .onConflictDoNothing({ target: purchases.checkoutSessionId })
        .returning();
      return row ?? null;
    },

    /**
     * Serialises the purchases of one learner for one course until the transaction ends, so two checkouts completing
     * at once can't both see "not owned yet".
     */
    async lockPurchasesOf(userId: string, courseId: string, tx: Executor): Promise<void> {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`purchase:${userId}:${courseId}`}, 0))`);
    },

    async hasPaidPurchase(userId: string, courseId: string, tx: Executor = db): Promise<boolean> {
      const [row] = await tx
        .select({ id: purchases.id })
        .from(purchases)
        .where(and(eq(purchases.userId, userId), eq(purchases.courseId, courseId), eq(purchases.status, "paid")))
        .limit(1);
      return Boolean(row);
    },

    async findPurchase(id: string, tx: Executor = db): Promise<PurchaseRow | undefined> {
      const [row] = await tx.select().from(purchases).where(eq(purchases.id, id)).limit(1);
      return row;
    },

    async findPurchaseByPaymentIntent(paymentIntentId: string, tx: Executor = db): Promise<PurchaseRow | undefined> {
      const [row] = await tx.select().from(purchases).where(eq(purchases.paymentIntentId, paymentIntentId)).limit(1);
      return row;
    },

    async markRefundRequested(id: string, tx: Executor = db): Promise<void> {
      await tx.update(purchases).set({ refundRequestedAt: new Date() }).where(eq(purchases.id, id));
    },

    /**
     * Records what has been refunded (never less than before: refund events can arrive out of order); the
     * purchase turns `refunded` once the whole amount is back. Returns the row when it has just turned.
     */
    async applyRefund(id: string, amountRefunded: number, tx: Executor = db): Promise<PurchaseRow | null> {
      const [row] = await tx
        .update(purchases)
        .set({
          refundedAmount: sql`greatest(${purchases.refundedAmount}, ${amountRefunded})`,
          status: sql`case when greatest(${purchases.refundedAmount}, ${amountRefunded}) >= ${purchases.amount} then 'refunded' else ${purchases.status} end`,
          refundedAt: sql`case when ${purchases.status} = 'paid' and greatest(${purchases.refundedAmount}, ${amountRefunded}) >= ${purchases.amount} then now() else ${purchases.refundedAt} end`,
        })
        .where(eq(purchases.id, id))
        .returning();
      return row ?? null;
    },

    async listPurchases(userId: string, tx: Executor = db) {
      return tx
        .select({ purchase: purchases, courseTitle: courses.title })
        .from(purchases)
        .innerJoin(courses, eq(courses.id, purchases.courseId))
        .where(eq(purchases.userId, userId))
        .orderBy(desc(purchases.createdAt));
    },

    async listInvoices(userId: string, tx: Executor = db) {
      return tx.select().from(invoices).where(eq(invoices.userId, userId)).orderBy(desc(invoices.createdAt)).limit(50);
    },

    async findSubscription(userId: string, tx: Executor = db): Promise<SubscriptionRow | undefined> {
      const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.userId, userId)).limit(1);
      return row;
    },

    /**
     * Stores the subscription state unless a newer one is stored (out-of-order delivery): the state with the
     * later `stateAt` wins, and at equal times a `canceled` subscription stays canceled. Null when it lost.
     */
    async saveSubscription(userId: string, s: SubscriptionState, tx: Executor = db): Promise<SubscriptionRow | null> {
      const values = {
        userId,
        providerSubscriptionId: s.providerSubscriptionId,
        plan: s.plan,
        status: s.status,
        amount: s.amount,
        currency: s.currency,
        currentPeriodEnd: s.currentPeriodEnd,
        cancelAtPeriodEnd: s.cancelAtPeriodEnd,
        stateAt: s.stateAt,
      };
      const [row] = await tx
        .insert(subscriptions)
        .values(values)
        .onConflictDoUpdate({
          target: subscriptions.userId,
          set: { ...values, updatedAt: new Date() },
          setWhere: sql`excluded.state_at > ${subscriptions.stateAt}
            or (excluded.state_at = ${subscriptions.stateAt} and ${subscriptions.status} <> 'canceled')`,
        })
        .returning();
      return row ?? null;
    },

    /** The user's copy of the subscription and `premium_status`, written with the subscription row. */
    async mirrorToUser(userId: string, premiumStatus: boolean, subscription: UserSubscription, tx: Executor = db) {
      await tx.update(users).set({ premiumStatus, subscription, updatedAt: new Date() }).where(eq(users.id, userId));
    },

    async saveInvoice(values: typeof invoices.$inferInsert, tx: Executor = db): Promise<void> {
      await tx
        .insert(invoices)
        .values(values)
        .onConflictDoUpdate({
          target: invoices.providerInvoiceId,
          set: { status: values.status, amount: values.amount, hostedUrl: values.hostedUrl ?? null },
        });
    },

    /** Admin listing, newest first, keyset on (created_at, id). */
    async listPayments(filter: {
      status?: "paid" | "refunded" | undefined;
      userEmail?: string | undefined;
      courseId?: string | undefined;
      after?: { t: string; id: string } | undefined;
      limit: number;
    }) {
      const where: SQL[] = [];
      if (filter.status) where.push(eq(purchases.status, filter.status));
      if (filter.courseId) where.push(eq(purchases.courseId, filter.courseId));
      if (filter.userEmail) {
        where.push(ilike(users.email, `%${filter.userEmail.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
      }
      if (filter.after) {
        const t = new Date(filter.after.t);
        where.push(
          or(lt(purchases.createdAt, t), and(eq(purchases.createdAt, t), lt(purchases.id, filter.after.id))) as SQL,
        );
      }
      return db
        .select({ purchase: purchases, courseTitle: courses.title, userEmail: users.email })
        .from(purchases)
        .innerJoin(users, eq(users.id, purchases.userId))
        .innerJoin(courses, eq(courses.id, purchases.courseId))
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(purchases.createdAt), desc(purchases.id))
        .limit(filter.limit + 1);
    },

    /** Live subscriptions by status and plan, with their amounts (for counts and MRR). */
    async subscriptionFigures() {
      return db
        .select({
          status: subscriptions.status,
          plan: subscriptions.plan,
          canceling: subscriptions.cancelAtPeriodEnd,
          count: sql<number>`count(*)::int`,
          amount: sql<number>`coalesce(sum(${subscriptions.amount}), 0)::int`,
        })
        .from(subscriptions)
        .where(sql`${subscriptions.status} in ('active', 'trialing', 'past_due')`)
        .groupBy(subscriptions.status, subscriptions.plan, subscriptions.cancelAtPeriodEnd);
    },

    /** Per UTC day: sales (by purchase day) and refunds (by refund day) of one course. */
    async revenueByDay(courseId: string, from: string, to: string) {
      const start = `${from}T00:00:00Z`;
      const end = `${to}T00:00:00Z`;
      const sales = await db
        .select({
          day: sql<string>`to_char(${purchases.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`,
          gross: sql<number>`sum(${purchases.amount})::int`,
          count: sql<number>`count(*)::int`,
        })
        .from(purchases)
        .where(
          and(
            eq(purchases.courseId, courseId),
            sql`${purchases.createdAt} >= ${start}::timestamptz`,
            sql`${purchases.createdAt} < ${end}::timestamptz + interval '1 day'`,
          ),
        )
        .groupBy(sql`1`);
      const refunds = await db
        .select({
          day: sql<string>`to_char(${purchases.refundedAt} at time zone 'UTC', 'YYYY-MM-DD')`,
          refunds: sql<number>`sum(${purchases.refundedAmount})::int`,
        })
        .from(purchases)
        .where(
          and(
            eq(purchases.courseId, courseId),
            sql`${purchases.refundedAt} >= ${start}::timestamptz`,
            sql`${purchases.refundedAt} < ${end}::timestamptz + interval '1 day'`,
          ),
        )
        .groupBy(sql`1`);
      return { sales, refunds };
    },
  };
}
export type BillingRepo = ReturnType<typeof createBillingRepo>;
