import { randomBytes } from "node:crypto";
import { execRows } from "@lumen/db";
import { sql } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestApp, withApp } from "./fixtures/app.js";
import { call, outbox, type Session, STRONG_PASSWORD } from "./helpers.js";
import { type BuiltCourse, buildCourse, enroll } from "./learning-fixtures.js";
import { billing, checkout, checkoutStatus, countRows, readLesson } from "./payment-fixtures.js";
import { type FakeStripe, startFakeStripe } from "./support/fake-stripe.js";

// Stripe mode against a loopback stand-in; webhook events are signed with the SDK's own test signer.
const SECRET_KEY = "sk_test_lumen";
const WEBHOOK_SECRET = "whsec_lumen_test";
const PRICE_MONTH = "price_premium_month";
const PRICE_YEAR = "price_premium_year";

let stripe: FakeStripe;
let ctx: TestApp;
let creator: Session;
let admin: Session;
let student: Session;
let paid: BuiltCourse;

beforeAll(async () => {
  stripe = await startFakeStripe(SECRET_KEY);
  ctx = await withApp({
    config: {
      billing: {
        stripe: {
          secretKey: SECRET_KEY,
          webhookSecret: WEBHOOK_SECRET,
          apiUrl: stripe.url,
          premiumPriceIds: { month: PRICE_MONTH, year: PRICE_YEAR },
        },
        currency: "usd",
        premiumPrices: { month: 1200, year: 9600 },
        timeoutMs: 1000,
      },
    },
  });
});
afterAll(async () => {
  await ctx?.close();
  await stripe?.close();
});
beforeEach(async () => {
  await ctx.reset();
  stripe.requests.length = 0;
  stripe.state.mode = "ok";
  creator = await ctx.people.creator();
  admin = await ctx.people.admin();
  student = await ctx.people.learner();
  paid = await buildCourse(ctx, creator, { title: "Paid Biology", paid: true });
});

const nowSeconds = () => Math.floor(Date.now() / 1000);
const newEvent = (type: string, object: Record<string, unknown>, created = nowSeconds()) => ({
  id: `evt_${randomBytes(8).toString("hex")}`,
  object: "event",
  api_version: "2026-11-18.endive",
  created,
  type,
  livemode: false,
  pending_webhooks: 1,
  request: { id: null, idempotency_key: null },
  data: { object },
});
type StripeEvent = ReturnType<typeof newEvent>;

function deliver(event: StripeEvent, opts: { secret?: string; timestamp?: number } = {}) {
  const payload = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: opts.secret ?? WEBHOOK_SECRET,
    ...(opts.timestamp ? { timestamp: opts.timestamp } : {}),
  });
  return call<{ outcome: string }>(ctx.app, {
    method: "POST",
    url: "/api/v1/payments/webhook",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    payload,
  });
}

async function customerOf(userId: string): Promise<string> {
  const { rows } = await execRows<{ id: string }>(
    ctx.database.db,
    sql`select provider_customer_id as id from billing_customers where user_id = ${userId}`,
  );
  const id = rows[0]?.id;
  if (!id) throw new Error("no customer");
  return id;
}

const sessionObject = (sessionId: string, extra: Record<string, unknown> = {}) => ({
  id: `cs_test_${sessionId.slice(0, 8)}`,
  object: "checkout.session",
  client_reference_id: sessionId,
  mode: "payment",
  payment_status: "paid",
  status: "complete",
  amount_total: 1900,
  currency: "usd",
  payment_intent: `pi_${sessionId.slice(0, 8)}`,
  ...extra,
});

const subscriptionObject = (
  id: string,
  customer: string,
  fields: { status?: string; periodEnd?: number; cancel?: boolean; price?: string } = {},
) => ({
  id,
  object: "subscription",
  customer,
  status: fields.status ?? "active",
  cancel_at_period_end: fields.cancel ?? false,
  metadata: {},
  items: {
    object: "list",
    data: [
      {
        id: `si_${id}`,
        object: "subscription_item",
        current_period_end: fields.periodEnd ?? nowSeconds() + 30 * 86_400,
        price: {
          id: fields.price ?? PRICE_MONTH,
          unit_amount: fields.price === PRICE_YEAR ? 9600 : 1200,
          currency: "usd",
          recurring: { interval: fields.price === PRICE_YEAR ? "year" : "month" },
        },
      },
    ],
  },
});

