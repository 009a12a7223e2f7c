import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import type { StripeConfig } from "../../config.js";
import { AppError } from "../../lib/errors.js";
import {
  type CheckoutCompletion,
  type PaymentProvider,
  type SubscriptionPlan,
  type SubscriptionState,
  WebhookSignatureError,
} from "./billing.provider.js";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);
const int = (v: unknown): number => (typeof v === "number" && Number.isInteger(v) ? v : 0);
/** An expandable field: the id whether Stripe sent the id or the expanded object. */
const idOf = (v: unknown): string | null => str(v) ?? str(obj(v).id);
const date = (v: unknown): Date | null => (typeof v === "number" ? new Date(v * 1000) : null);

/** Webhook signatures older than this are refused (Stripe's own default tolerance). */
const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Stripe: Checkout for course purchases (`price_data` from the course's own price) and Premium (the configured
 * Price ids), the Customer Portal, refunds, and verified webhooks. Every POST carries an idempotency key; every
 * failure to reach Stripe (down, slow, refused) becomes 503 so the caller records nothing.
 */
export function createStripeProvider(config: StripeConfig, opts: { timeoutMs: number }): PaymentProvider {
  const api = config.apiUrl ? new URL(config.apiUrl) : null;
  const stripe = new Stripe(config.secretKey, {
    timeout: opts.timeoutMs,
    maxNetworkRetries: 0,
    ...(api
      ? {
          host: api.hostname,
          port: api.port || (api.protocol === "https:" ? 443 : 80),
          protocol: api.protocol === "http:" ? "http" : "https",
        }
      : {}),
  });

  async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof Stripe.errors.StripeError) {
        throw new AppError(
          "SERVICE_UNAVAILABLE",
          `The payment provider could not ${what}; nothing was charged. Try again in a moment.`,
          { provider_error: err.type },
          { "retry-after": "5" },
        );
      }
      throw err;
    }
  }

  const planOf = (price: Obj): SubscriptionPlan => {
    const id = str(price.id);
    if (id === config.premiumPriceIds.year) return "premium_yearly";
    if (id === config.premiumPriceIds.month) return "premium_monthly";
    return obj(price.recurring).interval === "year" ? "premium_yearly" : "premium_monthly";
  };

  function subscriptionState(sub: Obj, stateAt: Date): SubscriptionState {
    const item = obj((obj(sub.items).data as unknown[] | undefined)?.[0]);
    const price = obj(item.price);
    return {
      providerSubscriptionId: str(sub.id) ?? "",
      providerCustomerId: idOf(sub.customer),
      userId: str(obj(sub.metadata).user_id),
      plan: planOf(price),
      status: str(sub.status) ?? "incomplete",
      amount: int(price.unit_amount),
      currency: str(price.currency) ?? "usd",
      // Newer API versions keep the period on the subscription item, older ones on the subscription.
      currentPeriodEnd: date(item.current_period_end) ?? date(sub.current_period_end),
      cancelAtPeriodEnd: sub.cancel_at_period_end === true,
      stateAt,
    };
  }

  const retrieveSubscription = (id: string, stateAt: Date) =>
    call("load the subscription", async () =>
      subscriptionState((await stripe.subscriptions.retrieve(id)) as unknown as Obj, stateAt),
    );

  function completionOf(session: Obj, stateAt: Date): () => Promise<CheckoutCompletion> {
    return async () => {
      const subscriptionId = idOf(session.subscription);
      return {
        sessionId: str(session.client_reference_id) ?? str(obj(session.metadata).checkout_id) ?? "",
        paymentIntentId: idOf(session.payment_intent),
        // The session names the subscription; its state (plan, period) comes from Stripe itself.
        subscription: subscriptionId ? await retrieveSubscription(subscriptionId, stateAt) : null,
        amount: typeof session.amount_total === "number" ? session.amount_total : null,
        currency: str(session.currency),
      };
    };
  }

  return {
    kind: "stripe",

    createCustomer: (user) =>
      call("create the customer", async () => {
        // One customer per user even if two requests race: the same key returns the same customer.
        const customer = await stripe.customers.create(
          { email: user.email, name: user.name, metadata: { user_id: user.id } },
          { idempotencyKey: `lumen-customer-${user.id}` },
        );
        return customer.id;
      }),

    createCourseCheckout: (input) =>
      call("start the checkout", async () => {
        const session = await stripe.checkout.sessions.create(
          {
            mode: "payment",
            customer: input.customerId,
            client_reference_id: input.sessionId,
            metadata: { checkout_id: input.sessionId, user_id: input.userId, course_id: input.courseId },
            payment_intent_data: { metadata: { checkout_id: input.sessionId, course_id: input.courseId } },
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: input.currency,
                  unit_amount: input.amount,
                  product_data: { name: input.title, metadata: { course_id: input.courseId } },
                },
              },
            ],
            success_url: input.successUrl,
            cancel_url: input.cancelUrl,
          },
          { idempotencyKey: `lumen-checkout-${input.sessionId}` },
        );
        if (!session.url) throw new Stripe.errors.StripeAPIError({ message: "Checkout session without a url" });
        return { providerSessionId: session.id, url: session.url };
      }),

    createPremiumCheckout: (input) =>
      call("start the checkout", async () => {
        const session = await stripe.checkout.sessions.create(
          {
            mode: "subscription",
            customer: input.customerId,
            client_reference_id: input.sessionId,
            metadata: { checkout_id: input.sessionId, user_id: input.userId },
            subscription_data: { metadata: { user_id: input.userId } },
            line_items: [{ quantity: 1, price: config.premiumPriceIds[input.interval] }],
            success_url: input.successUrl,
            cancel_url: input.cancelUrl,
          },
          { idempotencyKey: `lumen-checkout-${input.sessionId}` },
        );
        if (!session.url) throw new Stripe.errors.StripeAPIError({ message: "Checkout session without a url" });
        return { providerSessionId: session.id, url: session.url };
      }),

    setCancelAtPeriodEnd: (current, cancel) =>
      call("change the subscription", async () => {
        const sub = await stripe.subscriptions.update(
          current.providerSubscriptionId,
          { cancel_at_period_end: cancel },
          { idempotencyKey: `lumen-sub-${current.providerSubscriptionId}-${cancel}-${randomUUID()}` },
        );
        return subscriptionState(sub as unknown as Obj, new Date());
      }),

    cancelNow: (current) =>
      call("cancel the subscription", async () => {
        const sub = await stripe.subscriptions.cancel(current.providerSubscriptionId, undefined, {
          idempotencyKey: `lumen-sub-${current.providerSubscriptionId}-cancel-now`,
        });
        // Stripe keeps the paid period's end on a subscription cancelled early; it ended now, and so does Premium.
        const now = new Date();
        return { ...subscriptionState(sub as unknown as Obj, now), currentPeriodEnd: now };
      }),

    refund: ({ purchaseId, paymentIntentId }) =>
      call("refund the payment", async () => {
        if (!paymentIntentId) throw new AppError("CONFLICT", "This purchase has no Stripe payment to refund");
        // One refund per purchase, however often an admin clicks: Stripe answers a repeated key with the first.
        await stripe.refunds.create(
          { payment_intent: paymentIntentId, metadata: { purchase_id: purchaseId } },
          { idempotencyKey: `lumen-refund-${purchaseId}` },
        );
        return { confirmed: false };
      }),

    portalUrl: (customerId, returnUrl) =>
      call("open the billing portal", async () => {
        const portal = await stripe.billingPortal.sessions.create(
          { customer: customerId, return_url: returnUrl },
          { idempotencyKey: `lumen-portal-${randomUUID()}` },
        );
        return portal.url;
      }),

    parseWebhook(rawBody, signature) {
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature, config.webhookSecret, SIGNATURE_TOLERANCE_SECONDS);
      } catch (err) {
        throw new WebhookSignatureError((err as Error).message);
      }
      const base = { id: event.id, type: event.type, created: new Date(event.created * 1000) };
      const o = obj(event.data.object);
      switch (event.type) {
        case "checkout.session.completed":
          return {
            ...base,
            kind: "checkout.completed",
            sessionId: str(o.client_reference_id) ?? str(obj(o.metadata).checkout_id),
            // Delayed methods (bank debits) complete the session unpaid; async_payment_succeeded follows.
            paid: o.payment_status === "paid" || o.payment_status === "no_payment_required",
            completion: completionOf(o, base.created),
          };
        case "checkout.session.async_payment_succeeded":
          return {
            ...base,
            kind: "checkout.async_succeeded",
            sessionId: str(o.client_reference_id) ?? str(obj(o.metadata).checkout_id),
            completion: completionOf(o, base.created),
          };
        case "checkout.session.async_payment_failed":
          return {
            ...base,
            kind: "checkout.async_failed",
            sessionId: str(o.client_reference_id) ?? str(obj(o.metadata).checkout_id),
          };
        case "customer.subscription.created":
        case "customer.subscription.updated":
        case "customer.subscription.deleted":
          return { ...base, kind: "subscription", state: subscriptionState(o, base.created) };
        case "invoice.paid":
        case "invoice.payment_failed":
          return {
            ...base,
            kind: "invoice",
            status: event.type === "invoice.paid" ? "paid" : "failed",
            invoiceId: str(o.id) ?? "",
            customerId: idOf(o.customer),
            amount: event.type === "invoice.paid" ? int(o.amount_paid) : int(o.amount_due),
            currency: str(o.currency) ?? "usd",
            hostedUrl: str(o.hosted_invoice_url),
          };
        case "charge.refunded":
          return {
            ...base,
            kind: "charge.refunded",
            paymentIntentId: idOf(o.payment_intent),
            amountRefunded: int(o.amount_refunded),
          };
        default:
          return { ...base, kind: "ignored" };
      }
    },
  };
}
