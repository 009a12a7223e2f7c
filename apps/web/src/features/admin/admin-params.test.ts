import { describe, expect, it } from "vitest";
import {
  eventsHref,
  isIsoDay,
  overviewHref,
  parseEventFilters,
  parseOverviewDays,
  parseUserFilters,
  usersHref,
  validateEventFilters,
} from "./admin-params";

describe("admin URL state", () => {
  it("reads the users' filters and ignores what the API would refuse", () => {
    expect(parseUserFilters({ q: "  sam ", role: "creator" })).toEqual({ q: "sam", role: "creator" });
    expect(parseUserFilters({ q: ["a", "b"], role: "owner" })).toEqual({ q: "a", role: null });
    expect(parseUserFilters(new URLSearchParams(`q=${"x".repeat(300)}`)).q).toHaveLength(200);
    expect(usersHref({ q: " ", role: null })).toBe("/admin/users");
    expect(usersHref({ q: "a&b", role: "admin" })).toBe("/admin/users?q=a%26b&role=admin");
  });

  it("drops malformed security event filters, and a range that ends before it starts", () => {
    expect(
      parseEventFilters({ type: "role_changed", email: "sam@lumen.dev", from: "2026-03-01", to: "2026-03-31" }),
    ).toEqual({ type: "role_changed", email: "sam@lumen.dev", from: "2026-03-01", to: "2026-03-31" });
    expect(parseEventFilters({ type: "hack", email: "sam@", from: "2026-02-30", to: "yesterday" })).toEqual({
      type: null,
      email: "",
      from: "",
      to: "",
    });
    expect(parseEventFilters({ from: "2026-03-31", to: "2026-03-01" })).toMatchObject({ from: "", to: "" });
    // An address the API's query schema would refuse is dropped too, not sent on to fail.
    expect(parseEventFilters({ email: "sam@lumen.d" }).email).toBe("");
    expect(eventsHref({ type: null, email: "", from: "2026-03-01", to: "" })).toBe(
      "/admin/security-events?from=2026-03-01",
    );
  });

  it("names each bad filter in words", () => {
    expect(validateEventFilters({ type: null, email: "", from: "", to: "" })).toEqual({});
    expect(validateEventFilters({ type: null, email: "sam", from: "2026-03-05", to: "2026-03-04" })).toEqual({
      email: "Enter a whole email address, such as sam@example.com.",
      to: "The last day can't be before the first day.",
    });
    expect(validateEventFilters({ type: null, email: "", from: "2026-13-01", to: "2026-03-04" })).toEqual({
      from: "Enter the first day as a date.",
    });
    expect(validateEventFilters({ type: null, email: "sam@lumen.d", from: "", to: "" })).toEqual({
      email: "Enter a whole email address, such as sam@example.com.",
    });
    expect(isIsoDay("2024-02-29")).toBe(true);
    expect(isIsoDay("2026-02-29")).toBe(false);
  });

  it("offers 7, 30 or 90 days, 30 by default", () => {
    expect(parseOverviewDays({ days: "90" })).toBe(90);
    expect(parseOverviewDays({ days: "45" })).toBe(30);
    expect(overviewHref(30)).toBe("/admin");
    expect(overviewHref(7)).toBe("/admin?days=7");
  });
});
