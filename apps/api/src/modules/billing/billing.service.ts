import { randomUUID } from "node:crypto";
import {
  type AdminPayment,
  type BillingOverview,
  type BillingPrices,
  type CheckoutCreated,
  type CheckoutRequest,
  type CheckoutStatus,
  type CourseRevenue,
  planForInterval,
  type SubscriptionStats,
  TEST_CARD_DECLINE,
  TEST_CARD_SUCCESS,
} from "@lumen/contracts";
import type { BillingConfig } from "../../config.js";
import { timePage } from "../../lib/cursor.js";
import { AppError, notFound } from "../../lib/errors.js";
import type { AccessService } from "../access/access.service.js";
import type { AuthContext } from "../auth/auth.service.js";
import { type Fulfilment, premiumFromSubscription } from "./billing.fulfilment.js";
import type { PaymentProvider, SubscriptionState } from "./billing.provider.js";
import type { BillingRepo, CheckoutSessionRow, SubscriptionRow } from "./billing.repo.js";

const DAY_MS = 86_400_000;
const conflict = (message: string) => new AppError("CONFLICT", message);

function addInterval(from: Date, interval: "month" | "year"): Date {
  const d = new Date(from);
  if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d;
}

const stateOf = (row: SubscriptionRow): SubscriptionState => ({
  providerSubscriptionId: row.providerSubscriptionId,
  providerCustomerId: null,
  userId: row.userId,
  plan: row.plan,
  status: row.status,
  amount: row.amount,
  currency: row.currency,
  currentPeriodEnd: row.currentPeriodEnd,
  cancelAtPeriodEnd: row.cancelAtPeriodEnd,
  stateAt: row.stateAt,
});

