// @vitest-environment happy-dom
import type { AccountSession, User } from "@lumen/contracts";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useSession } from "@/features/auth/session";
import { failure, ok, restoreApi, serveApi } from "@/test/fake-api";
import { testUser } from "@/test/fixtures";
import { renderWithRouter } from "@/test/router";
import { signInAs } from "@/test/session";
import { AccountSettings } from "./account-settings";

const device = (over: Partial<AccountSession>): AccountSession => ({
  id: "s-1",
  device: "Firefox on Linux",
  created_at: "2026-11-30T10:00:00.000Z",
  last_used_at: "2026-12-01T10:00:00.000Z",
  expires_at: "2026-12-07T10:00:00.000Z",
  current: false,
  ...over,
});

let sam: User;
beforeEach(() => {
  sam = signInAs(testUser({ profile: { bio: "Hi", skill_level: "beginner", learning_goals: ["SQL"] } }));
});
afterEach(() => {
  cleanup();
  restoreApi();
  vi.restoreAllMocks();
});

/** Typing key by key is slow on a busy machine and tests nothing here: focus the field and paste. */
async function fill(
  user: { click: (e: Element) => Promise<void>; paste: (t: string) => Promise<void> },
  label: string,
  text: string,
) {
  await user.click(screen.getByLabelText(label));
  await user.paste(text);
}

const fieldError = (label: string) => {
  const input = screen.getByLabelText(label);
  const id = input
    .getAttribute("aria-describedby")
    ?.split(" ")
    .find((x) => x.endsWith("-error"));
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
};

describe("profile", () => {
  it("shows the saved profile, sends goals as a list and a level left to the tutor as null, and updates the header's user", async () => {
    const { calls } = serveApi({
      "GET /auth/sessions": ok([device({ id: "here", current: true })]),
      "PATCH /users/me": ({ body }) =>
        ok({
          user: {
            ...sam,
            full_name: (body as { full_name: string }).full_name,
            profile: { learning_goals: ["SQL", "Statistics"] },
          },
        }),
    });
    const { user } = renderWithRouter(<AccountSettings />);
    const name = screen.getByLabelText("Name") as HTMLInputElement;
    expect(name.value).toBe("Sam Rivera");
    expect((screen.getByLabelText("Bio") as HTMLTextAreaElement).value).toBe("Hi");
    expect((screen.getByLabelText("Your level") as HTMLSelectElement).value).toBe("beginner");

    await user.clear(name);
    await fill(user, "Name", "Sam R.");
    await user.selectOptions(screen.getByLabelText("Your level"), "");
    await fill(user, "Learning goals", "\n  Statistics \n\n");
    await user.click(screen.getByRole("button", { name: "Save profile" }));

    expect((await screen.findByText("Profile saved.")).closest("[role]")).toBeTruthy();
    expect(calls.find((c) => c.key === "PATCH /users/me")?.body).toEqual({
      full_name: "Sam R.",
      bio: "Hi",
      skill_level: null,
      learning_goals: ["SQL", "Statistics"],
    });
    expect(useSession.getState().user?.full_name).toBe("Sam R.");
  });

  it("refuses more than five goals before asking the API", async () => {
    const { calls } = serveApi({ "GET /auth/sessions": ok([device({ current: true })]) });
    const { user } = renderWithRouter(<AccountSettings />);
    const goals = screen.getByLabelText("Learning goals");
    await user.clear(goals);
    await fill(user, "Learning goals", "a\nb\nc\nd\ne\nf");
    await user.click(screen.getByRole("button", { name: "Save profile" }));
    await waitFor(() => expect(fieldError("Learning goals")).toBe("Up to 5 goals, one per line"));
    expect(calls.some((c) => c.key === "PATCH /users/me")).toBe(false);
  });
});

describe("password", () => {
  it("puts a wrong current password on its field, then says how many devices were signed out and reloads them", async () => {
    let sessions = [device({ id: "here", current: true }), device({ id: "phone", device: "Safari on iPhone" })];
    let attempts = 0;
    serveApi({
      "GET /auth/sessions": () => ok(sessions),
      "POST /auth/password": () => {
        attempts += 1;
        if (attempts === 1)
          return failure(400, "VALIDATION_ERROR", "Your current password is not right", {
            fields: { current_password: ["This is not your current password"] },
          });
        sessions = sessions.filter((s) => s.current);
        return ok({ revoked: 1 });
      },
    });
    const { user } = renderWithRouter(<AccountSettings />);
    expect(await screen.findByText("Safari on iPhone")).toBeTruthy();

    await fill(user, "Current password", "not my password");
    await fill(user, "New password", "a brand new passphrase");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    await waitFor(() => expect(fieldError("Current password")).toBe("This is not your current password"));

    await user.clear(screen.getByLabelText("Current password"));
    await fill(user, "Current password", "correct horse battery staple");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    expect(await screen.findByText("Password changed. 1 other device was signed out.")).toBeTruthy();
    await waitFor(() => expect(screen.queryByText("Safari on iPhone")).toBeNull());
    expect((screen.getByLabelText("Current password") as HTMLInputElement).value).toBe("");
  });
});

describe("devices", () => {
  it("lists this device first, signs one device out, then all the others", async () => {
    let sessions = [
      device({ id: "here", current: true }),
      device({ id: "phone", device: "Safari on iPhone" }),
      device({ id: "tablet", device: "Chrome on Android" }),
    ];
    const { calls } = serveApi({
      "GET /auth/sessions": () => ok(sessions),
      "DELETE /auth/sessions/phone": () => {
        sessions = sessions.filter((s) => s.id !== "phone");
        return ok(null);
      },
      "POST /auth/sessions/revoke-others": () => {
        sessions = sessions.filter((s) => s.current);
        return ok({ revoked: 1 });
      },
    });
    const { user } = renderWithRouter(<AccountSettings />);
    const list = (await screen.findByText("Safari on iPhone")).closest("ul") as HTMLElement;
    expect(within(list).getAllByRole("listitem")[0]?.textContent).toContain("This device");
    // This device has no sign-out button of its own (Log out does that).
    expect(within(list).getAllByRole("button", { name: /^Sign out/ })).toHaveLength(2);

    await user.click(screen.getByRole("button", { name: /^Sign out Safari on iPhone/ }));
    expect(await screen.findByText("Safari on iPhone was signed out.")).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("button", { name: /^Sign out Safari/ })).toBeNull());

    await user.click(screen.getByRole("button", { name: "Sign out other devices" }));
    expect(await screen.findByText("1 other device was signed out.")).toBeTruthy();
    expect(await screen.findByText("You aren't signed in anywhere else.")).toBeTruthy();
    expect(calls.map((c) => c.key)).toContain("POST /auth/sessions/revoke-others");
  });
});

describe("data export", () => {
  it("downloads the export as a dated JSON file", async () => {
    serveApi({
      "GET /auth/sessions": ok([device({ current: true })]),
      "GET /users/me/export": ok({ exported_at: "2026-12-04T09:00:00.000Z", account: { email: sam.email } }),
    });
    const created: Blob[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      created.push(blob as Blob);
      return "blob:lumen-test";
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
    const clicked: Array<{ href: string; download: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    const { user } = renderWithRouter(<AccountSettings />);
    await user.click(screen.getByRole("button", { name: "Download my data" }));
    await waitFor(() => expect(clicked).toEqual([{ href: "blob:lumen-test", download: "lumen-data-2026-12-04.json" }]));
    expect(JSON.parse(await (created[0] as Blob).text())).toMatchObject({ account: { email: "sam@lumen.dev" } });
  });
});
