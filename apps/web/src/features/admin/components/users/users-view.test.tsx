// @vitest-environment happy-dom
import type { User } from "@lumen/contracts";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  adminUser,
  deferred,
  failure,
  ok,
  renderWithRouter,
  restoreApi,
  serveApi,
  signInAsAdmin,
  signOut,
} from "../../admin.test-support";
import { UsersView } from "./users-view";

const SAM_ID = "00000000-0000-4000-8000-000000000005";
const sam = (overrides: Partial<User> = {}) =>
  adminUser({
    id: SAM_ID,
    email: "sam@lumen.dev",
    full_name: "Sam Rivera",
    role: "student",
    email_verified: false,
    created_at: "2026-03-04T10:00:00.000Z",
    ...overrides,
  });

const rowOf = async (name: string | RegExp) =>
  (await screen.findByRole("heading", { name })).closest("li") as HTMLElement;
const samRow = () => rowOf("Sam Rivera");

beforeEach(() => {
  signInAsAdmin();
});

afterEach(() => {
  cleanup();
  restoreApi();
  signOut();
});

describe("UsersView", () => {
  it("lists accounts with their state, and keeps an admin from locking themselves out", async () => {
    const { calls } = serveApi({ "GET /admin/users": ok({ items: [adminUser(), sam()], next_cursor: null }) });
    renderWithRouter(<UsersView filters={{ q: "", role: null }} />);

    const row = await samRow();
    expect(within(row).getByText("sam@lumen.dev")).toBeTruthy();
    expect(within(row).getByText("Email not verified")).toBeTruthy();
    expect(within(row).getByText("Mar 4, 2026")).toBeTruthy();
    expect(calls[0]?.query.get("limit")).toBe("20");

    const self = await rowOf("Ada Admin You");
    const selfRole = within(self).getByRole("combobox", { name: "Role of Ada Admin" }) as HTMLSelectElement;
    expect(selfRole.disabled).toBe(true);
    expect((within(self).getByRole("button", { name: "Disable Ada Admin" }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(self).getByText(/can't remove your own admin role or disable it/)).toBeTruthy();
    expect(screen.getByText("2 users in all.")).toBeTruthy();
  });

  it("asks before a role change, shows it at once, and saves it through the API", async () => {
    const pending = deferred();
    const { calls } = serveApi({
      "GET /admin/users": ok({ items: [sam()], next_cursor: null }),
      [`PUT /admin/users/${SAM_ID}`]: pending.handler,
    });
    renderWithRouter(<UsersView filters={{ q: "", role: null }} />);
    const user = userEvent.setup();
    const row = await samRow();
    const select = within(row).getByRole("combobox", { name: "Role of Sam Rivera" }) as HTMLSelectElement;

    await user.selectOptions(select, "creator");
    const dialog = await screen.findByRole("dialog", { name: "Make Sam Rivera a creator?" });
    expect(within(dialog).getByText(/create courses/)).toBeTruthy();
    expect(calls.some((c) => c.key.startsWith("PUT"))).toBe(false);
    await user.click(within(dialog).getByRole("button", { name: "Make creator" }));

    // Optimistic: the row shows the new role while the API works, and its controls wait.
    await waitFor(() => expect(select.value).toBe("creator"));
    expect(select.disabled).toBe(true);
    expect(within(row).getByText("Saving…")).toBeTruthy();

    pending.answer(ok({ user: sam({ role: "creator" }) }));
    expect(await screen.findByText("Sam Rivera is now a creator.")).toBeTruthy();
    expect(select.value).toBe("creator");
    expect(select.disabled).toBe(false);
    expect(calls.find((c) => c.key === `PUT /admin/users/${SAM_ID}`)?.body).toEqual({ role: "creator" });
  });

  it("rolls a refused change back and says why in words", async () => {
    serveApi({
      "GET /admin/users": ok({ items: [sam()], next_cursor: null }),
      [`PUT /admin/users/${SAM_ID}`]: failure(403, "FORBIDDEN", "Forbidden"),
    });
    renderWithRouter(<UsersView filters={{ q: "", role: null }} />);
    const user = userEvent.setup();
    const row = await samRow();
    const select = within(row).getByRole("combobox", { name: "Role of Sam Rivera" }) as HTMLSelectElement;

    await user.selectOptions(select, "admin");
    const dialog = await screen.findByRole("dialog", { name: "Make Sam Rivera an admin?" });
    await user.click(within(dialog).getByRole("button", { name: "Make admin" }));

    const alert = await within(row).findByRole("alert");
    expect(alert.textContent).toBe(
      "We couldn't make Sam Rivera an admin, so nothing changed. Your account is no longer an admin, so Lumen refused the change.",
    );
    expect(select.value).toBe("student");
    expect(screen.queryByText(/is now/)).toBeNull();
  });

  it("grants Premium in one click and undoes it if the API fails", async () => {
    let attempt = 0;
    const { calls } = serveApi({
      "GET /admin/users": ok({ items: [sam()], next_cursor: null }),
      [`PUT /admin/users/${SAM_ID}`]: () => {
        attempt += 1;
        return attempt === 1 ? failure(500, "INTERNAL_ERROR", "boom") : ok({ user: sam({ premium_status: true }) });
      },
    });
    renderWithRouter(<UsersView filters={{ q: "", role: null }} />);
    const user = userEvent.setup();
    const row = await samRow();

    await user.click(within(row).getByRole("button", { name: "Grant premium to Sam Rivera" }));
    expect((await within(row).findByRole("alert")).textContent).toMatch(
      /^We couldn't grant Premium to Sam Rivera, so nothing changed\. Something went wrong on our side/,
    );
    expect(within(row).queryByText("Premium")).toBeNull();

    await user.click(within(row).getByRole("button", { name: "Grant premium to Sam Rivera" }));
    expect(await screen.findByText("Sam Rivera now has Premium.")).toBeTruthy();
    expect(within(row).queryByRole("alert")).toBeNull();
    expect(within(row).getByRole("button", { name: "Remove premium from Sam Rivera" })).toBeTruthy();
    expect(calls.filter((c) => c.key.startsWith("PUT")).map((c) => c.body)).toEqual([
      { premium_status: true },
      { premium_status: true },
    ]);
  });

  it("explains what disabling does, and does nothing when cancelled", async () => {
    const { calls } = serveApi({
      "GET /admin/users": ok({ items: [sam()], next_cursor: null }),
      [`PUT /admin/users/${SAM_ID}`]: ok({ user: sam({ disabled: true }) }),
    });
    renderWithRouter(<UsersView filters={{ q: "", role: null }} />);
    const user = userEvent.setup();
    const row = await samRow();

    await user.click(within(row).getByRole("button", { name: "Disable Sam Rivera" }));
    let dialog = await screen.findByRole("dialog", { name: "Disable Sam Rivera?" });
    expect(within(dialog).getByText(/Every session of sam@lumen.dev ends at once/)).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Cancel" }));
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(calls.some((c) => c.key.startsWith("PUT"))).toBe(false);

    await user.click(within(row).getByRole("button", { name: "Disable Sam Rivera" }));
    dialog = await screen.findByRole("dialog", { name: "Disable Sam Rivera?" });
    await user.click(within(dialog).getByRole("button", { name: "Disable account" }));
    expect(await screen.findByText("Sam Rivera is disabled and was signed out everywhere.")).toBeTruthy();
    expect(within(row).getByText("Disabled: can't sign in")).toBeTruthy();
    expect(calls.find((c) => c.key.startsWith("PUT"))?.body).toEqual({ disabled: true });
  });

  it("puts the search (after typing pauses) and the role filter in the URL, and sends them to the API", async () => {
    const { calls } = serveApi({ "GET /admin/users": ok({ items: [], next_cursor: null }) });
    const { router } = renderWithRouter(<UsersView filters={{ q: "sam", role: "creator" }} />);
    // One burst of keys, without pauses a busy machine could stretch past the search's debounce.
    const user = userEvent.setup({ delay: null });

    expect(await screen.findByText("No creators match “sam”.")).toBeTruthy();
    expect(calls[0]?.query.get("q")).toBe("sam");
    expect(calls[0]?.query.get("role")).toBe("creator");

    const search = screen.getByRole("searchbox", { name: "Search users" }) as HTMLInputElement;
    // "maya" replaces the selected "sam" in the same burst (a separate clear could send "" first).
    await user.type(search, "maya", { initialSelectionStart: 0, initialSelectionEnd: search.value.length });
    await waitFor(() =>
      expect(router.replace).toHaveBeenCalledWith("/admin/users?q=maya&role=creator", { scroll: false }),
    );
    expect(router.replace).toHaveBeenCalledTimes(1);

    await user.selectOptions(screen.getByRole("combobox", { name: "Role" }), "");
    expect(router.push).toHaveBeenCalledWith("/admin/users?q=sam", { scroll: false });
  });

  it("loads the next page with the cursor, and keeps what is shown when that fails", async () => {
    let page = 0;
    const { calls } = serveApi({
      "GET /admin/users": ({ query }) => {
        page += 1;
        if (!query.get("cursor")) return ok({ items: [adminUser()], next_cursor: "c-2" });
        return page === 2
          ? failure(503, "SERVICE_UNAVAILABLE", "Try later")
          : ok({ items: [sam()], next_cursor: null });
      },
    });
    renderWithRouter(<UsersView filters={{ q: "", role: null }} />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Load more users" }));
    expect((await screen.findByRole("alert")).textContent).toBe("We couldn't load more users. Try later");
    expect(screen.getByText("Showing the newest 1 user.")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { name: "Sam Rivera" })).toBeTruthy();
    expect(calls.at(-1)?.query.get("cursor")).toBe("c-2");
    expect(screen.getByText("2 users in all.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Load more/ })).toBeNull();
  });
});
