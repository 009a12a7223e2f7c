// @vitest-environment happy-dom
import type { Notification, NotificationPage } from "@lumen/contracts";
import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ok, restoreApi, serveApi } from "@/test/fake-api";
import { testUser } from "@/test/fixtures";
import { renderWithRouter } from "@/test/router";
import { signInAs, signOut } from "@/test/session";
import { NotificationBell, POLL_MS } from "./notification-bell";

const note = (over: Partial<Notification>): Notification => ({
  id: "n-1",
  kind: "lesson.published",
  title: "New lesson in Cell Biology",
  body: "“Mitochondria” is ready to watch.",
  link: "/learn/c-1/l-1",
  read: false,
  created_at: "2026-12-01T10:00:00.000Z",
  ...over,
});
const page = (items: Notification[]): NotificationPage => ({
  items,
  next_cursor: null,
  unread_count: items.filter((n) => !n.read).length,
});

beforeEach(() => {
  signInAs(testUser({ email_verified: true }));
});
afterEach(() => {
  cleanup();
  restoreApi();
  signOut();
  vi.useRealTimers();
});

describe("the notification bell", () => {
  it("names the unread count, lists the notifications and marks one read when it is followed", async () => {
    const { calls } = serveApi({
      "GET /notifications": ok(
        page([note({}), note({ id: "n-2", title: "Refund issued", link: "/account/billing", read: true })]),
      ),
      "POST /notifications/n-1/read": ok(note({ read: true })),
    });
    const { user } = renderWithRouter(<NotificationBell />);
    // No count until the API has answered.
    expect(screen.getByRole("button", { name: "Notifications" })).toBeTruthy();
    const bell = await screen.findByRole("button", { name: "Notifications, 1 unread" });
    expect(bell.getAttribute("aria-expanded")).toBe("false");

    await user.click(bell);
    const panel = screen.getByRole("region", { name: "Notifications" });
    const links = within(panel).getAllByRole("link");
    expect(links.map((l) => l.getAttribute("href"))).toEqual([
      "/learn/c-1/l-1",
      "/account/billing",
      "/account/settings#settings-notifications",
    ]);
    expect(links[0]?.textContent).toContain("Unread: New lesson in Cell Biology");
    expect(links[1]?.textContent).not.toContain("Unread");

    await user.click(links[0] as HTMLElement);
    await waitFor(() => expect(calls.map((c) => c.key)).toContain("POST /notifications/n-1/read"));
    expect(screen.getByRole("button", { name: "Notifications, none unread" })).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Notifications" })).toBeNull();
  });

  it("marks everything read at once", async () => {
    const { callsTo } = serveApi({
      "GET /notifications": ok(page([note({}), note({ id: "n-2" })])),
      "POST /notifications/read-all": ok({ updated: 2, unread_count: 0 }),
    });
    const { user } = renderWithRouter(<NotificationBell />);
    await user.click(await screen.findByRole("button", { name: "Notifications, 2 unread" }));
    await user.click(screen.getByRole("button", { name: "Mark all read" }));
    expect(await screen.findByRole("button", { name: "Notifications, none unread" })).toBeTruthy();
    expect(callsTo("POST /notifications/read-all")).toHaveLength(1);
    expect(screen.queryByRole("button", { name: "Mark all read" })).toBeNull();
  });

  it("closes on Escape and gives focus back to the bell", async () => {
    serveApi({ "GET /notifications": ok(page([])) });
    const { user } = renderWithRouter(<NotificationBell />);
    const bell = await screen.findByRole("button", { name: "Notifications, none unread" });
    await user.click(bell);
    expect(screen.getByText("Nothing new yet.")).toBeTruthy();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("region", { name: "Notifications" })).toBeNull();
    expect(document.activeElement).toBe(bell);
  });

  it("asks again on its polling interval and picks up new notifications", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    let current = page([]);
    const { callsTo } = serveApi({ "GET /notifications": () => ok(current) });
    renderWithRouter(<NotificationBell />);
    await screen.findByRole("button", { name: "Notifications, none unread" });
    expect(callsTo("GET /notifications")).toHaveLength(1);

    current = page([note({})]);
    await act(async () => {
      vi.advanceTimersByTime(POLL_MS);
    });
    expect(await screen.findByRole("button", { name: "Notifications, 1 unread" })).toBeTruthy();
    expect(callsTo("GET /notifications")).toHaveLength(2);
  });
});
