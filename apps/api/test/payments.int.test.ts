import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestApp, withApp } from "./fixtures/app.js";
import { call, outbox, type Session } from "./helpers.js";
import { type BuiltCourse, buildCourse, enroll } from "./learning-fixtures.js";
import { billing, checkout, checkoutStatus, countRows, readLesson } from "./payment-fixtures.js";

// Test mode: no Stripe key, so checkout runs through the built-in test checkout.
let ctx: TestApp;
let creator: Session;
let admin: Session;
let student: Session;
let paid: BuiltCourse;

beforeAll(async () => {
  ctx = await withApp();
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  await ctx.reset();
  creator = await ctx.people.creator();
  admin = await ctx.people.admin();
  student = await ctx.people.learner("student@example.com", { fullName: "Sam Student" });
  paid = await buildCourse(ctx, creator, { title: "Paid Biology", paid: true });
});

const pay = (who: Session, sessionId: string, card_number: string) =>
  call(ctx.app, {
    method: "POST",
    url: `/api/v1/payments/test-checkout/${sessionId}/pay`,
    token: who.access_token,
    payload: { card_number },
  });

describe("course purchase in test mode", () => {
  it("turns the 402 into a test checkout: the decline card grants nothing, 4242 opens the course and mails a receipt", async () => {
    expect((await enroll(ctx, student, paid.courseId)).status).toBe(402);
    const started = await checkout(ctx, student, { kind: "course", course_id: paid.courseId, amount: 1 });
    expect(started.status).toBe(201);
    const { session_id, checkout_url } = started.body.data;
    expect(checkout_url).toBe(`http://localhost:3000/checkout/test/${session_id}`);
    const open = await checkoutStatus(ctx, student, session_id);
    // The course's own price in cents, whatever the client sent.
    expect(open.body.data).toMatchObject({ status: "open", fulfilled: false, amount: 1900, kind: "course" });

    const declined = await pay(student, session_id, "4000 0000 0000 0002");
    expect(declined.status).toBe(402);
    expect(declined.body.error?.code).toBe("PAYMENT_REQUIRED");
    expect(declined.body.error?.message).toMatch(/declined/i);
    expect((await checkoutStatus(ctx, student, session_id)).body.data.fulfilled).toBe(false);
    expect(await countRows(ctx, "purchases")).toBe(0);
    expect((await readLesson(ctx, student, paid.textLessonId)).status).toBe(403);

    const paidRes = await pay(student, session_id, "4242 4242 4242 4242");
    expect(paidRes.status).toBe(200);
    expect(paidRes.body.data).toMatchObject({ status: "complete", fulfilled: true });
    expect((await readLesson(ctx, student, paid.textLessonId)).status).toBe(200);
    const mine = await billing(ctx, student);
    expect(mine.body.data.purchases).toEqual([
      expect.objectContaining({ course_id: paid.courseId, amount: 1900, currency: "usd", status: "paid" }),
    ]);
    // Paying again is harmless: still one purchase, one enrollment.
    expect((await pay(student, session_id, "4242424242424242")).status).toBe(200);
    expect(await countRows(ctx, "purchases")).toBe(1);
    expect((await enroll(ctx, student, paid.courseId)).status).toBe(200);
    const mails = (await outbox(ctx)).filter((m) => m.to === "student@example.com");
    expect(mails.filter((m) => /receipt/i.test(m.subject))).toHaveLength(1);
  });

  it("grants once when the same checkout is paid 8 times at once", async () => {
    const { session_id } = (await checkout(ctx, student, { kind: "course", course_id: paid.courseId })).body.data;
    const results = await Promise.all(Array.from({ length: 8 }, () => pay(student, session_id, "4242424242424242")));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(await countRows(ctx, "purchases")).toBe(1);
    expect(await countRows(ctx, "enrollments")).toBe(1);
  });

  it("never charges twice: a second checkout opened before the first was paid answers 409 and expires", async () => {
    const open = async () =>
      (await checkout(ctx, student, { kind: "course", course_id: paid.courseId })).body.data.session_id as string;
    const [first, second, third] = [await open(), await open(), await open()];
    expect((await pay(student, first, "4242424242424242")).status).toBe(200);
    const again = await pay(student, second, "4242424242424242");
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe("CONFLICT");
    expect(again.body.error?.message).toMatch(/already own/i);
    expect((await checkoutStatus(ctx, student, second)).body.data).toMatchObject({
      status: "expired",
      fulfilled: false,
    });
    expect(await countRows(ctx, "purchases")).toBe(1);

    // Premium bought in between opens the course: its older course checkout can't charge either.
    const other = await buildCourse(ctx, creator, { title: "Paid Chemistry", paid: true });
    const pending = (await checkout(ctx, student, { kind: "course", course_id: other.courseId })).body.data.session_id;
    const premium = (await checkout(ctx, student, { kind: "premium", interval: "month" })).body.data.session_id;
    expect((await pay(student, premium, "4242424242424242")).status).toBe(200);
    const covered = await pay(student, pending, "4242424242424242");
    expect(covered.status).toBe(409);
    expect(covered.body.error?.message).toMatch(/Premium/);
    expect(await countRows(ctx, "purchases")).toBe(1);
    // The third session of the first course is refused the same way.
    expect((await pay(student, third, "4242424242424242")).status).toBe(409);
  });

  it("refuses what can't be bought: free (409), own (409), bought (409), unknown (404), others' drafts (404)", async () => {
    const free = await buildCourse(ctx, creator, { title: "Free one" });
    const draft = await buildCourse(ctx, creator, { title: "Draft one", paid: true, publish: false });
    const free409 = await checkout(ctx, student, { kind: "course", course_id: free.courseId });
    expect(free409.status).toBe(409);
    expect(free409.body.error?.message).toMatch(/free/i);
    expect((await checkout(ctx, creator, { kind: "course", course_id: paid.courseId })).status).toBe(409);
    expect((await checkout(ctx, creator, { kind: "course", course_id: draft.courseId })).status).toBe(409);
    expect((await checkout(ctx, student, { kind: "course", course_id: draft.courseId })).status).toBe(404);
    expect(
      (await checkout(ctx, student, { kind: "course", course_id: "00000000-0000-4000-8000-000000000000" })).status,
    ).toBe(404);
    expect((await checkout(ctx, student, { kind: "course" })).status).toBe(400);
    expect((await checkout(ctx, student, { kind: "premium", interval: "week" })).status).toBe(400);
    const { session_id } = (await checkout(ctx, student, { kind: "course", course_id: paid.courseId })).body.data;
    await pay(student, session_id, "4242424242424242");
    const again = await checkout(ctx, student, { kind: "course", course_id: paid.courseId });
    expect(again.status).toBe(409);
    expect(again.body.error?.message).toMatch(/already own/i);
    // Nobody else can see or pay someone's checkout.
    expect((await checkoutStatus(ctx, admin, session_id)).status).toBe(404);
    expect(await countRows(ctx, "checkout_sessions")).toBe(1);
  });

  it("an admin refund closes the course again, keeps progress, and shows in the creator's revenue", async () => {
    const { session_id } = (await checkout(ctx, student, { kind: "course", course_id: paid.courseId })).body.data;
    await pay(student, session_id, "4242424242424242");
    const done = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/lessons/${paid.textLessonId}/complete`,
      token: student.access_token,
    });
    expect(done.status).toBe(200);
    const list = await call<{ items: Array<{ id: string; user_email: string; status: string }> }>(ctx.app, {
      method: "GET",
      url: "/api/v1/admin/payments?status=paid&user_email=student@",
      token: admin.access_token,
    });
    expect(list.body.data.items).toHaveLength(1);
    const paymentId = list.body.data.items[0]?.id;
    expect(
      (await call(ctx.app, { method: "GET", url: "/api/v1/admin/payments", token: student.access_token })).status,
    ).toBe(403);
    const refund = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/admin/payments/${paymentId}/refund`,
      token: admin.access_token,
    });
    expect(refund.status).toBe(200);
    expect(refund.body.data).toMatchObject({ status: "refunded", refund_pending: false });
    const closed = await readLesson(ctx, student, paid.textLessonId);
    expect(closed.status).toBe(403);
    expect((await enroll(ctx, student, paid.courseId)).status).toBe(402);
    expect(
      (
        await call(ctx.app, {
          method: "POST",
          url: `/api/v1/admin/payments/${paymentId}/refund`,
          token: admin.access_token,
        })
      ).status,
    ).toBe(409);
    // The refund closes the course but keeps what the learner did in it.
    expect(await countRows(ctx, "progress where is_completed")).toBe(1);
    const revenue = await call<{ totals: { gross: number; refunds: number; purchases: number; net: number } }>(
      ctx.app,
      {
        method: "GET",
        url: `/api/v1/analytics/courses/${paid.courseId}/revenue`,
        token: creator.access_token,
      },
    );
    expect(revenue.status).toBe(200);
    expect(revenue.body.data.totals).toEqual({ gross: 1900, refunds: 1900, net: 0, purchases: 1 });
    expect(
      (
        await call(ctx.app, {
          method: "GET",
          url: `/api/v1/analytics/courses/${paid.courseId}/revenue`,
          token: student.access_token,
        })
      ).status,
    ).toBe(403);
    // Buying it again after the refund works.
    expect((await checkout(ctx, student, { kind: "course", course_id: paid.courseId })).status).toBe(201);
  });
});

