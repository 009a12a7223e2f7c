// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import { StrictMode } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useSession } from "@/features/auth/session";
import {
  failure,
  NETWORK_DOWN,
  ok,
  renderWithRouter,
  resetSession,
  restoreClients,
  serveApi,
  signInAs,
  testUser,
} from "./account-test-kit";
import { VerifyEmail } from "./verify-email";

const VERIFY = "GET /auth/verify-email";
const RESEND = "POST /auth/verify-email/resend";
const ME = "GET /auth/me";
const SPENT = failure(400, "VALIDATION_ERROR", "This verification link is invalid, expired or already used", {
  fields: { token: ["Invalid or expired token"] },
});

// A verified token is remembered for the page's lifetime (the link works once), so every test uses its own.
let tokens = 0;
const freshToken = () => `verify-token-${++tokens}-${"x".repeat(24)}`;

beforeEach(() => resetSession());
afterEach(() => {
  cleanup();
  restoreClients();
});

describe("VerifyEmail", () => {
  it("confirms the address once, even under strict mode's double effects, and offers to log in", async () => {
    const token = freshToken();
    const { callsTo } = serveApi({ [VERIFY]: ok({ user: testUser({ email_verified: true }) }) });
    renderWithRouter(
      <StrictMode>
        <VerifyEmail token={token} />
      </StrictMode>,
    );

    expect(screen.getByRole("status").textContent).toContain("Confirming your email address…");
    const heading = await screen.findByRole("heading", { name: "Your email is confirmed" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText("sam@lumen.dev")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Log in" }).getAttribute("href")).toBe("/login");
    expect(callsTo(VERIFY).map((call) => Object.fromEntries(call.query))).toEqual([{ token }]);
  });

  it("brings a signed-in learner's session up to date and offers their learning", async () => {
    serveApi({ [VERIFY]: ok({ user: testUser({ email_verified: true }) }) });
    signInAs(testUser({ email_verified: false }));
    renderWithRouter(<VerifyEmail token={freshToken()} />);

    expect(await screen.findByRole("heading", { name: "Your email is confirmed" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Go to my learning" }).getAttribute("href")).toBe("/dashboard");
    expect(useSession.getState().user?.email_verified).toBe(true);
  });

  it("leaves someone else's session alone when the link was for another account", async () => {
    serveApi({ [VERIFY]: ok({ user: testUser({ id: "u-other", email: "other@lumen.dev", email_verified: true }) }) });
    signInAs(testUser({ email_verified: false }));
    renderWithRouter(<VerifyEmail token={freshToken()} />);

    expect(await screen.findByRole("heading", { name: "Your email is confirmed" })).toBeTruthy();
    expect(useSession.getState().user?.email_verified).toBe(false);
  });

  it("explains a spent link to a guest and offers to log in for a new one", async () => {
    serveApi({ [VERIFY]: SPENT });
    renderWithRouter(<VerifyEmail token={freshToken()} />);

    const heading = await screen.findByRole("heading", { name: "This link has expired or was already used" });
    // The heading takes focus in an effect, which React may run after the render that showed it.
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText(/work once, for 24 hours/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Log in to get a new link" }).getAttribute("href")).toBe(
      `/login?next=${encodeURIComponent("/verify-email")}`,
    );
  });

  it("sends a signed-in learner a fresh link when theirs has expired", async () => {
    const { callsTo } = serveApi({
      [VERIFY]: SPENT,
      [ME]: ok({ user: testUser({ email_verified: false }) }),
      [RESEND]: ok(null),
    });
    signInAs(testUser({ email_verified: false }));
    const { user } = renderWithRouter(<VerifyEmail token={freshToken()} />);

    expect(await screen.findByRole("heading", { name: "This link has expired or was already used" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Send a new link" }));

    await waitFor(() =>
      expect(screen.getByText(/We've sent a new link to/).textContent).toBe(
        "We've sent a new link to sam@lumen.dev. It works for 24 hours.",
      ),
    );
    expect(callsTo(RESEND)).toHaveLength(1);
    expect(screen.getByRole("button", { name: "Send another link" })).toBeTruthy();
  });

  it("recognises a link the learner already used themselves", async () => {
    serveApi({ [VERIFY]: SPENT, [ME]: ok({ user: testUser({ email_verified: true }) }) });
    signInAs(testUser({ email_verified: false }));
    renderWithRouter(<VerifyEmail token={freshToken()} />);

    expect(await screen.findByRole("heading", { name: "Your email is already confirmed" })).toBeTruthy();
    expect(screen.getByText(/This link has been used before/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Send a new link" })).toBeNull();
  });

  it("tells a guest who opens a used link again that the address is already verified, and offers to continue", async () => {
    serveApi({
      [VERIFY]: failure(409, "CONFLICT", "This email address is already verified", { reason: "already_verified" }),
    });
    renderWithRouter(<VerifyEmail token={freshToken()} />);

    const heading = await screen.findByRole("heading", { name: "Your email is already confirmed" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.queryByText(/expired/)).toBeNull();
    expect(screen.getByRole("link", { name: "Log in" }).getAttribute("href")).toBe("/login");
  });

  it("says in words when the link could not be checked, and checks again on request", async () => {
    let attempts = 0;
    const { callsTo } = serveApi({
      [VERIFY]: () => {
        attempts += 1;
        return attempts === 1
          ? failure(503, "SERVICE_UNAVAILABLE", "Lumen is busy right now. Please try again in a moment.")
          : ok({ user: testUser({ email_verified: true }) });
      },
    });
    const { user } = renderWithRouter(<VerifyEmail token={freshToken()} />);

    expect(await screen.findByRole("heading", { name: "We couldn't check your link" })).toBeTruthy();
    expect(screen.getByText("Lumen is busy right now. Please try again in a moment.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Try again" }));

    expect(await screen.findByRole("heading", { name: "Your email is confirmed" })).toBeTruthy();
    expect(callsTo(VERIFY)).toHaveLength(2);
  });

  it("says so when Lumen can't be reached", async () => {
    serveApi({ [VERIFY]: NETWORK_DOWN });
    renderWithRouter(<VerifyEmail token={freshToken()} />);

    expect(await screen.findByRole("heading", { name: "We couldn't check your link" })).toBeTruthy();
    expect(screen.getByText("We couldn't reach Lumen. Check your connection and try again.")).toBeTruthy();
  });

  it("without a link, asks a guest to log in to get one", () => {
    const { calls } = serveApi({});
    renderWithRouter(<VerifyEmail token={null} />);

    expect(screen.getByRole("heading", { name: "Confirm your email" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Log in to get a new link" })).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it("without a link, tells a verified learner there is nothing to do", () => {
    serveApi({});
    signInAs(testUser({ email_verified: true }));
    renderWithRouter(<VerifyEmail token={null} />);

    expect(screen.getByRole("heading", { name: "Your email is already confirmed" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Go to my learning" })).toBeTruthy();
  });
});