async function startCourseCheckout(who: Session = student, courseId = paid.courseId) {
  const res = await checkout(ctx, who, { kind: "course", course_id: courseId, amount: 5 });
  expect(res.status).toBe(201);
  return res.body.data.session_id;
}

describe("Stripe checkout", () => {
  it("sends the course's own price as price_data, creates one customer per user, and keys every POST", async () => {
    const first = await checkout(ctx, student, { kind: "course", course_id: paid.courseId, amount: 5 });
    expect(first.status).toBe(201);
    expect(first.body.data.checkout_url).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    const sessionPost = stripe.requests.find((r) => r.path === "/v1/checkout/sessions");
    expect(sessionPost?.params).toMatchObject({
      mode: "payment",
      client_reference_id: first.body.data.session_id,
      "line_items[0][price_data][unit_amount]": "1900",
      "line_items[0][price_data][currency]": "usd",
      "line_items[0][price_data][product_data][name]": "Paid Biology",
    });
    await checkout(ctx, student, { kind: "premium", interval: "year" });
    const premiumPost = stripe.requests.filter((r) => r.path === "/v1/checkout/sessions")[1];
    expect(premiumPost?.params).toMatchObject({ mode: "subscription", "line_items[0][price]": PRICE_YEAR });
    expect(stripe.requests.filter((r) => r.path === "/v1/customers")).toHaveLength(1);
    const posts = stripe.requests.filter((r) => r.method === "POST");
    expect(posts.every((r) => r.idempotencyKey)).toBe(true);
    // The test checkout does not exist when Stripe is on.
    const testPay = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/payments/test-checkout/${first.body.data.session_id}/pay`,
      token: student.access_token,
      payload: { card_number: "4242424242424242" },
    });
    expect(testPay.status).toBe(404);
  });

  it("answers 503 when Stripe is down or too slow, and records nothing", async () => {
    stripe.state.mode = "down";
    const down = await checkout(ctx, student, { kind: "course", course_id: paid.courseId });
    expect(down.status).toBe(503);
    expect(down.body.error?.code).toBe("SERVICE_UNAVAILABLE");
    stripe.state.mode = "slow";
    const slow = await checkout(ctx, student, { kind: "premium", interval: "month" });
    expect(slow.status).toBe(503);
    expect(slow.body.error?.code).toBe("SERVICE_UNAVAILABLE");
    expect(await countRows(ctx, "checkout_sessions")).toBe(0);
  });
});

describe("Stripe webhooks", () => {
  it("fulfils checkout.session.completed once: replays and 8 concurrent duplicates grant nothing more", async () => {
    const sessionId = await startCourseCheckout();
    // The success redirect alone grants nothing.
    expect((await checkoutStatus(ctx, student, sessionId)).body.data.fulfilled).toBe(false);
    const event = newEvent("checkout.session.completed", sessionObject(sessionId));
    const results = await Promise.all(Array.from({ length: 8 }, () => deliver(event)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(results.filter((r) => r.body.data.outcome === "applied")).toHaveLength(1);
    expect((await deliver(event)).body.data.outcome).toBe("replay");
    expect(await countRows(ctx, "purchases")).toBe(1);
    expect(await countRows(ctx, "enrollments")).toBe(1);
    expect((await checkoutStatus(ctx, student, sessionId)).body.data.fulfilled).toBe(true);
    expect((await readLesson(ctx, student, paid.textLessonId)).status).toBe(200);
    const receipts = (await outbox(ctx)).filter((m) => /receipt/i.test(m.subject));
    expect(receipts).toHaveLength(1);
    // A second event id for the same session (Stripe resends) does not sell the course twice.
    expect((await deliver(newEvent("checkout.session.completed", sessionObject(sessionId)))).status).toBe(200);
    expect(await countRows(ctx, "purchases")).toBe(1);
  });

  it("refuses a bad or stale signature with 400 and changes nothing", async () => {
    const sessionId = await startCourseCheckout();
    const event = newEvent("checkout.session.completed", sessionObject(sessionId));
    expect((await deliver(event, { secret: "whsec_wrong" })).status).toBe(400);
    expect((await deliver(event, { timestamp: nowSeconds() - 3600 })).status).toBe(400);
    const unsigned = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/payments/webhook",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify(event),
    });
    expect(unsigned.status).toBe(400);
    expect(await countRows(ctx, "purchases")).toBe(0);
    // The refused deliveries were not stored: the genuine one still applies.
    expect((await deliver(event)).body.data.outcome).toBe("applied");
  });

  it("waits for async payments: succeeded grants, failed expires the checkout and mails a notice", async () => {
    const okId = await startCourseCheckout();
    await deliver(newEvent("checkout.session.completed", sessionObject(okId, { payment_status: "unpaid" })));
    expect(await countRows(ctx, "purchases")).toBe(0);
    await deliver(newEvent("checkout.session.async_payment_succeeded", sessionObject(okId)));
    expect(await countRows(ctx, "purchases")).toBe(1);

    const other = await ctx.people.learner("other@example.com");
    const failId = await startCourseCheckout(other);
    await deliver(newEvent("checkout.session.completed", sessionObject(failId, { payment_status: "unpaid" })));
    const failed = await deliver(
      newEvent("checkout.session.async_payment_failed", sessionObject(failId, { payment_status: "unpaid" })),
    );
    expect(failed.status).toBe(200);
    expect((await checkoutStatus(ctx, other, failId)).body.data).toMatchObject({ status: "expired", fulfilled: false });
    expect((await readLesson(ctx, other, paid.textLessonId)).status).toBe(403);
    const notices = (await outbox(ctx)).filter((m) => m.to === "other@example.com" && /failed/i.test(m.subject));
    expect(notices).toHaveLength(1);
  });

  it("acknowledges events for unknown sessions and customers with 200 and grants nothing", async () => {
    const unknownSession = await deliver(
      newEvent("checkout.session.completed", sessionObject("3f1c0a55-7a36-4c8e-9c4b-2a9f8d1e6b70")),
    );
    expect(unknownSession.status).toBe(200);
    expect(unknownSession.body.data.outcome).toBe("ignored");
    const unknownCustomer = await deliver(
      newEvent("customer.subscription.updated", subscriptionObject("sub_nobody", "cus_nobody")),
    );
    expect(unknownCustomer.body.data.outcome).toBe("ignored");
    const unknownInvoice = await deliver(
      newEvent("invoice.paid", {
        id: "in_x",
        object: "invoice",
        customer: "cus_nobody",
        amount_paid: 1200,
        currency: "usd",
      }),
    );
    expect(unknownInvoice.body.data.outcome).toBe("ignored");
    const unknownRefund = await deliver(
      newEvent("charge.refunded", { id: "ch_x", object: "charge", payment_intent: "pi_nobody", amount_refunded: 100 }),
    );
    expect(unknownRefund.body.data.outcome).toBe("ignored");
    const other = await deliver(newEvent("customer.created", { id: "cus_1", object: "customer" }));
    expect(other.body.data.outcome).toBe("ignored");
    expect(await countRows(ctx, "purchases")).toBe(0);
  });

  it("a course paid in two checkouts: the second payment goes back through Stripe, the course stays open", async () => {
    const [first, second] = [await startCourseCheckout(), await startCourseCheckout()];
    await deliver(newEvent("checkout.session.completed", sessionObject(first)));
    stripe.requests.length = 0;
    expect((await deliver(newEvent("checkout.session.completed", sessionObject(second)))).status).toBe(200);
    const refundPosts = stripe.requests.filter((r) => r.path === "/v1/refunds");
    expect(refundPosts.map((r) => r.params.payment_intent)).toEqual([`pi_${second.slice(0, 8)}`]);
    expect(await countRows(ctx, "purchases")).toBe(2);
    expect(await countRows(ctx, "purchases where refund_requested_at is not null")).toBe(1);
    await deliver(
      newEvent("charge.refunded", {
        id: "ch_2",
        object: "charge",
        payment_intent: `pi_${second.slice(0, 8)}`,
        amount_refunded: 1900,
        refunded: true,
      }),
    );
    const statuses = (await billing(ctx, student)).body.data.purchases.map((p: { status: string }) => p.status);
    expect(statuses.sort()).toEqual(["paid", "refunded"]);
    expect((await readLesson(ctx, student, paid.textLessonId)).status).toBe(200);
  });

  it("refunds: charge.refunded closes the course (progress kept); an admin refund waits for it", async () => {
    const sessionId = await startCourseCheckout();
    await deliver(newEvent("checkout.session.completed", sessionObject(sessionId)));
    await call(ctx.app, {
      method: "POST",
      url: `/api/v1/lessons/${paid.textLessonId}/complete`,
      token: student.access_token,
    });
    const list = await call<{ items: Array<{ id: string }> }>(ctx.app, {
      method: "GET",
      url: `/api/v1/admin/payments?course_id=${paid.courseId}`,
      token: admin.access_token,
    });
    const paymentId = list.body.data.items[0]?.id;
    const refund = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/admin/payments/${paymentId}/refund`,
      token: admin.access_token,
    });
    expect(refund.body.data).toMatchObject({ status: "paid", refund_pending: true });
    const refundPost = stripe.requests.find((r) => r.path === "/v1/refunds");
    expect(refundPost?.params.payment_intent).toBe(`pi_${sessionId.slice(0, 8)}`);
    expect(refundPost?.idempotencyKey).toBe(`lumen-refund-${paymentId}`);
    // Still open until Stripe confirms.
    expect((await readLesson(ctx, student, paid.textLessonId)).status).toBe(200);
    const confirm = newEvent("charge.refunded", {
      id: "ch_1",
      object: "charge",
      payment_intent: `pi_${sessionId.slice(0, 8)}`,
      amount_refunded: 1900,
      refunded: true,
    });
    expect((await deliver(confirm)).body.data.outcome).toBe("applied");
    const after = await readLesson(ctx, student, paid.textLessonId);
    expect(after.status).toBe(403);
    expect((await billing(ctx, student)).body.data.purchases[0]?.status).toBe("refunded");
    expect(await countRows(ctx, "progress where is_completed")).toBe(1);
    expect((await deliver(confirm)).body.data.outcome).toBe("replay");
  });
});

