// @vitest-environment happy-dom
import type { User } from "@lumen/contracts";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { testUser } from "@/test/fixtures";
import { renderWithRouter } from "@/test/router";
import { signInAs, signOut } from "@/test/session";
import { AccountNav } from "./account-nav";

afterEach(() => {
  cleanup();
  signOut();
});

function renderAs(role: User["role"]) {
  signInAs(testUser({ role, email_verified: true }));
  renderWithRouter(
    <nav aria-label="Main">
      <ul>
        <AccountNav />
      </ul>
    </nav>,
  );
  const nav = screen.getByRole("navigation", { name: "Main" });
  // The header's own links, not the account menu (closed until opened).
  return (name: string) => screen.queryAllByRole("link", { name }).filter((link) => nav.contains(link));
}

describe("the header's account links", () => {
  it("give a learner their learning and nothing of the studio or admin", () => {
    const links = renderAs("student");
    expect(links("My learning")).toHaveLength(1);
    expect(links("Studio")).toEqual([]);
    expect(links("Admin")).toEqual([]);
  });

  it("give a creator the studio", () => {
    const links = renderAs("creator");
    expect(links("Studio").map((l) => l.getAttribute("href"))).toEqual(["/studio"]);
    expect(links("Admin")).toEqual([]);
  });

  it("give an admin the studio and the admin console", () => {
    const links = renderAs("admin");
    expect(links("Studio").map((l) => l.getAttribute("href"))).toEqual(["/studio"]);
    expect(links("Admin").map((l) => l.getAttribute("href"))).toEqual(["/admin"]);
  });
});
