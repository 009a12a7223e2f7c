import type { PremiumInterval } from "@lumen/contracts";

export type SubscriptionPlan = "premium_monthly" | "premium_yearly";

/** A subscription as the provider last described it. `stateAt` orders states: an older one never wins. */
export interface SubscriptionState {
  providerSubscriptionId: string;
  providerCustomerId: string | null;
  /** Our user id when the provider carries it (metadata), else found through the customer. */
  userId: string | null;
  plan: SubscriptionPlan;
  status: string;
  amount: number;
  currency: string;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  stateAt: Date;
}

/** What a completed checkout carries into fulfilment (the webhook's and the test checkout's alike). */
export interface CheckoutCompletion {
  /** Our checkout session id. */
  sessionId: string;
  paymentIntentId: string | null;
  subscription: SubscriptionState | null;
  amount: number | null;
  currency: string | null;
}

/** Provider events, already verified and reduced to what the billing module acts on. */
export type BillingEvent = { id: string; type: string; created: Date } & (
  | {
      kind: "checkout.completed";
      sessionId: string | null;
      paid: boolean;
      completion: () => Promise<CheckoutCompletion>;
    }
  | { kind: "checkout.async_succeeded"; sessionId: string | null; completion: () => Promise<CheckoutCompletion> }
  | { kind: "checkout.async_failed"; sessionId: string | null }
  | { kind: "subscription"; state: SubscriptionState }
  | {
      kind: "invoice";
      status: "paid" | "failed";
      invoiceId: string;
      customerId: string | null;
      amount: number;
      currency: string;
      hostedUrl: string | null;
    }
  | { kind: "charge.refunded"; paymentIntentId: string | null; amountRefunded: number }
  | { kind: "ignored" }
);

export interface CourseCheckoutInput {
  sessionId: string;
  customerId: string;
  userId: string;
  courseId: string;
  title: string;
  amount: number;
  currency: string;
  successUrl: string;
  cancelUrl: string;
}

export interface PremiumCheckoutInput {
  sessionId: string;
  customerId: string;
  userId: string;
  interval: PremiumInterval;
  successUrl: string;
  cancelUrl: string;
}

/**
 * The one seam between Lumen and a payment provider: Stripe (`stripe.provider.ts`) or the built-in test
 * checkout (`test.provider.ts`). Every call that reaches a network fails with 503 SERVICE_UNAVAILABLE.
 */
export interface PaymentProvider {
  readonly kind: "stripe" | "test";
  createCustomer(user: { id: string; email: string; name: string }): Promise<string>;
  /** `url` is where the browser goes; `providerSessionId` is null for the test checkout. */
  createCourseCheckout(input: CourseCheckoutInput): Promise<{ providerSessionId: string | null; url: string }>;
  createPremiumCheckout(input: PremiumCheckoutInput): Promise<{ providerSessionId: string | null; url: string }>;
  /** Cancel at period end (true) or undo it (false); returns the subscription's new state. */
  setCancelAtPeriodEnd(current: SubscriptionState, cancel: boolean): Promise<SubscriptionState>;
  /** Ends the subscription now, without proration (the account it paid for is being deleted). */
  cancelNow(current: SubscriptionState): Promise<SubscriptionState>;
  /** Asks for a full refund. `confirmed: false` means the provider confirms it later (webhook). */
  refund(input: { purchaseId: string; paymentIntentId: string | null }): Promise<{ confirmed: boolean }>;
  /** A billing-portal link (Stripe only). */
  portalUrl(customerId: string, returnUrl: string): Promise<string | null>;
  /** Verifies and decodes a webhook delivery; throws `WebhookSignatureError` when the signature is bad or stale. */
  parseWebhook(rawBody: Buffer, signature: string): BillingEvent;
}

export class WebhookSignatureError extends Error {}
