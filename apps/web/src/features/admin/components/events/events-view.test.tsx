// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SecurityEventItem } from "../../admin.api";
import { failure, ok, renderWithRouter, restoreApi, serveApi, signInAsAdmin, signOut } from "../../admin.test-support";
import { EMPTY_EVENT_FILTERS } from "../../admin-params";
import { EventsView } from "./events-view";

function event(overrides: Partial<SecurityEventItem> = {}): SecurityEventItem {
  return {
    id: "e-1",
    type: "role_changed",
    user_id: "u-sam",
    user_email: "sam@lumen.dev",
    actor_id: "u-admin",
    actor_email: "admin@lumen.dev",
    ip_address: "203.0.113.7",
    user_agent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0",
    details: { changed_by: "u-admin", from: "student", to: "creator" },
    created_at: "2026-03-04T14:05:00.000Z",
    ...overrides,
  };
}

beforeEach(() => {
  signInAsAdmin();
});

afterEach(() => {
  cleanup();
  restoreApi();
  signOut();
});

describe("EventsView", () => {
  it("shows each event in words: what, to whom, by whom, when and from where", async () => {
    serveApi({
      "GET /admin/security-events": ok({
        items: [
          event(),
          event({
            id: "e-2",
            type: "course_moderated",
            user_email: "ada@lumen.dev",
            details: { changed_by: "u-admin", title: "Bad course", from: "published", to: "draft", reason: "Spam" },
          }),
          event({
            id: "e-3",
            type: "login_failed",
            user_id: null,
            user_email: null,
            actor_id: null,
            actor_email: null,
            ip_address: null,
            user_agent: null,
            details: { email: "nobody@example.com", known_account: false },
          }),
        ],
        next_cursor: null,
      }),
    });
    renderWithRouter(<EventsView filters={EMPTY_EVENT_FILTERS} />);

    const role = await screen.findByRole("article", { name: "Role changed: sam@lumen.dev" });
    expect(within(role).getByText("Role changed from student to creator by admin@lumen.dev.")).toBeTruthy();
    expect(within(role).getByText("Mar 4, 2026, 14:05 UTC")).toBeTruthy();
    expect(within(role).getByText("203.0.113.7")).toBeTruthy();
    expect(within(role).getByRole("link", { name: "All events of sam@lumen.dev" }).getAttribute("href")).toBe(
      "/admin/security-events?email=sam%40lumen.dev",
    );

    const moderated = screen.getByRole("article", { name: "Course moderated: ada@lumen.dev" });
    expect(
      within(moderated).getByText("“Bad course” unpublished (moved back to draft) by admin@lumen.dev. Reason: Spam"),
    ).toBeTruthy();
    // The address and browser are the admin's request, not the creator's: labelled as such.
    const where = (article: HTMLElement) =>
      within(article)
        .getAllByRole("term")
        .map((term) => `${term.textContent}: ${term.nextElementSibling?.textContent}`);
    expect(where(moderated)).toEqual([
      "Done by: admin@lumen.dev",
      "Admin's IP address: 203.0.113.7",
      "Admin's browser: Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0",
    ]);

    const failed = screen.getByRole("article", { name: "Failed sign-in: nobody@example.com" });
    expect(within(failed).getByText("Someone tried to sign in with an email that has no account.")).toBeTruthy();
    expect(within(failed).getAllByText("not recorded")).toHaveLength(2);
    expect(where(failed)).toEqual(["IP address: not recorded", "Browser: not recorded"]);
  });

  it("sends the URL's filters to the API with the names it expects", async () => {
    const { calls } = serveApi({ "GET /admin/security-events": ok({ items: [], next_cursor: null }) });
    renderWithRouter(
      <EventsView filters={{ type: "role_changed", email: "sam@lumen.dev", from: "2026-03-01", to: "2026-03-31" }} />,
    );

    expect(await screen.findByText("No events match these filters.")).toBeTruthy();
    expect(
      screen.getByRole("heading", { name: /“Role changed” events of sam@lumen.dev from Mar 1, 2026 to Mar 31, 2026/ }),
    ).toBeTruthy();
    const query = calls[0]?.query;
    expect(query && Object.fromEntries(query)).toEqual({
      limit: "20",
      type: "role_changed",
      user_email: "sam@lumen.dev",
      from: "2026-03-01",
      to: "2026-03-31",
    });
  });

  it("applies the filters to the URL together, and names a bad range or email instead of sending it", async () => {
    serveApi({ "GET /admin/security-events": ok({ items: [event()], next_cursor: null }) });
    const { router } = renderWithRouter(<EventsView filters={EMPTY_EVENT_FILTERS} />);
    const user = userEvent.setup();
    await screen.findByRole("article", { name: "Role changed: sam@lumen.dev" });

    await user.selectOptions(screen.getByRole("combobox", { name: "Event" }), "account_disabled");
    await user.type(screen.getByRole("textbox", { name: "Account email" }), "sam@");
    const from = screen.getByLabelText("From (UTC day)");
    const to = screen.getByLabelText("To (UTC day)");
    await user.type(from, "2026-03-10");
    await user.type(to, "2026-03-02");
    await user.click(screen.getByRole("button", { name: "Show events" }));

    expect(screen.getByText("The last day can't be before the first day.")).toBeTruthy();
    expect(screen.getByText("Enter a whole email address, such as sam@example.com.")).toBeTruthy();
    expect(to.getAttribute("aria-invalid")).toBe("true");
    expect(router.push).not.toHaveBeenCalled();

    await user.clear(to);
    await user.type(to, "2026-03-12");
    await user.type(screen.getByRole("textbox", { name: "Account email" }), "lumen.dev");
    await user.click(screen.getByRole("button", { name: "Show events" }));
    expect(router.push).toHaveBeenCalledWith(
      "/admin/security-events?type=account_disabled&email=sam%40lumen.dev&from=2026-03-10&to=2026-03-12",
      { scroll: false },
    );
  });

  it("shows the newest security alerts above the log, with a link to all of them", async () => {
    serveApi({
      "GET /admin/security-events": ({ query }) =>
        query.get("type") === "security_alert"
          ? ok({
              items: [
                event({
                  id: "a-1",
                  type: "security_alert",
                  details: { kind: "token_reuse", summary: "A spent refresh token was presented again" },
                }),
              ],
              next_cursor: null,
            })
          : ok({ items: [event()], next_cursor: null }),
    });
    renderWithRouter(<EventsView filters={EMPTY_EVENT_FILTERS} />);
    const panel = await screen.findByRole("region", { name: /Security alerts/ });
    expect(within(panel).getByText("1")).toBeTruthy();
    expect(panel.textContent).toContain("A spent refresh token was presented again");
    expect(within(panel).getByRole("link", { name: "All security alerts" }).getAttribute("href")).toContain(
      "type=security_alert",
    );
  });

  it("says when the feed can't be loaded, and tries again", async () => {
    let attempt = 0;
    serveApi({
      "GET /admin/security-events": ({ query }) => {
        // The alerts panel's own read is not the feed under test.
        if (query.get("type") === "security_alert") return ok({ items: [], next_cursor: null });
        attempt += 1;
        return attempt === 1
          ? failure(503, "SERVICE_UNAVAILABLE", "The database is busy.")
          : ok({ items: [event()], next_cursor: null });
      },
    });
    renderWithRouter(<EventsView filters={EMPTY_EVENT_FILTERS} />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/We couldn't load the security events\.The database is busy\./);
    await userEvent.setup().click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("article", { name: "Role changed: sam@lumen.dev" })).toBeTruthy();
  });
});
