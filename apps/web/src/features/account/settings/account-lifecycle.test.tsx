// @vitest-environment happy-dom
import type { User } from "@lumen/contracts";
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AccountNav } from "@/components/account-nav";
import { useSession } from "@/features/auth/session";
import { failure, ok, restoreApi, serveApi } from "@/test/fake-api";
import { testUser } from "@/test/fixtures";
import { renderWithRouter } from "@/test/router";
import { signInAs } from "@/test/session";
import { fieldError } from "../components/account-test-kit";
import { AccountSettings } from "./account-settings";
import { ConfirmEmailChange } from "./confirm-email-change";

let sam: User;
beforeEach(() => {
  sam = signInAs(testUser());
});
afterEach(() => {
  cleanup();
  restoreApi();
  vi.restoreAllMocks();
});

async function fill(
  user: { click: (e: Element) => Promise<void>; paste: (t: string) => Promise<void> },
  label: string,
  text: string,
) {
  await user.click(screen.getByLabelText(label));
  await user.paste(text);
}

// The settings page also loads the signed-in devices and the notification preferences.
const NO_DEVICES = {
  "GET /auth/sessions": ok([]),
  "GET /users/me/notification-preferences": ok({ kinds: [], weekly_progress_email: false }),
};

describe("change of email", () => {
  it("puts the API's refusals on their fields, then says where the link went and which address still works", async () => {
    let attempt = 0;
    const { callsTo } = serveApi({
      ...NO_DEVICES,
      "POST /auth/email": ({ body }) => {
        attempt += 1;
        if (attempt === 1)
          return failure(400, "VALIDATION_ERROR", "Your current password is not right", {
            fields: { current_password: ["This is not your current password"] },
          });
        if (attempt === 2)
          return failure(409, "CONFLICT", "An account with this email already exists", {
            fields: { new_email: ["An account with this email already exists"] },
          });
        return ok({ pending_email: (body as { new_email: string }).new_email });
      },
    });
    const { user } = renderWithRouter(<AccountSettings />);
    await fill(user, "New email", "taken@lumen.dev");
    await fill(user, "Your current password", "wrong password");
    await user.click(screen.getByRole("button", { name: "Change email" }));
    await waitFor(() => expect(fieldError("Your current password")).toBe("This is not your current password"));

    await user.click(screen.getByRole("button", { name: "Change email" }));
    // A conflict is said in the form's alert, as on the sign-up form.
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toContain("An account with this email already exists"),
    );

    await user.clear(screen.getByLabelText("New email"));
    await fill(user, "New email", "sam@new.dev");
    await user.click(screen.getByRole("button", { name: "Change email" }));
    const sent = await screen.findByText(/We sent a link to/);
    expect(sent.textContent).toContain("sam@new.dev");
    expect(sent.textContent).toContain("you keep signing in with sam@lumen.dev");
    expect(callsTo("POST /auth/email").at(-1)?.body).toEqual({
      new_email: "sam@new.dev",
      current_password: "wrong password",
    });
    expect(useSession.getState().user?.email).toBe("sam@lumen.dev");
  });

  it("confirms the mailed link once and updates the signed-in user", async () => {
    const { callsTo } = serveApi({
      "POST /auth/email/confirm": ok({ user: { ...sam, email: "sam@new.dev" } }),
    });
    renderWithRouter(<ConfirmEmailChange token="a-mailed-token-of-enough-length" />);
    const done = await screen.findByText(/Your email is now/);
    expect(done.textContent).toContain("sam@new.dev");
    expect(callsTo("POST /auth/email/confirm")).toHaveLength(1);
    expect(callsTo("POST /auth/email/confirm")[0]?.body).toEqual({ token: "a-mailed-token-of-enough-length" });
    expect(useSession.getState().user?.email).toBe("sam@new.dev");
  });

  it("says why a link didn't work", async () => {
    serveApi({
      "POST /auth/email/confirm": failure(400, "VALIDATION_ERROR", "This link is invalid, expired, already used"),
    });
    renderWithRouter(<ConfirmEmailChange token="a-mailed-token-of-enough-length" />);
    expect((await screen.findByRole("alert")).textContent).toContain("This link is invalid, expired, already used");
  });
});