describe("Stripe subscriptions", () => {
  it("checkout grants Premium; past_due keeps it; cancellation ends it at period end; older events never win", async () => {
    const started = await checkout(ctx, student, { kind: "premium", interval: "month" });
    const customer = await customerOf(student.user.id);
    const periodEnd = nowSeconds() + 30 * 86_400;
    stripe.putSubscription(subscriptionObject("sub_1", customer, { periodEnd }));
    const t0 = nowSeconds() - 100;
    await deliver(
      newEvent(
        "checkout.session.completed",
        sessionObject(started.body.data.session_id, {
          mode: "subscription",
          subscription: "sub_1",
          payment_intent: null,
        }),
        t0,
      ),
    );
    let me = await billing(ctx, student);
    expect(me.body.data.premium_status).toBe(true);
    expect(me.body.data.subscription).toMatchObject({ type: "premium_monthly", status: "active", stripe_id: "sub_1" });
    expect(me.body.data.portal_available).toBe(true);
    expect((await enroll(ctx, student, paid.courseId)).status).toBe(201);

    await deliver(
      newEvent(
        "customer.subscription.updated",
        subscriptionObject("sub_1", customer, { status: "past_due", periodEnd }),
        t0 + 10,
      ),
    );
    me = await billing(ctx, student);
    expect(me.body.data).toMatchObject({ premium_status: true, subscription: { status: "past_due" } });
    expect((await readLesson(ctx, student, paid.textLessonId)).status).toBe(200);

    // Canceled with the period over: Premium ends and the paid course closes (the enrollment stays).
    const deleted = newEvent(
      "customer.subscription.deleted",
      subscriptionObject("sub_1", customer, { status: "canceled", periodEnd: nowSeconds() - 60 }),
      t0 + 30,
    );
    await deliver(deleted);
    // An older "active" update arriving late changes nothing.
    const late = await deliver(
      newEvent("customer.subscription.updated", subscriptionObject("sub_1", customer, { periodEnd }), t0 + 20),
    );
    expect(late.status).toBe(200);
    me = await billing(ctx, student);
    expect(me.body.data).toMatchObject({ premium_status: false, subscription: { status: "canceled" } });
    const closed = await readLesson(ctx, student, paid.textLessonId);
    expect(closed.status).toBe(402);
    expect(closed.body.error?.code).toBe("PAYMENT_REQUIRED");
    const user = await call<{ user: { premium_status: boolean } }>(ctx.app, {
      method: "GET",
      url: "/api/v1/auth/me",
      token: student.access_token,
    });
    expect(user.body.data.user.premium_status).toBe(false);
  });

  it("created/updated events, cancel at period end through Stripe, invoices with receipts and failure notices", async () => {
    await checkout(ctx, student, { kind: "premium", interval: "year" });
    const customer = await customerOf(student.user.id);
    const sub = subscriptionObject("sub_2", customer, { price: PRICE_YEAR });
    stripe.putSubscription(sub);
    await deliver(newEvent("customer.subscription.created", sub, nowSeconds() - 50));
    expect((await billing(ctx, student)).body.data.subscription).toMatchObject({
      type: "premium_yearly",
      status: "active",
    });
    const cancel = await call<{ subscription: { cancel_at_period_end: boolean } }>(ctx.app, {
      method: "POST",
      url: "/api/v1/payments/subscription/cancel",
      token: student.access_token,
    });
    expect(cancel.status).toBe(200);
    expect(cancel.body.data.subscription.cancel_at_period_end).toBe(true);
    expect(stripe.requests.find((r) => r.path === "/v1/subscriptions/sub_2" && r.method === "POST")?.params).toEqual({
      cancel_at_period_end: "true",
    });
    await deliver(
      newEvent("invoice.paid", {
        id: "in_1",
        object: "invoice",
        customer,
        amount_paid: 9600,
        currency: "usd",
        hosted_invoice_url: "https://invoice.stripe.test/i/1",
      }),
    );
    await deliver(
      newEvent("invoice.payment_failed", {
        id: "in_2",
        object: "invoice",
        customer,
        amount_due: 9600,
        currency: "usd",
      }),
    );
    const me = await billing(ctx, student);
    expect(me.body.data.invoices.map((i) => i.status).sort()).toEqual(["failed", "paid"]);
    const mails = (await outbox(ctx)).filter((m) => m.to === "student@example.com").map((m) => m.subject);
    expect(mails).toEqual(expect.arrayContaining(["Your Lumen Premium receipt", "Your Lumen payment failed"]));
    const portal = await call<{ url: string }>(ctx.app, {
      method: "POST",
      url: "/api/v1/payments/portal",
      token: student.access_token,
    });
    expect(portal.body.data.url).toBe("https://billing.stripe.test/p/session");
    const stats = await call<{ yearly: number; canceling: number; mrr: number }>(ctx.app, {
      method: "GET",
      url: "/api/v1/admin/subscriptions/stats",
      token: admin.access_token,
    });
    expect(stats.body.data).toMatchObject({ yearly: 1, canceling: 1, mrr: 800 });
  });

  it("deleting the account cancels the subscription at Stripe at once; with Stripe down nothing is erased", async () => {
    await checkout(ctx, student, { kind: "premium", interval: "month" });
    const customer = await customerOf(student.user.id);
    const sub = subscriptionObject("sub_3", customer);
    stripe.putSubscription(sub);
    await deliver(newEvent("customer.subscription.created", sub, nowSeconds() - 50));
    expect((await billing(ctx, student)).body.data.premium_status).toBe(true);
    const remove = () =>
      call(ctx.app, {
        method: "DELETE",
        url: "/api/v1/users/me",
        token: student.access_token,
        payload: { password: STRONG_PASSWORD },
      });

    stripe.state.mode = "down";
    const refused = await remove();
    expect(refused.status).toBe(503);
    expect(refused.body.error?.code).toBe("SERVICE_UNAVAILABLE");
    expect((await billing(ctx, student)).body.data).toMatchObject({
      premium_status: true,
      subscription: { status: "active" },
    });

    stripe.state.mode = "ok";
    stripe.requests.length = 0;
    expect((await remove()).status).toBe(200);
    expect(stripe.requests.filter((r) => r.path === "/v1/subscriptions/sub_3").map((r) => r.method)).toEqual([
      "DELETE",
    ]);
    const { rows } = await execRows<{ status: string; premium: boolean; ended: boolean }>(
      ctx.database.db,
      sql`select s.status, u.premium_status as premium, s.current_period_end <= now() as ended
          from subscriptions s join users u on u.id = s.user_id where u.id = ${student.user.id}`,
    );
    expect(rows).toEqual([{ status: "canceled", premium: false, ended: true }]);
    // Stripe's own word arriving afterwards changes nothing for the deleted account.
    const after = await deliver(
      newEvent("customer.subscription.deleted", { ...sub, status: "canceled" }, nowSeconds()),
    );
    expect(after.status).toBe(200);
  });
});
