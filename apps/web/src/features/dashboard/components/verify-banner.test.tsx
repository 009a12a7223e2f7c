// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { VerifyBanner } from "./verify-banner";

afterEach(cleanup);

const LONG = "a.very.long.address.for.a.phone.screen.that.has.no.spaces@subdomain.example-university.edu";

/** Flex items keep their content's min-content width unless told min-w-0: a long word then widens the card. */
function flexItemsWithoutMinWidth(from: HTMLElement, card: HTMLElement): string[] {
  const offenders: string[] = [];
  for (let el: HTMLElement | null = from; el && el !== card; el = el.parentElement) {
    const parent = el.parentElement;
    if (parent && /(^|\s)flex(\s|$)/.test(parent.className) && !el.classList.contains("min-w-0")) {
      offenders.push(`<${el.tagName.toLowerCase()} class="${el.className}">`);
    }
  }
  return offenders;
}

describe("the verify banner", () => {
  it("wraps a long email inside its card on a phone", () => {
    render(<VerifyBanner email={LONG} />);
    const card = screen.getByRole("region", { name: "Please confirm your email" });
    const email = screen.getByText(LONG);
    // overflow-wrap: anywhere (unlike break-word) also lowers the min-content width that flex layout uses.
    expect(email.classList.contains("wrap-anywhere")).toBe(true);
    expect(flexItemsWithoutMinWidth(email, card)).toEqual([]);
    const columns = Array.from(card.children).filter((child) => child instanceof HTMLElement);
    expect(columns.filter((column) => !column.classList.contains("min-w-0"))).toEqual([]);
  });
});