export function createBillingService(deps: {
  repo: BillingRepo;
  provider: PaymentProvider;
  fulfilment: Fulfilment;
  access: Pick<AccessService, "visibleCourse" | "managedCourse" | "entitledTo" | "hasActivePremium" | "canManage">;
  config: BillingConfig;
  appUrl: string;
}) {
  const { repo, provider, fulfilment, access, config, appUrl } = deps;
  const testMode = provider.kind === "test";

  async function customerFor(userId: string): Promise<string> {
    const existing = await repo.findCustomer(userId);
    if (existing) return existing;
    const contact = await repo.userContact(userId);
    if (!contact) throw notFound("User");
    const created = await provider.createCustomer({ id: contact.id, email: contact.email, name: contact.fullName });
    return repo.saveCustomer(userId, created);
  }

  function presentStatus(session: CheckoutSessionRow, courseTitle: string | null): CheckoutStatus {
    return {
      session_id: session.id,
      kind: session.kind,
      course_id: session.courseId,
      course_title: courseTitle,
      interval: session.interval,
      amount: session.amount,
      currency: session.currency,
      status: session.status,
      fulfilled: session.fulfilledAt !== null,
      test_mode: session.provider === "test",
    };
  }

  async function ownSession(auth: AuthContext, sessionId: string) {
    const found = await repo.findSession(sessionId);
    if (!found || found.session.userId !== auth.userId) throw notFound("Checkout session");
    return found;
  }

  /** Refuses a course checkout that would sell something the caller can't buy or already has. */
  async function sellableCourse(auth: AuthContext, courseId: string) {
    const course = await repo.courseForCheckout(courseId);
    // A draft is not revealed to others (404); its owner and admins are told why it can't be sold.
    if (!course || (course.status === "draft" && !access.canManage(auth, course))) throw notFound("Course");
    if (course.status !== "published") throw conflict("This course is not on sale: it is not published");
    if (course.isFree) throw conflict("This course is free: enroll directly, no payment needed");
    if (access.canManage(auth, course)) throw conflict("You already have this course: you run it");
    if (await repo.hasPaidPurchase(auth.userId, courseId)) throw conflict("You already own this course");
    if (await access.entitledTo(auth, { ...course, isFree: false })) {
      throw conflict("This course is already open to you (Premium or a grant): no purchase needed");
    }
    return course;
  }

  async function overview(userId: string): Promise<BillingOverview> {
    const [sub, purchases, invoices, premium, customer] = await Promise.all([
      repo.findSubscription(userId),
      repo.listPurchases(userId),
      repo.listInvoices(userId),
      access.hasActivePremium(userId),
      repo.findCustomer(userId),
    ]);
    return {
      subscription: {
        type: sub?.plan ?? null,
        status: sub?.status ?? null,
        stripe_id: sub?.providerSubscriptionId ?? null,
        current_period_end: sub?.currentPeriodEnd?.toISOString() ?? null,
        cancel_at_period_end: sub?.cancelAtPeriodEnd ?? false,
      },
      premium_status: premium,
      purchases: purchases.map(({ purchase: p, courseTitle }) => ({
        id: p.id,
        course_id: p.courseId,
        course_title: courseTitle,
        amount: p.amount,
        currency: p.currency,
        status: p.status,
        created_at: p.createdAt.toISOString(),
        refunded_at: p.refundedAt?.toISOString() ?? null,
      })),
      invoices: invoices.map((i) => ({
        id: i.id,
        amount: i.amount,
        currency: i.currency,
        status: i.status,
        hosted_url: i.hostedUrl,
        created_at: i.createdAt.toISOString(),
      })),
      provider: provider.kind,
      portal_available: provider.kind === "stripe" && customer !== null,
    };
  }

  async function changeCancellation(auth: AuthContext, cancel: boolean): Promise<BillingOverview> {
    const row = await repo.findSubscription(auth.userId);
    if (!row || !premiumFromSubscription(row) || row.status === "canceled") {
      throw conflict("You have no running Premium subscription to change");
    }
    if (row.cancelAtPeriodEnd === cancel) return overview(auth.userId);
    const next = await provider.setCancelAtPeriodEnd(stateOf(row), cancel);
    await fulfilment.inTransaction((tx) => fulfilment.applySubscription(auth.userId, next, tx));
    return overview(auth.userId);
  }

  return {
    prices(): BillingPrices {
      return { provider: provider.kind, currency: config.currency, premium: config.premiumPrices };
    },

    // Nothing is recorded until the provider has answered: a failed call (503) leaves no session behind.
    async checkout(auth: AuthContext, body: CheckoutRequest): Promise<CheckoutCreated> {
      const sessionId = randomUUID();
      const successUrl = `${appUrl}/checkout/success?session_id=${sessionId}`;
      if (body.kind === "course") {
        const course = await sellableCourse(auth, body.course_id);
        // numeric(10,2) dollars in the catalog → integer cents from here on.
        const amount = Math.round(course.price * 100);
        if (amount <= 0) throw conflict("This course has no price set: it can't be bought");
        const customerId = await customerFor(auth.userId);
        const created = await provider.createCourseCheckout({
          sessionId,
          customerId,
          userId: auth.userId,
          courseId: course.id,
          title: course.title,
          amount,
          currency: config.currency,
          successUrl,
          cancelUrl: `${appUrl}/checkout/cancel?session_id=${sessionId}`,
        });
        await repo.insertSession({
          id: sessionId,
          userId: auth.userId,
          kind: "course",
          courseId: course.id,
          amount,
          currency: config.currency,
          provider: provider.kind,
          providerSessionId: created.providerSessionId,
        });
        return { session_id: sessionId, checkout_url: created.url };
      }
      if (await access.hasActivePremium(auth.userId)) throw conflict("You already have Premium");
      const customerId = await customerFor(auth.userId);
      const created = await provider.createPremiumCheckout({
        sessionId,
        customerId,
        userId: auth.userId,
        interval: body.interval,
        successUrl,
        cancelUrl: `${appUrl}/checkout/cancel?session_id=${sessionId}`,
      });
      await repo.insertSession({
        id: sessionId,
        userId: auth.userId,
        kind: "premium",
        interval: body.interval,
        amount: config.premiumPrices[body.interval],
        currency: config.currency,
        provider: provider.kind,
        providerSessionId: created.providerSessionId,
      });
      return { session_id: sessionId, checkout_url: created.url };
    },

    async checkoutStatus(auth: AuthContext, sessionId: string): Promise<CheckoutStatus> {
      const { session, courseTitle } = await ownSession(auth, sessionId);
      return presentStatus(session, courseTitle);
    },

    /** The built-in checkout's "Pay" button: the success card completes through the webhook's fulfilment. */
    async testPay(auth: AuthContext, sessionId: string, cardNumber: string): Promise<CheckoutStatus> {
      if (!testMode) throw notFound("Test checkout");
      const { session, courseTitle } = await ownSession(auth, sessionId);
      if (session.provider !== "test") throw notFound("Test checkout");
      if (session.fulfilledAt) return presentStatus(session, courseTitle);
      if (session.status !== "open") throw conflict("This checkout has expired: start a new one");
      if (cardNumber === TEST_CARD_DECLINE) {
        throw new AppError("PAYMENT_REQUIRED", "Your card was declined. Nothing was charged.", {
          decline_code: "card_declined",
        });
      }
      if (cardNumber !== TEST_CARD_SUCCESS) {
        throw new AppError("VALIDATION_ERROR", "Test mode takes the test cards only: 4242 4242 4242 4242 pays", {
          fields: { card_number: ["Use 4242 4242 4242 4242 (pays) or 4000 0000 0000 0002 (declined)"] },
        });
      }
      if (session.kind === "premium" && (await access.hasActivePremium(auth.userId))) {
        throw conflict("You already have Premium");
      }
      // Bought, granted or opened by Premium since this checkout began (another tab, another session): nothing to sell.
      if (session.kind === "course" && session.courseId) {
        await sellableCourse(auth, session.courseId).catch(async (err: unknown) => {
          await repo.expireSession(session.id);
          throw err;
        });
      }
      const now = new Date();
      const interval = session.interval ?? "month";
      await fulfilment.inTransaction(async (tx, out) => {
        const outcome = await fulfilment.fulfilCheckout(
          {
            sessionId: session.id,
            paymentIntentId: session.kind === "course" ? `test_pi_${session.id}` : null,
            amount: session.amount,
            currency: session.currency,
            subscription:
              session.kind === "premium"
                ? {
                    providerSubscriptionId: `test_sub_${session.id}`,
                    providerCustomerId: null,
                    userId: session.userId,
                    plan: planForInterval(interval),
                    status: "active",
                    amount: session.amount,
                    currency: session.currency,
                    currentPeriodEnd: addInterval(now, interval),
                    cancelAtPeriodEnd: false,
                    stateAt: now,
                  }
                : null,
          },
          tx,
          out,
        );
        // Stripe sends the first invoice as its own event; the test checkout records its receipt here.
        if (outcome === "fulfilled" && session.kind === "premium") {
          await fulfilment.recordInvoice(
            session.userId,
            {
              invoiceId: `test_in_${session.id}`,
              status: "paid",
              amount: session.amount,
              currency: session.currency,
              hostedUrl: null,
            },
            tx,
            out,
          );
        }
      });
      return this.checkoutStatus(auth, sessionId);
    },

    overview: (auth: AuthContext) => overview(auth.userId),

    /**
     * Ends a running subscription at once, through the provider, because its account is being deleted: nothing
     * would be left to renew for. False when there was none to end. A provider failure (503) stops the deletion.
     */
    async cancelForDeletedAccount(userId: string): Promise<boolean> {
      const row = await repo.findSubscription(userId);
      if (!row || row.status === "canceled") return false;
      const next = await provider.cancelNow(stateOf(row));
      await fulfilment.inTransaction((tx) => fulfilment.applySubscription(userId, next, tx));
      return true;
    },
    cancel: (auth: AuthContext) => changeCancellation(auth, true),
    resume: (auth: AuthContext) => changeCancellation(auth, false),

    async portal(auth: AuthContext): Promise<{ url: string }> {
      if (testMode) throw notFound("Billing portal (Stripe is not configured)");
      const customer = await repo.findCustomer(auth.userId);
      if (!customer) throw conflict("You have no billing account yet: buy a course or subscribe first");
      const url = await provider.portalUrl(customer, `${appUrl}/account/billing`);
      if (!url) throw notFound("Billing portal");
      return { url };
    },

    async listPayments(filter: Parameters<BillingRepo["listPayments"]>[0]) {
      const rows = await repo.listPayments(filter);
      return timePage(
        rows,
        filter.limit,
        (r): AdminPayment => ({
          id: r.purchase.id,
          course_id: r.purchase.courseId,
          course_title: r.courseTitle,
          user_id: r.purchase.userId,
          user_email: r.userEmail,
          amount: r.purchase.amount,
          currency: r.purchase.currency,
          status: r.purchase.status,
          refund_pending: r.purchase.status === "paid" && r.purchase.refundRequestedAt !== null,
          created_at: r.purchase.createdAt.toISOString(),
          refunded_at: r.purchase.refundedAt?.toISOString() ?? null,
        }),
        (r) => ({ at: r.purchase.createdAt, id: r.purchase.id }),
      );
    },

    /** Stripe confirms a refund through `charge.refunded`; the test checkout refunds at once, the same way. */
    async refund(purchaseId: string): Promise<{ id: string; status: "paid" | "refunded"; refund_pending: boolean }> {
      const purchase = await repo.findPurchase(purchaseId);
      if (!purchase) throw notFound("Payment");
      if (purchase.status === "refunded") throw conflict("This payment is already refunded");
      const { confirmed } = await fulfilment.refundPurchase(purchase);
      return confirmed
        ? { id: purchaseId, status: "refunded", refund_pending: false }
        : { id: purchaseId, status: "paid", refund_pending: true };
    },

    async subscriptionStats(): Promise<SubscriptionStats> {
      const rows = await repo.subscriptionFigures();
      const stats: SubscriptionStats = {
        active: 0,
        trialing: 0,
        past_due: 0,
        canceling: 0,
        monthly: 0,
        yearly: 0,
        mrr: 0,
        currency: config.currency,
      };
      let mrr = 0;
      for (const r of rows) {
        const count = Number(r.count);
        if (r.status === "active" || r.status === "trialing" || r.status === "past_due") stats[r.status] += count;
        if (r.canceling) stats.canceling += count;
        if (r.plan === "premium_yearly") stats.yearly += count;
        else stats.monthly += count;
        // Past-due subscriptions are not revenue until they pay.
        if (r.status !== "past_due") mrr += r.plan === "premium_yearly" ? Number(r.amount) / 12 : Number(r.amount);
      }
      stats.mrr = Math.round(mrr);
      return stats;
    },

    async revenue(auth: AuthContext, courseId: string, range: { from: string; to: string }): Promise<CourseRevenue> {
      await access.managedCourse(auth, courseId);
      const { sales, refunds } = await repo.revenueByDay(courseId, range.from, range.to);
      const byDay = new Map<string, { gross: number; refunds: number; purchases: number }>();
      const start = Date.parse(`${range.from}T00:00:00Z`);
      const end = Date.parse(`${range.to}T00:00:00Z`);
      for (let t = start; t <= end; t += DAY_MS) {
        byDay.set(new Date(t).toISOString().slice(0, 10), { gross: 0, refunds: 0, purchases: 0 });
      }
      for (const s of sales) {
        const d = byDay.get(s.day);
        if (d) {
          d.gross = Number(s.gross);
          d.purchases = Number(s.count);
        }
      }
      for (const r of refunds) {
        const d = byDay.get(r.day);
        if (d) d.refunds = Number(r.refunds);
      }
      const days = [...byDay].map(([date, v]) => ({ date, ...v }));
      const gross = days.reduce((a, d) => a + d.gross, 0);
      const refunded = days.reduce((a, d) => a + d.refunds, 0);
      return {
        course_id: courseId,
        currency: config.currency,
        from: range.from,
        to: range.to,
        totals: {
          gross,
          refunds: refunded,
          net: gross - refunded,
          purchases: days.reduce((a, d) => a + d.purchases, 0),
        },
        days,
      };
    },
  };
}
export type BillingService = ReturnType<typeof createBillingService>;
