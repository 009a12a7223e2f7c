import {
  adminPaymentSchema,
  billingOverviewSchema,
  billingPricesSchema,
  type CheckoutRequest,
  checkoutCreatedSchema,
  checkoutStatusSchema,
  courseRevenueSchema,
  pageOf,
  portalSchema,
  refundResultSchema,
  subscriptionStatsSchema,
} from "@lumen/contracts";
import { authRequest } from "@/features/auth/session";
import { api } from "@/lib/api-client";

// Payments as the signed-in user (Stripe or the built-in test checkout; the API decides which).

/** GET /payments/prices – Premium's prices and whether payments are real. */
export const getPrices = (signal?: AbortSignal) =>
  api.request("/payments/prices", billingPricesSchema, signal ? { signal } : {});

/** POST /payments/checkout – a course or Premium; the answer says where the browser goes. */
export const startCheckout = (body: CheckoutRequest) =>
  authRequest("/payments/checkout", checkoutCreatedSchema, { method: "POST", body });

/** GET /payments/checkout/{id} – polled by the success page until `fulfilled`. */
export const getCheckout = (sessionId: string, signal?: AbortSignal) =>
  authRequest(`/payments/checkout/${encodeURIComponent(sessionId)}`, checkoutStatusSchema, signal ? { signal } : {});

/** POST /payments/test-checkout/{id}/pay – test mode only. */
export const payTestCheckout = (sessionId: string, cardNumber: string) =>
  authRequest(`/payments/test-checkout/${encodeURIComponent(sessionId)}/pay`, checkoutStatusSchema, {
    method: "POST",
    body: { card_number: cardNumber },
  });

export const getBilling = (signal?: AbortSignal) =>
  authRequest("/payments/me", billingOverviewSchema, signal ? { signal } : {});
export const cancelPremium = () =>
  authRequest("/payments/subscription/cancel", billingOverviewSchema, { method: "POST" });
export const resumePremium = () =>
  authRequest("/payments/subscription/resume", billingOverviewSchema, { method: "POST" });
export const openPortal = () => authRequest("/payments/portal", portalSchema, { method: "POST" });

export type PaymentFilters = { status?: "paid" | "refunded" | undefined; user_email?: string | undefined };
export const listPayments = (filters: PaymentFilters, cursor?: string | null, signal?: AbortSignal) =>
  authRequest("/admin/payments", pageOf(adminPaymentSchema), {
    query: { ...filters, cursor: cursor ?? undefined, limit: 50 },
    ...(signal ? { signal } : {}),
  });
export const refundPayment = (id: string) =>
  authRequest(`/admin/payments/${encodeURIComponent(id)}/refund`, refundResultSchema, { method: "POST" });
export const getSubscriptionStats = (signal?: AbortSignal) =>
  authRequest("/admin/subscriptions/stats", subscriptionStatsSchema, signal ? { signal } : {});

export const getCourseRevenue = (courseId: string, range: { from?: string; to?: string }, signal?: AbortSignal) =>
  authRequest(`/analytics/courses/${encodeURIComponent(courseId)}/revenue`, courseRevenueSchema, {
    query: range,
    ...(signal ? { signal } : {}),
  });

/** Where a checkout URL sends the browser: the test checkout stays inside the app (same session). */
export function checkoutTarget(url: string): { internal: string } | { external: string } {
  try {
    const parsed = new URL(url, "http://app.invalid");
    if (parsed.pathname.startsWith("/checkout/test/")) return { internal: parsed.pathname };
  } catch {
    // fall through: let the browser try it
  }
  return { external: url };
}
