// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useSession } from "@/features/auth/session";
import { AFTER_RESET_PATH } from "../account-routes";
import {
  deferred,
  failure,
  fieldError,
  NETWORK_DOWN,
  ok,
  renderWithRouter,
  resetSession,
  restoreClients,
  serveApi,
  signInAs,
  testUser,
} from "./account-test-kit";
import { ResetPasswordForm } from "./reset-password-form";

const RESET = "POST /auth/reset-password";
const TOKEN = "t".repeat(43);
const STRONG = "paper lanterns at dusk";

beforeEach(() => resetSession());
afterEach(() => {
  cleanup();
  restoreClients();
});

function renderForm(token: string | null = TOKEN) {
  return renderWithRouter(<ResetPasswordForm token={token} />);
}

/** Fills in the form and submits it. The schema checks asynchronously: wait for what it says. */
async function choose(user: ReturnType<typeof renderForm>["user"], password: string, again: string) {
  if (password) await user.type(screen.getByLabelText("New password"), password);
  if (again) await user.type(screen.getByLabelText("Type it again"), again);
  await user.click(screen.getByRole("button", { name: "Save new password" }));
}

describe("ResetPasswordForm", () => {
  it("asks for a password that meets the policy and focuses it", async () => {
    const { calls } = serveApi({});
    const { user } = renderForm();

    await choose(user, "short", "short");

    await waitFor(() => expect(fieldError("New password")).toBe("Password must be at least 10 characters"));
    expect(document.activeElement).toBe(screen.getByLabelText("New password"));
    expect(calls).toEqual([]);
  });

  it("refuses a common password", async () => {
    const { calls } = serveApi({});
    const { user } = renderForm();

    await choose(user, "password123", "password123");

    await waitFor(() =>
      expect(fieldError("New password")).toBe("This password is too common; choose a less predictable one"),
    );
    expect(calls).toEqual([]);
  });

  it("says when the two passwords don't match, on the second field, and focuses it", async () => {
    const { calls } = serveApi({});
    const { user } = renderForm();

    await choose(user, STRONG, "paper lanterns at dawn");

    await waitFor(() => expect(fieldError("Type it again")).toBe("The two passwords don't match"));
    expect(fieldError("New password")).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText("Type it again"));
    expect(calls).toEqual([]);
  });

  it("saves the password with the link's token and sends the learner to log in", async () => {
    const { callsTo } = serveApi({ [RESET]: ok(null) });
    const { user, router } = renderForm();

    await choose(user, STRONG, STRONG);

    await waitFor(() => expect(router.replace).toHaveBeenCalledWith(AFTER_RESET_PATH));
    expect(callsTo(RESET).map((call) => call.body)).toEqual([{ token: TOKEN, new_password: STRONG }]);
  });

  it("ends this tab's session too, since the reset ended every session of the account", async () => {
    const { callsTo } = serveApi({ [RESET]: ok(null), "POST /auth/logout": ok(null) });
    signInAs(testUser());
    const { user, router } = renderForm();

    await choose(user, STRONG, STRONG);

    await waitFor(() => expect(router.replace).toHaveBeenCalledWith(AFTER_RESET_PATH));
    expect(useSession.getState().status).toBe("anonymous");
    expect(callsTo("POST /auth/logout")).toHaveLength(1);
  });

  it("says an expired or used link can't be used and offers a new one", async () => {
    serveApi({
      [RESET]: failure(400, "VALIDATION_ERROR", "This reset link is invalid, expired or already used", {
        fields: { token: ["Invalid or expired token"] },
      }),
    });
    const { user, router } = renderForm();

    await choose(user, STRONG, STRONG);

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("This reset link has expired or was already used.");
    expect(within(alert).getByRole("link", { name: "Ask for a new link" }).getAttribute("href")).toBe(
      "/forgot-password",
    );
    expect(router.replace).not.toHaveBeenCalled();
  });

  it("puts the API's password error on the password field", async () => {
    serveApi({
      [RESET]: failure(400, "VALIDATION_ERROR", "Invalid request body", {
        fields: { new_password: ["This password is too common; choose a less predictable one"] },
      }),
    });
    const { user } = renderForm();

    await choose(user, STRONG, STRONG);

    await waitFor(() =>
      expect(fieldError("New password")).toBe("This password is too common; choose a less predictable one"),
    );
    expect(document.activeElement).toBe(screen.getByLabelText("New password"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says in words when Lumen can't be reached", async () => {
    serveApi({ [RESET]: NETWORK_DOWN });
    const { user, router } = renderForm();

    await choose(user, STRONG, STRONG);

    expect((await screen.findByRole("alert")).textContent).toBe(
      "We couldn't reach Lumen. Check your connection and try again.",
    );
    expect(screen.queryByRole("link", { name: "Ask for a new link" })).toBeNull();
    expect(router.replace).not.toHaveBeenCalled();
  });

  it("is busy while saving and ignores a second press", async () => {
    const pending = deferred();
    const { callsTo } = serveApi({ [RESET]: pending.handler });
    const { user, router } = renderForm();

    await choose(user, STRONG, STRONG);

    const busy = await screen.findByRole("button", { name: "Saving your new password…" });
    expect(busy.getAttribute("aria-disabled")).toBe("true");
    await user.click(busy);
    expect(callsTo(RESET)).toHaveLength(1);

    pending.answer(ok(null));
    await waitFor(() => expect(router.replace).toHaveBeenCalledTimes(1));
  });

  it("explains a link without its code and offers a new one", () => {
    serveApi({});
    renderForm(null);

    expect(screen.getByRole("heading", { name: "This link is incomplete" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Ask for a new link" }).getAttribute("href")).toBe("/forgot-password");
    expect(screen.queryByLabelText("New password")).toBeNull();
  });
});
