import { z } from "zod";
import { pageQuerySchema } from "./envelope.js";
import { subscriptionSchema } from "./user.js";

/** Amounts are integers in the currency's smallest unit (`1900` = $19.00), everywhere on the wire. */
const minorUnits = z.number().int().min(0).describe("Integer amount in the currency's smallest unit (1900 = $19.00)");
const currency = z.string().describe("ISO 4217 code, lower case (usd)");

export const PREMIUM_INTERVALS = ["month", "year"] as const;
export const premiumIntervalSchema = z.enum(PREMIUM_INTERVALS);
export type PremiumInterval = z.infer<typeof premiumIntervalSchema>;

export const SUBSCRIPTION_PLANS = ["premium_monthly", "premium_yearly"] as const;
export const planForInterval = (interval: PremiumInterval) =>
  interval === "month" ? "premium_monthly" : "premium_yearly";

/** Test-mode cards (the built-in checkout): one that pays, one that is declined. */
export const TEST_CARD_SUCCESS = "4242424242424242";
export const TEST_CARD_DECLINE = "4000000000000002";

export const checkoutRequestSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("course"), course_id: z.uuid() }),
  z.object({ kind: z.literal("premium"), interval: premiumIntervalSchema }),
]);
export type CheckoutRequest = z.infer<typeof checkoutRequestSchema>;

export const checkoutCreatedSchema = z.object({
  session_id: z.string(),
  checkout_url: z.string().describe("Where to send the browser: Stripe Checkout, or the built-in test checkout"),
});
export type CheckoutCreated = z.infer<typeof checkoutCreatedSchema>;

export const checkoutStatusSchema = z.object({
  session_id: z.string(),
  kind: z.enum(["course", "premium"]),
  course_id: z.string().nullable(),
  course_title: z.string().nullable(),
  interval: premiumIntervalSchema.nullable(),
  amount: minorUnits,
  currency,
  status: z.enum(["open", "complete", "expired"]),
  fulfilled: z.boolean().describe("True once the purchase or subscription is granted (the webhook has landed)"),
  test_mode: z.boolean(),
});
export type CheckoutStatus = z.infer<typeof checkoutStatusSchema>;

export const testCardSchema = z.object({
  card_number: z
    .string()
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{12,19}$/, "Enter a card number of 12 to 19 digits")),
});

export const purchaseStatusSchema = z.enum(["paid", "refunded"]);
export const purchaseSchema = z.object({
  id: z.string(),
  course_id: z.string(),
  course_title: z.string(),
  amount: minorUnits,
  currency,
  status: purchaseStatusSchema,
  created_at: z.string(),
  refunded_at: z.string().nullable(),
});
export type Purchase = z.infer<typeof purchaseSchema>;

export const invoiceSchema = z.object({
  id: z.string(),
  amount: minorUnits,
  currency,
  status: z.enum(["paid", "failed"]),
  hosted_url: z.string().nullable(),
  created_at: z.string(),
});
export type Invoice = z.infer<typeof invoiceSchema>;

export const billingOverviewSchema = z.object({
  subscription: subscriptionSchema,
  premium_status: z.boolean(),
  purchases: z.array(purchaseSchema),
  invoices: z.array(invoiceSchema),
  provider: z.enum(["stripe", "test"]),
  portal_available: z.boolean(),
});
export type BillingOverview = z.infer<typeof billingOverviewSchema>;

export const billingPricesSchema = z.object({
  provider: z.enum(["stripe", "test"]),
  currency,
  premium: z.object({ month: minorUnits, year: minorUnits }),
});
export type BillingPrices = z.infer<typeof billingPricesSchema>;

export const portalSchema = z.object({ url: z.string() });

export const adminPaymentQuerySchema = pageQuerySchema.extend({
  status: purchaseStatusSchema.optional(),
  user_email: z.string().trim().min(1).max(320).optional(),
  course_id: z.uuid().optional(),
});
export const adminPaymentSchema = purchaseSchema.extend({
  user_id: z.string(),
  user_email: z.string(),
  refund_pending: z.boolean().describe("A refund was asked of Stripe; the webhook has not confirmed it yet"),
});
export type AdminPayment = z.infer<typeof adminPaymentSchema>;

/** `POST /admin/payments/:id/refund`: refunded at once, or `refund_pending` until Stripe's webhook confirms. */
export const refundResultSchema = z.object({
  id: z.string(),
  status: purchaseStatusSchema,
  refund_pending: z.boolean(),
});
export type RefundResult = z.infer<typeof refundResultSchema>;

export const subscriptionStatsSchema = z.object({
  active: z.number().int(),
  trialing: z.number().int(),
  past_due: z.number().int(),
  canceling: z.number().int().describe("Active but set to end at the period's end"),
  monthly: z.number().int(),
  yearly: z.number().int(),
  mrr: minorUnits.describe("Monthly recurring revenue: monthly plans plus yearly plans / 12"),
  currency,
});
export type SubscriptionStats = z.infer<typeof subscriptionStatsSchema>;

export const revenueDaySchema = z.object({
  date: z.string().describe("UTC day, YYYY-MM-DD"),
  gross: minorUnits,
  refunds: minorUnits,
  purchases: z.number().int().min(0),
});
export const courseRevenueSchema = z.object({
  course_id: z.string(),
  currency,
  from: z.string(),
  to: z.string(),
  totals: z.object({ gross: minorUnits, refunds: minorUnits, net: z.number().int(), purchases: z.number().int() }),
  days: z.array(revenueDaySchema),
});
export type CourseRevenue = z.infer<typeof courseRevenueSchema>;
