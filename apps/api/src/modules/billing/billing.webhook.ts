import type { FastifyBaseLogger } from "fastify";
import { AppError } from "../../lib/errors.js";
import type { Fulfilment } from "./billing.fulfilment.js";
import { type PaymentProvider, WebhookSignatureError } from "./billing.provider.js";

/** Stripe's webhook: verify, then apply each event once. A bad or stale signature changes nothing (400). */
export function createBillingWebhook(deps: {
  provider: PaymentProvider;
  fulfilment: Fulfilment;
  log: FastifyBaseLogger;
}) {
  const { provider, fulfilment, log } = deps;
  return {
    async receive(rawBody: Buffer, signature: string): Promise<{ received: boolean; outcome: string }> {
      if (!signature && provider.kind === "stripe") {
        throw new AppError("VALIDATION_ERROR", "Missing Stripe-Signature header");
      }
      let event: ReturnType<PaymentProvider["parseWebhook"]>;
      try {
        event = provider.parseWebhook(rawBody, signature);
      } catch (err) {
        if (err instanceof WebhookSignatureError) {
          log.warn({ reason: err.message }, "webhook refused: bad or stale signature");
          throw new AppError("VALIDATION_ERROR", "Invalid or expired Stripe-Signature");
        }
        throw err;
      }
      const outcome = await fulfilment.applyEvent(event);
      log.info({ event_id: event.id, event_type: event.type, outcome }, "payment event");
      return { received: true, outcome };
    },
  };
}
export type BillingWebhook = ReturnType<typeof createBillingWebhook>;