describe("deleting the account", () => {
  it("asks for the typed word before anything is sent, then deletes, signs out and leaves", async () => {
    const { callsTo } = serveApi({
      ...NO_DEVICES,
      "DELETE /users/me": ok(null),
      "POST /auth/logout": failure(401, "UNAUTHORIZED", "This session has ended"),
    });
    const { user, router } = renderWithRouter(<AccountSettings />);
    await fill(user, "Your password", "correct horse battery staple");
    await fill(user, "Type DELETE to confirm", "delete");
    await user.click(screen.getByRole("button", { name: "Delete my account" }));
    await waitFor(() => expect(fieldError("Type DELETE to confirm")).toBe("Type DELETE to confirm"));
    expect(callsTo("DELETE /users/me")).toHaveLength(0);

    await user.clear(screen.getByLabelText("Type DELETE to confirm"));
    await fill(user, "Type DELETE to confirm", "DELETE");
    await user.click(screen.getByRole("button", { name: "Delete my account" }));
    await waitFor(() => expect(router.push).toHaveBeenCalledWith("/"));
    expect(callsTo("DELETE /users/me")[0]?.body).toEqual({ password: "correct horse battery staple" });
    expect(useSession.getState().status).toBe("anonymous");
  });

  it("shows a refusal with what to do, and stays signed in", async () => {
    serveApi({
      ...NO_DEVICES,
      "DELETE /users/me": failure(409, "CONFLICT", "You have 1 published course. Learners rely on them", {
        reason: "published_courses",
      }),
    });
    const { user, router } = renderWithRouter(<AccountSettings />);
    await fill(user, "Your password", "correct horse battery staple");
    await fill(user, "Type DELETE to confirm", "DELETE");
    await user.click(screen.getByRole("button", { name: "Delete my account" }));
    await waitFor(() =>
      expect(screen.getAllByRole("alert").some((a) => a.textContent?.includes("1 published course"))).toBe(true),
    );
    expect(router.push).not.toHaveBeenCalled();
    expect(useSession.getState().status).toBe("authenticated");
  });
});

describe("profile picture", () => {
  const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "me.png", { type: "image/png" });

  it("uploads a picture that the header shows at once, and removes it back to initials", async () => {
    const { callsTo } = serveApi({ ...NO_DEVICES, "DELETE /users/me/avatar": ok({ user: sam }) });
    const upload = vi.spyOn(globalThis, "fetch").mockImplementation(async () =>
      Response.json({
        success: true,
        data: { user: { ...sam, profile: { avatar_url: "/api/v1/media/pic-1" } } },
        message: "Picture saved",
        timestamp: "2026-01-01T00:00:00Z",
      }),
    );
    const { user } = renderWithRouter(
      <>
        <ul>
          <AccountNav />
        </ul>
        <AccountSettings />
      </>,
    );
    const menu = screen.getByRole("button", { name: "Account menu for Sam Rivera" });
    expect(menu.querySelector("img")).toBeNull();
    expect(menu.textContent).toContain("SR");

    await user.upload(screen.getByLabelText("Upload a picture"), png());
    expect(await screen.findByText("Picture saved.")).toBeTruthy();
    const [url, init] = upload.mock.calls[0] ?? [];
    expect(String(url)).toBe("/api/v1/users/me/avatar");
    expect(init?.method).toBe("PUT");
    expect(init?.body instanceof FormData && init.body.get("file") instanceof File).toBe(true);
    expect(new Headers(init?.headers).get("authorization")).toBe("Bearer test-access-token");
    expect(menu.querySelector("img")?.getAttribute("src")).toBe("/api/v1/media/pic-1");

    await user.click(screen.getByRole("button", { name: "Remove picture" }));
    expect(await screen.findByText(/Picture removed/)).toBeTruthy();
    expect(callsTo("DELETE /users/me/avatar")).toHaveLength(1);
    expect(menu.querySelector("img")).toBeNull();
  });

  it("refuses other types and oversized files before uploading, and shows the API's refusal", async () => {
    serveApi(NO_DEVICES);
    const upload = vi.spyOn(globalThis, "fetch").mockImplementation(async () =>
      Response.json(
        {
          success: false,
          error: { code: "UNSUPPORTED_MEDIA_TYPE", message: "This file is a text file." },
          timestamp: "2026-01-01T00:00:00Z",
        },
        { status: 415 },
      ),
    );
    renderWithRouter(<AccountSettings />);
    const input = screen.getByLabelText("Upload a picture");
    fireEvent.change(input, { target: { files: [new File(["GIF89a"], "a.gif", { type: "image/gif" })] } });
    expect((await screen.findByRole("alert")).textContent).toBe("Choose a PNG, JPEG or WebP picture.");
    const big = new File([new Uint8Array(2 * 1024 * 1024 + 1)], "big.png", { type: "image/png" });
    fireEvent.change(input, { target: { files: [big] } });
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("larger than 2 MiB"));
    expect(upload).not.toHaveBeenCalledWith("/api/v1/users/me/avatar", expect.anything());

    fireEvent.change(input, { target: { files: [png()] } });
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("This file is a text file."));
  });
});
