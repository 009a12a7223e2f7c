import {
  adminPaymentQuerySchema,
  adminPaymentSchema,
  analyticsRangeQuerySchema,
  billingOverviewSchema,
  billingPricesSchema,
  checkoutCreatedSchema,
  checkoutRequestSchema,
  checkoutStatusSchema,
  courseRevenueSchema,
  pageOf,
  portalSchema,
  refundResultSchema,
  subscriptionStatsSchema,
  testCardSchema,
} from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { decodeCursor, isTimeCursor } from "../../lib/cursor.js";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import type { BillingService } from "./billing.service.js";
import type { BillingWebhook } from "./billing.webhook.js";

const sessionParams = z.object({ session_id: z.uuid() });

export function billingRoutes(app: FastifyInstance, opts: { service: BillingService; webhook: BillingWebhook }) {
  const { service } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["payments"];
  const security = [{ bearerAuth: [] }];

  // GET /payments/prices – public: Premium's prices and whether payments are real (Stripe) or test mode
  r.get(
    "/payments/prices",
    { schema: { tags, summary: "Premium prices and the payment mode", response: responds(billingPricesSchema) } },
    async () => ok(service.prices()),
  );

  // POST /payments/checkout – a course (its price from the catalog) or Premium; 409 when there is nothing to buy
  r.post(
    "/payments/checkout",
    {
      config: { auth: {} },
      schema: {
        tags,
        security,
        summary: "Start a checkout for a course or Premium",
        body: checkoutRequestSchema,
        response: responds(checkoutCreatedSchema, 201),
      },
    },
    async (request, reply) =>
      reply.code(201).send(ok(await service.checkout(currentAuth(request), request.body), "Checkout started")),
  );

  // GET /payments/checkout/:session_id – its owner; the success page polls it until `fulfilled`
  r.get(
    "/payments/checkout/:session_id",
    {
      config: { auth: {} },
      schema: {
        tags,
        security,
        summary: "A checkout's status",
        params: sessionParams,
        response: responds(checkoutStatusSchema),
      },
    },
    async (request) => ok(await service.checkoutStatus(currentAuth(request), request.params.session_id)),
  );

  // POST /payments/test-checkout/:session_id/pay – test mode only (404 with Stripe); 4242… pays, 4000…0002 → 402
  r.post(
    "/payments/test-checkout/:session_id/pay",
    {
      config: { auth: {} },
      schema: {
        tags,
        security,
        summary: "Pay a test-mode checkout with a test card (no real payment)",
        params: sessionParams,
        body: testCardSchema,
        response: responds(checkoutStatusSchema),
      },
    },
    async (request) =>
      ok(
        await service.testPay(currentAuth(request), request.params.session_id, request.body.card_number),
        "Payment accepted",
      ),
  );

  // GET /payments/me – the caller's plan, purchases and receipts
  r.get(
    "/payments/me",
    {
      config: { auth: {} },
      schema: {
        tags,
        security,
        summary: "My billing: plan, purchases, invoices",
        response: responds(billingOverviewSchema),
      },
    },
    async (request) => ok(await service.overview(currentAuth(request))),
  );

  // POST /payments/subscription/cancel – cancel at the period's end (access continues until then)
  r.post(
    "/payments/subscription/cancel",
    {
      config: { auth: {} },
      schema: { tags, security, summary: "Cancel Premium at period end", response: responds(billingOverviewSchema) },
    },
    async (request) => ok(await service.cancel(currentAuth(request)), "Premium ends at the end of the period"),
  );

  // POST /payments/subscription/resume – undo a cancellation before the period ends
  r.post(
    "/payments/subscription/resume",
    {
      config: { auth: {} },
      schema: { tags, security, summary: "Keep Premium renewing", response: responds(billingOverviewSchema) },
    },
    async (request) => ok(await service.resume(currentAuth(request)), "Premium renews again"),
  );

  // POST /payments/portal – Stripe's Customer Portal (404 in test mode)
  r.post(
    "/payments/portal",
    {
      config: { auth: {} },
      schema: { tags, security, summary: "A Stripe Customer Portal link", response: responds(portalSchema) },
    },
    async (request) => ok(await service.portal(currentAuth(request))),
  );

  // POST /payments/webhook – Stripe's raw body and Stripe-Signature; each event id applied once
  app.register(async (hooks) => {
    // The signature covers the exact bytes Stripe sent: keep the body raw here (and only here).
    hooks.removeAllContentTypeParsers();
    hooks.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
    hooks.withTypeProvider<ZodTypeProvider>().post(
      "/payments/webhook",
      {
        schema: {
          tags,
          summary: "Stripe webhook (signed)",
          response: responds(z.object({ received: z.boolean(), outcome: z.string() })),
        },
      },
      async (request) => {
        const signature = request.headers["stripe-signature"];
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return ok(await opts.webhook.receive(body, typeof signature === "string" ? signature : ""));
      },
    );
  });

  const admin = { config: { auth: { roles: ["admin"] } } } as const;

  // GET /admin/payments?status&user_email&course_id – newest first, keyset pagination
  r.get(
    "/admin/payments",
    {
      ...admin,
      schema: {
        tags: ["admin"],
        security,
        summary: "Course purchases",
        querystring: adminPaymentQuerySchema,
        response: responds(pageOf(adminPaymentSchema)),
      },
    },
    async (request) => {
      const { status, user_email, course_id, limit, cursor } = request.query;
      const after = cursor ? decodeCursor(cursor, isTimeCursor) : undefined;
      return ok(await service.listPayments({ status, userEmail: user_email, courseId: course_id, limit, after }));
    },
  );

  // POST /admin/payments/:id/refund – full refund; with Stripe the charge.refunded webhook confirms it
  r.post(
    "/admin/payments/:id/refund",
    {
      ...admin,
      schema: {
        tags: ["admin"],
        security,
        summary: "Refund a purchase",
        params: z.object({ id: z.uuid() }),
        response: responds(refundResultSchema),
      },
    },
    async (request) => ok(await service.refund(request.params.id), "Refund requested"),
  );

  // GET /admin/subscriptions/stats – live subscriptions by state and plan, and MRR
  r.get(
    "/admin/subscriptions/stats",
    {
      ...admin,
      schema: {
        tags: ["admin"],
        security,
        summary: "Subscription counts and MRR",
        response: responds(subscriptionStatsSchema),
      },
    },
    async () => ok(await service.subscriptionStats()),
  );

  // GET /analytics/courses/:id/revenue?from&to – the course's creator or an admin; per UTC day
  r.get(
    "/analytics/courses/:id/revenue",
    {
      config: { auth: {} },
      schema: {
        tags: ["analytics"],
        security,
        summary: "A course's revenue per day: gross, refunds, purchases",
        params: z.object({ id: z.uuid() }),
        querystring: analyticsRangeQuerySchema,
        response: responds(courseRevenueSchema),
      },
    },
    async (request) => ok(await service.revenue(currentAuth(request), request.params.id, request.query)),
  );
}
