// @vitest-environment happy-dom
import type { NotificationPreferences as Preferences } from "@lumen/contracts";
import { cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failure, ok, restoreApi, serveApi } from "@/test/fake-api";
import { testUser } from "@/test/fixtures";
import { renderWithRouter } from "@/test/router";
import { signInAs, signOut } from "@/test/session";
import { NotificationPreferences } from "./notification-preferences";

const prefs = (over: Partial<Preferences> = {}): Preferences => ({
  kinds: [
    {
      kind: "lesson.published",
      label: "New lessons in your courses",
      in_app: true,
      email: false,
      email_available: true,
    },
    { kind: "payment.succeeded", label: "Successful payments", in_app: true, email: false, email_available: false },
  ],
  weekly_progress_email: false,
  ...over,
});

beforeEach(() => {
  signInAs(testUser({ email_verified: true }));
});
afterEach(() => {
  cleanup();
  restoreApi();
  signOut();
});

const box = (name: string) => screen.getByRole("checkbox", { name }) as HTMLInputElement;

describe("notification preferences", () => {
  it("shows each kind's channels and saves one change at a time", async () => {
    const { calls } = serveApi({
      "GET /users/me/notification-preferences": ok(prefs()),
      "PUT /users/me/notification-preferences": ({ body }) => {
        const change = body as { kinds?: Array<{ email?: boolean }>; weekly_progress_email?: boolean };
        const base = prefs();
        const [lesson, payment] = base.kinds;
        return ok(
          prefs({
            kinds: [
              { ...(lesson as Preferences["kinds"][number]), email: change.kinds?.[0]?.email ?? false },
              payment as Preferences["kinds"][number],
            ],
            weekly_progress_email: change.weekly_progress_email ?? false,
          }),
        );
      },
    });
    const { user } = renderWithRouter(<NotificationPreferences />);
    await screen.findByRole("table", { name: "Notifications by kind" });
    expect(box("New lessons in your courses: in app").checked).toBe(true);
    expect(box("New lessons in your courses: email").checked).toBe(false);
    // A receipt kind has no email switch: billing always mails it.
    expect(screen.queryByRole("checkbox", { name: "Successful payments: email" })).toBeNull();
    expect(screen.getByText("Receipts are always emailed.")).toBeTruthy();

    await user.click(box("New lessons in your courses: email"));
    expect(await screen.findByText("Notification settings saved.")).toBeTruthy();
    expect(box("New lessons in your courses: email").checked).toBe(true);
    expect(calls.find((c) => c.key === "PUT /users/me/notification-preferences")?.body).toEqual({
      kinds: [{ kind: "lesson.published", email: true }],
    });

    await user.click(box("Weekly progress email A summary of your week's learning, every seven days."));
    await waitFor(() =>
      expect(calls.filter((c) => c.key === "PUT /users/me/notification-preferences").at(-1)?.body).toEqual({
        weekly_progress_email: true,
      }),
    );
    await waitFor(() =>
      expect(box("Weekly progress email A summary of your week's learning, every seven days.").checked).toBe(true),
    );
  });

  it("says what went wrong when a change is refused, keeping the switch as it was", async () => {
    serveApi({
      "GET /users/me/notification-preferences": ok(prefs()),
      "PUT /users/me/notification-preferences": failure(503, "SERVICE_UNAVAILABLE", "Try again in a moment"),
    });
    const { user } = renderWithRouter(<NotificationPreferences />);
    await screen.findByRole("table", { name: "Notifications by kind" });
    await user.click(box("New lessons in your courses: in app"));
    expect((await screen.findByRole("alert")).textContent).toBeTruthy();
    expect(box("New lessons in your courses: in app").checked).toBe(true);
  });
});
