import { describe, expect, it } from "vitest";
import { checkoutTarget } from "./billing.api";
import { formatMoney, priceToMinor } from "./money";

describe("money", () => {
  it("reads integer minor units as a currency amount", () => {
    expect(formatMoney(1900)).toBe("$19.00");
    expect(formatMoney(9600, "usd")).toBe("$96.00");
    expect(priceToMinor(19.99)).toBe(1999);
  });

  it("keeps the test checkout inside the app and sends Stripe's URL to the browser", () => {
    expect(checkoutTarget("http://localhost:3000/checkout/test/abc")).toEqual({ internal: "/checkout/test/abc" });
    expect(checkoutTarget("https://checkout.stripe.com/c/pay/cs_1")).toEqual({
      external: "https://checkout.stripe.com/c/pay/cs_1",
    });
  });
});
