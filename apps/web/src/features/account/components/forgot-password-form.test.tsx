// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  deferred,
  failure,
  NETWORK_DOWN,
  ok,
  renderWithRouter,
  resetSession,
  restoreClients,
  serveApi,
} from "./account-test-kit";
import { ForgotPasswordForm } from "./forgot-password-form";

const RESET = "POST /auth/reset-password";

beforeEach(() => resetSession());
afterEach(() => {
  cleanup();
  restoreClients();
});

async function ask(email: string) {
  const view = renderWithRouter(<ForgotPasswordForm />);
  if (email) await view.user.type(screen.getByLabelText("Email"), email);
  await view.user.click(screen.getByRole("button", { name: "Send me a reset link" }));
  return view;
}

/** Everything the confirmation says, for comparing two of them. */
async function confirmationText(): Promise<string> {
  const heading = await screen.findByRole("heading", { name: "Check your inbox" });
  return (heading.closest("div")?.parentElement?.textContent ?? "").replace(/\s+/g, " ");
}

describe("ForgotPasswordForm", () => {
  it("starts with the email carried over from the login form", async () => {
    const { callsTo } = serveApi({ [RESET]: ok(null) });
    const { user } = renderWithRouter(<ForgotPasswordForm initialEmail="sam@lumen.dev" />);
    expect((screen.getByLabelText("Email") as HTMLInputElement).value).toBe("sam@lumen.dev");
    await user.click(screen.getByRole("button", { name: "Send me a reset link" }));
    await screen.findByRole("heading", { name: "Check your inbox" });
    expect(callsTo(RESET).map((call) => call.body)).toEqual([{ email: "sam@lumen.dev" }]);
  });

  it("asks for a real address, in the contract's words, and focuses the field", async () => {
    const { calls } = serveApi({});
    await ask("");

    const email = screen.getByLabelText("Email");
    // The form's schema checks asynchronously: the field is marked once that check has rendered.
    await waitFor(() => expect(email.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("forgot-email-error")?.textContent).toBe("Enter a valid email address");
    expect(document.activeElement).toBe(email);
    expect(calls).toEqual([]);
  });

  it("sends the request and says the link is on its way, moving focus to the news", async () => {
    const { callsTo } = serveApi({ [RESET]: ok(null) });
    await ask("sam@lumen.dev");

    const heading = await screen.findByRole("heading", { name: "Check your inbox" });
    // The heading takes focus in an effect, which React may run after the render that showed it.
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(callsTo(RESET).map((call) => call.body)).toEqual([{ email: "sam@lumen.dev" }]);
    expect(screen.getByText(/The link works once, for 30 minutes/)).toBeTruthy();
  });

  it("reads the same whether or not the email has an account", async () => {
    // The API answers 200 either way; nothing in the page may tell the two apart.
    serveApi({ [RESET]: ok(null) });
    await ask("sam@lumen.dev");
    const known = (await confirmationText()).replace("sam@lumen.dev", "EMAIL");
    cleanup();

    serveApi({ [RESET]: ok(null) });
    await ask("nobody@lumen.dev");
    const unknown = (await confirmationText()).replace("nobody@lumen.dev", "EMAIL");

    expect(unknown).toBe(known);
    expect(known).toContain("If there's a Lumen account for EMAIL");
  });

  it("lets the learner start over with another address", async () => {
    serveApi({ [RESET]: ok(null) });
    const { user } = await ask("sam@lumen.dev");

    await user.click(await screen.findByRole("button", { name: "Use another email" }));

    expect((screen.getByLabelText("Email") as HTMLInputElement).value).toBe("");
    expect(screen.getByRole("button", { name: "Send me a reset link" })).toBeTruthy();
  });

  it("puts the API's field error on the field", async () => {
    serveApi({
      [RESET]: failure(400, "VALIDATION_ERROR", "Invalid request body", {
        fields: { email: ["Email must be at most 254 characters"] },
      }),
    });
    await ask("sam@lumen.dev");

    expect((await screen.findByText("Email must be at most 254 characters")).closest("p")?.id).toBe(
      "forgot-email-error",
    );
    expect(document.activeElement).toBe(screen.getByLabelText("Email"));
    expect(screen.queryByRole("heading", { name: "Check your inbox" })).toBeNull();
  });

  it("says in words when the request could not be sent, and stays on the form", async () => {
    serveApi({ [RESET]: NETWORK_DOWN });
    await ask("sam@lumen.dev");

    expect((await screen.findByRole("alert")).textContent).toBe(
      "We couldn't reach Lumen. Check your connection and try again.",
    );
    expect(screen.queryByRole("heading", { name: "Check your inbox" })).toBeNull();
  });

  it("explains the request limit in words", async () => {
    serveApi({
      [RESET]: failure(429, "RATE_LIMITED", "Too many requests", { retry_after_seconds: 30 }, { "retry-after": "30" }),
    });
    await ask("sam@lumen.dev");

    expect((await screen.findByRole("alert")).textContent).toBe(
      "That was a lot of requests in a short time. Wait a moment and try again.",
    );
  });

  it("is busy while sending and ignores a second press", async () => {
    const pending = deferred();
    const { callsTo } = serveApi({ [RESET]: pending.handler });
    const { user } = await ask("sam@lumen.dev");

    const busy = await screen.findByRole("button", { name: "Sending the link…" });
    expect(busy.getAttribute("aria-disabled")).toBe("true");
    await user.click(busy);
    expect(callsTo(RESET)).toHaveLength(1);

    pending.answer(ok(null));
    expect(await screen.findByRole("heading", { name: "Check your inbox" })).toBeTruthy();
  });
});
