// @vitest-environment happy-dom
import type { User } from "@lumen/contracts";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { testUser } from "@/test/fixtures";
import { renderWithRouter } from "@/test/router";
import { signInAs, signOut } from "@/test/session";
import { AccountNav } from "./account-nav";

// The bell asks for notifications: answered here (an empty list), never by whatever runs on this machine's port
// 3000, whose 401 would sign the test's session out halfway.
beforeEach(() => {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () =>
      Response.json({
        success: true,
        data: { items: [], unread_count: 0, next_cursor: null },
        message: "OK",
        timestamp: "2026-01-01T00:00:00Z",
      }),
    ),
  );
});

afterEach(() => {
  cleanup();
  signOut();
  vi.unstubAllGlobals();
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

describe("the account menu", () => {
  it("works from the keyboard: ArrowDown opens it on its first item, arrows move, Escape gives the focus back", async () => {
    const user = userEvent.setup();
    renderAs("student");
    const button = screen.getByRole("button", { name: /Account menu for/ });
    button.focus();
    await user.keyboard("{ArrowDown}");
    const items = screen.getAllByRole("menuitem");
    expect(items.map((i) => i.textContent)).toEqual(["My learning", "Account settings", "Billing", "Log out"]);
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(items[1]);
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(items[3]);
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard("{ArrowUp}");
    expect(document.activeElement).toBe(items[3]);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(button);
    // ArrowUp opens it on the last item.
    await user.keyboard("{ArrowUp}");
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByRole("menuitem").at(-1)));
  });
});