describe("Premium in test mode", () => {
  it("subscribing opens every paid course, blocks a second subscription, and cancels at period end or resumes", async () => {
    const other = await buildCourse(ctx, creator, { title: "Paid Chemistry", paid: true });
    const started = await checkout(ctx, student, { kind: "premium", interval: "month" });
    expect(started.status).toBe(201);
    expect((await pay(student, started.body.data.session_id, "4242424242424242")).status).toBe(200);
    const me = await call<{ user: { premium_status: boolean; subscription: Record<string, unknown> } }>(ctx.app, {
      method: "GET",
      url: "/api/v1/auth/me",
      token: student.access_token,
    });
    expect(me.body.data.user.premium_status).toBe(true);
    expect(me.body.data.user.subscription).toMatchObject({
      type: "premium_monthly",
      status: "active",
      cancel_at_period_end: false,
    });
    const periodEnd = Date.parse(String(me.body.data.user.subscription.current_period_end));
    expect(periodEnd).toBeGreaterThan(Date.now() + 27 * 86_400_000);
    expect((await enroll(ctx, student, other.courseId)).status).toBe(201);
    expect((await readLesson(ctx, student, other.textLessonId)).status).toBe(200);
    expect((await checkout(ctx, student, { kind: "premium", interval: "year" })).status).toBe(409);
    expect((await checkout(ctx, student, { kind: "course", course_id: paid.courseId })).status).toBe(409);

    const cancelled = await call<{ subscription: { cancel_at_period_end: boolean }; premium_status: boolean }>(
      ctx.app,
      {
        method: "POST",
        url: "/api/v1/payments/subscription/cancel",
        token: student.access_token,
      },
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data).toMatchObject({ subscription: { cancel_at_period_end: true }, premium_status: true });
    const resumed = await call<{ subscription: { cancel_at_period_end: boolean } }>(ctx.app, {
      method: "POST",
      url: "/api/v1/payments/subscription/resume",
      token: student.access_token,
    });
    expect(resumed.body.data.subscription.cancel_at_period_end).toBe(false);
    const mine = await billing(ctx, student);
    expect(mine.body.data.invoices).toEqual([expect.objectContaining({ amount: 1200, status: "paid" })]);
    expect(mine.body.data.portal_available).toBe(false);
    expect(
      (await call(ctx.app, { method: "POST", url: "/api/v1/payments/portal", token: student.access_token })).status,
    ).toBe(404);
    const stats = await call<{ active: number; monthly: number; mrr: number }>(ctx.app, {
      method: "GET",
      url: "/api/v1/admin/subscriptions/stats",
      token: admin.access_token,
    });
    expect(stats.body.data).toMatchObject({ active: 1, monthly: 1, mrr: 1200 });
  });

  it("has no webhook without Stripe (404) and refuses to cancel a subscription that does not exist (409)", async () => {
    const hook = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/payments/webhook",
      headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=abc" },
      payload: JSON.stringify({ id: "evt_1" }),
    });
    expect(hook.status).toBe(404);
    const cancel = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/payments/subscription/cancel",
      token: student.access_token,
    });
    expect(cancel.status).toBe(409);
    const prices = await call<{ provider: string; premium: { month: number; year: number } }>(ctx.app, {
      method: "GET",
      url: "/api/v1/payments/prices",
    });
    expect(prices.body.data).toEqual({ provider: "test", currency: "usd", premium: { month: 1200, year: 9600 } });
  });
});
