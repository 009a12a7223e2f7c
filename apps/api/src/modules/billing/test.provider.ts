import { randomUUID } from "node:crypto";
import { AppError } from "../../lib/errors.js";
import type { PaymentProvider } from "./billing.provider.js";

/**
 * The embedded default (no Stripe key): checkout is a page of the web app marked "Test mode — no real
 * payment", paid with a test card through `POST /payments/test-checkout/:id/pay`, which completes through the
 * same fulfilment as Stripe's webhook. Subscription changes and refunds take effect at once.
 */
export function createTestProvider(opts: { appUrl: string }): PaymentProvider {
  const page = (sessionId: string) => `${opts.appUrl}/checkout/test/${sessionId}`;
  return {
    kind: "test",
    createCustomer: async () => `test_cus_${randomUUID()}`,
    createCourseCheckout: async (input) => ({ providerSessionId: null, url: page(input.sessionId) }),
    createPremiumCheckout: async (input) => ({ providerSessionId: null, url: page(input.sessionId) }),
    setCancelAtPeriodEnd: async (current, cancel) => ({ ...current, cancelAtPeriodEnd: cancel, stateAt: new Date() }),
    cancelNow: async (current) => {
      const now = new Date();
      return { ...current, status: "canceled", cancelAtPeriodEnd: false, currentPeriodEnd: now, stateAt: now };
    },
    refund: async () => ({ confirmed: true }),
    portalUrl: async () => null,
    parseWebhook() {
      throw new AppError("NOT_FOUND", "Stripe is not configured: payments run in test mode, without webhooks");
    },
  };
}
