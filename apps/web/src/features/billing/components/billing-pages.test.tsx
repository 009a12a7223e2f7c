// @vitest-environment happy-dom
import type { BillingOverview, CheckoutStatus } from "@lumen/contracts";
import { cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failure, ok, restoreApi, serveApi } from "@/test/fake-api";
import { testUser } from "@/test/fixtures";
import { renderWithRouter } from "@/test/router";
import { signInAs } from "@/test/session";
import { BillingView } from "./billing-view";
import { CheckoutSuccess } from "./checkout-result";
import { TestCheckout } from "./test-checkout";

const SESSION = "5b0c3e8e-1d0a-4c1e-9d53-3c2a7f1b9e10";
const status = (over: Partial<CheckoutStatus> = {}): CheckoutStatus => ({
  session_id: SESSION,
  kind: "course",
  course_id: "c-1",
  course_title: "Paid Biology",
  interval: null,
  amount: 1900,
  currency: "usd",
  status: "open",
  fulfilled: false,
  test_mode: true,
  ...over,
});

beforeEach(() => signInAs(testUser({ email_verified: true }), "token-sam"));
afterEach(() => {
  cleanup();
  restoreApi();
});

describe("test checkout", () => {
  it("is marked as test mode, shows a declined card's error, and pays with 4242", async () => {
    const { calls } = serveApi({
      [`GET /payments/checkout/${SESSION}`]: ok(status()),
      [`POST /payments/test-checkout/${SESSION}/pay`]: ({ body }) =>
        (body as { card_number: string }).card_number.startsWith("4000")
          ? failure(402, "PAYMENT_REQUIRED", "Your card was declined. Nothing was charged.")
          : ok(status({ status: "complete", fulfilled: true })),
    });
    const { router, user } = renderWithRouter(<TestCheckout sessionId={SESSION} />);

    expect(await screen.findByText("Test mode — no real payment")).toBeTruthy();
    expect(screen.getByText("Paid Biology")).toBeTruthy();
    const card = screen.getByLabelText("Card number");
    // Empty: said at the field, which takes the focus; nothing is sent.
    await user.click(screen.getByRole("button", { name: "Pay $19.00" }));
    expect(card.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(card.getAttribute("aria-describedby") ?? "")?.textContent).toMatch(/card number/);
    expect(document.activeElement).toBe(card);
    await user.type(card, "4000 0000 0000 0002");
    await user.click(screen.getByRole("button", { name: "Pay $19.00" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/declined/);
    expect(router.push).not.toHaveBeenCalled();

    await user.clear(card);
    await user.type(card, "4242 4242 4242 4242");
    await user.click(screen.getByRole("button", { name: "Pay $19.00" }));
    await waitFor(() => expect(router.push).toHaveBeenCalledWith(`/checkout/success?session_id=${SESSION}`));
    expect(calls.filter((c) => c.key.startsWith("POST")).map((c) => c.body)).toEqual([
      { card_number: "4000 0000 0000 0002" },
      { card_number: "4242 4242 4242 4242" },
    ]);
  });
});

describe("checkout success", () => {
  it("says it is confirming until the payment is fulfilled, then opens the course", async () => {
    let polls = 0;
    serveApi({
      [`GET /payments/checkout/${SESSION}`]: () => {
        polls += 1;
        return ok(polls < 3 ? status() : status({ status: "complete", fulfilled: true }));
      },
    });
    renderWithRouter(<CheckoutSuccess sessionId={SESSION} pollMs={5} />);

    expect(await screen.findByText("Confirming your payment…")).toBeTruthy();
    expect(await screen.findByText("Payment confirmed: the course is yours")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Start learning" }).getAttribute("href")).toBe("/courses/c-1");
    expect(polls).toBe(3);
  });

  it("tells the learner when the payment failed", async () => {
    serveApi({ [`GET /payments/checkout/${SESSION}`]: ok(status({ status: "expired" })) });
    renderWithRouter(<CheckoutSuccess sessionId={SESSION} pollMs={5} />);
    expect(await screen.findByText("The payment didn't go through")).toBeTruthy();
  });
});

describe("Account → Billing", () => {
  const overview = (cancel: boolean): BillingOverview => ({
    subscription: {
      type: "premium_monthly",
      status: "active",
      stripe_id: "test_sub_1",
      current_period_end: "2027-01-03T00:00:00.000Z",
      cancel_at_period_end: cancel,
    },
    premium_status: true,
    purchases: [
      {
        id: "p-1",
        course_id: "c-1",
        course_title: "Paid Biology",
        amount: 1900,
        currency: "usd",
        status: "refunded",
        created_at: "2026-11-01T00:00:00.000Z",
        refunded_at: "2026-11-02T00:00:00.000Z",
      },
    ],
    invoices: [],
    provider: "stripe",
    portal_available: true,
  });

  it("shows the plan and renewal, cancels at period end, and lists purchases", async () => {
    const { callsTo } = serveApi({
      "GET /payments/me": ok(overview(false)),
      "POST /payments/subscription/cancel": ok(overview(true)),
      "POST /auth/refresh": failure(401, "UNAUTHORIZED", "no cookie"),
    });
    const { user } = renderWithRouter(<BillingView />);

    expect(await screen.findByText("Premium, monthly")).toBeTruthy();
    expect(screen.getByText(/renews on Jan 3, 2027/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Manage in Stripe" })).toBeTruthy();
    expect(screen.getByText("Refunded")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Cancel at period end" }));
    expect(await screen.findByRole("button", { name: "Keep Premium" })).toBeTruthy();
    expect(screen.getByText(/ends on Jan 3, 2027/)).toBeTruthy();
    expect(callsTo("POST /payments/subscription/cancel")).toHaveLength(1);
  });
});
