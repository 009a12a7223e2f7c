// @vitest-environment happy-dom
import type { AdminPayment } from "@lumen/contracts";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ok, restoreApi, serveApi } from "@/test/fake-api";
import { testUser } from "@/test/fixtures";
import { renderWithRouter } from "@/test/router";
import { signInAs } from "@/test/session";
import { AdminPaymentsView } from "./admin-payments-view";

const payment: AdminPayment = {
  id: "p-1",
  course_id: "c-1",
  course_title: "Paid Biology",
  user_id: "u-1",
  user_email: "sam@example.com",
  amount: 1900,
  currency: "usd",
  status: "paid",
  refund_pending: false,
  created_at: "2026-11-01T10:00:00.000Z",
  refunded_at: null,
};

beforeEach(() => signInAs(testUser({ role: "admin", email_verified: true }), "token-admin"));
afterEach(() => {
  cleanup();
  restoreApi();
});

it("shows subscription figures and MRR, filters purchases, and refunds one after a confirmation", async () => {
  const { callsTo } = serveApi({
    "GET /admin/subscriptions/stats": ok({
      active: 3,
      trialing: 0,
      past_due: 1,
      canceling: 1,
      monthly: 3,
      yearly: 1,
      mrr: 4400,
      currency: "usd",
    }),
    "GET /admin/payments": ok({ items: [payment], next_cursor: null }),
    "POST /admin/payments/p-1/refund": ok({ id: "p-1", status: "refunded", refund_pending: false }),
  });
  const { user } = renderWithRouter(<AdminPaymentsView />);

  expect(await screen.findByText("$44.00")).toBeTruthy();
  expect(await screen.findByText("sam@example.com")).toBeTruthy();
  await user.selectOptions(screen.getByLabelText("Status"), "paid");
  await user.type(screen.getByLabelText("Learner's email"), "sam");
  await user.click(screen.getByRole("button", { name: "Filter" }));
  const last = callsTo("GET /admin/payments").at(-1);
  expect(last?.query.get("status")).toBe("paid");
  expect(last?.query.get("user_email")).toBe("sam");

  await user.click(await screen.findByRole("button", { name: "Refund" }));
  expect(callsTo("POST /admin/payments/p-1/refund")).toHaveLength(0);
  await user.click(screen.getByRole("button", { name: "Confirm refund of $19.00" }));
  expect(await screen.findByText("Refunded", { selector: "span" })).toBeTruthy();
  expect(callsTo("POST /admin/payments/p-1/refund")).toHaveLength(1);
});
