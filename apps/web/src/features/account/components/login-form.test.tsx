// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import LoginPage from "@/app/(auth)/login/page";
import { useSession } from "@/features/auth/session";
import {
  authResult,
  deferred,
  failure,
  fieldError,
  NETWORK_DOWN,
  renderWithRouter,
  resetSession,
  restoreClients,
  serveApi,
  testUser,
} from "./account-test-kit";
import { LoginForm, waitText } from "./login-form";

const LOGIN = "POST /auth/login";

beforeEach(() => resetSession());
afterEach(() => {
  cleanup();
  restoreClients();
});

/** The login page as Next renders it, with the query string it was opened with. */
async function renderLoginPage(query: Record<string, string> = {}) {
  return renderWithRouter(await LoginPage({ searchParams: Promise.resolve(query) }));
}

async function fillIn(user: ReturnType<typeof renderWithRouter>["user"], email: string, password: string) {
  if (email) await user.type(screen.getByLabelText("Email"), email);
  if (password) await user.type(screen.getByLabelText("Password"), password);
}

describe("LoginForm", () => {
  it("says what is missing, in the contract's words, focuses the first bad field and sends nothing", async () => {
    const { calls } = serveApi({});
    const { user } = renderWithRouter(<LoginForm next="/dashboard" />);

    await user.click(screen.getByRole("button", { name: "Log in" }));

    // The form's schema checks asynchronously: wait for its messages to render.
    await waitFor(() => expect(fieldError("Email")).toContain("Enter a valid email address"));
    expect(fieldError("Password")).toContain("Enter your password");
    expect(document.activeElement).toBe(screen.getByLabelText("Email"));
    expect(calls).toEqual([]);
  });

  it("refuses an address that isn't one and focuses it", async () => {
    const { calls } = serveApi({});
    const { user } = renderWithRouter(<LoginForm next="/dashboard" />);

    await fillIn(user, "sam-at-lumen", "a password");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    // The form's schema checks asynchronously: wait for its messages to render.
    await waitFor(() => expect(fieldError("Email")).toContain("Enter a valid email address"));
    expect(fieldError("Password")).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText("Email"));
    expect(calls).toEqual([]);
  });

  it("tabs through the form in order, and takes the typed email to the password reset", async () => {
    const { user } = renderWithRouter(<LoginForm next="/dashboard" />);
    const forgot = () => screen.getByRole("link", { name: "Forgot your password?" });
    expect(forgot().getAttribute("href")).toBe("/forgot-password");

    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText("Email"));
    await user.keyboard("sam@lumen.dev");
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText("Password"));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Show password" }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Log in" }));
    await user.tab();
    expect(document.activeElement).toBe(forgot());
    expect(forgot().getAttribute("href")).toBe("/forgot-password?email=sam%40lumen.dev");
  });

  it("logs in and goes on to the page the learner came for", async () => {
    const { callsTo } = serveApi({ [LOGIN]: authResult(testUser()) });
    const { user, router } = renderWithRouter(<LoginForm next="/courses/abc" />);

    await fillIn(user, "  sam@lumen.dev ", "lumen-student-demo");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/courses/abc"));
    expect(callsTo(LOGIN).map((call) => call.body)).toEqual([
      { email: "sam@lumen.dev", password: "lumen-student-demo" },
    ]);
    expect(useSession.getState().status).toBe("authenticated");
  });

  it("never follows a next that leads off the site", async () => {
    serveApi({ [LOGIN]: authResult(testUser()) });
    const { user, router } = await renderLoginPage({ next: "//evil.example/phish" });

    await fillIn(user, "sam@lumen.dev", "lumen-student-demo");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/dashboard"));
    expect(router.replace).not.toHaveBeenCalledWith(expect.stringContaining("evil"));
  });

  it("follows a next on this site, and carries it to the sign-up link", async () => {
    serveApi({ [LOGIN]: authResult(testUser()) });
    const { user, router } = await renderLoginPage({ next: "/learn/c1/l2" });

    expect(screen.getByRole("link", { name: "Create a free account" }).getAttribute("href")).toBe(
      `/register?next=${encodeURIComponent("/learn/c1/l2")}`,
    );
    await fillIn(user, "sam@lumen.dev", "lumen-student-demo");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/learn/c1/l2"));
  });

  it("says the password was changed after a reset", async () => {
    serveApi({});
    await renderLoginPage({ reset: "done" });
    const notes = screen.getAllByRole("status").map((note) => note.textContent);
    expect(notes).toContain("Your password has been changed. Log in with your new password.");
  });

  it("says the email or password is wrong, without signing in", async () => {
    serveApi({ [LOGIN]: failure(401, "UNAUTHORIZED", "Incorrect email or password") });
    const { user, router } = renderWithRouter(<LoginForm next="/dashboard" />);

    await fillIn(user, "sam@lumen.dev", "not-my-password");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    expect((await screen.findByRole("alert")).textContent).toBe("Incorrect email or password");
    expect(router.replace).not.toHaveBeenCalled();
    expect(useSession.getState().status).toBe("anonymous");
    // The typed values stay, so a typo can be fixed in place.
    expect((screen.getByLabelText("Email") as HTMLInputElement).value).toBe("sam@lumen.dev");
  });

  it("explains a lockout with how long to wait, and offers a password reset", async () => {
    serveApi({
      [LOGIN]: failure(
        429,
        "RATE_LIMITED",
        "Too many failed sign-in attempts. Try again later or reset your password.",
        { retry_after_seconds: 840 },
        { "retry-after": "840" },
      ),
    });
    const { user, router } = renderWithRouter(<LoginForm next="/dashboard" />);

    await fillIn(user, "sam@lumen.dev", "guess-number-eleven");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Too many attempts to log in");
    expect(alert.textContent).toContain("try again in 14 minutes");
    expect(screen.getByRole("link", { name: "reset your password" }).getAttribute("href")).toBe(
      "/forgot-password?email=sam%40lumen.dev",
    );
    expect(router.replace).not.toHaveBeenCalled();
  });

  it("says in words when Lumen can't be reached", async () => {
    serveApi({ [LOGIN]: NETWORK_DOWN });
    const { user } = renderWithRouter(<LoginForm next="/dashboard" />);

    await fillIn(user, "sam@lumen.dev", "lumen-student-demo");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    expect((await screen.findByRole("alert")).textContent).toBe(
      "We couldn't reach Lumen. Check your connection and try again.",
    );
  });

  it("puts the API's field errors on their fields and focuses the first", async () => {
    serveApi({
      [LOGIN]: failure(400, "VALIDATION_ERROR", "Invalid request body", {
        fields: { password: ["Password must be at most 128 characters"] },
      }),
    });
    const { user } = renderWithRouter(<LoginForm next="/dashboard" />);

    await fillIn(user, "sam@lumen.dev", "lumen-student-demo");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    await waitFor(() => expect(fieldError("Password")).toContain("Password must be at most 128 characters"));
    expect(fieldError("Email")).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText("Password"));
    // Every message found its field, so there is nothing more to say above the form.
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("is busy while logging in and ignores a second press", async () => {
    const pending = deferred();
    const { callsTo } = serveApi({ [LOGIN]: pending.handler });
    const { user, router } = renderWithRouter(<LoginForm next="/dashboard" />);

    await fillIn(user, "sam@lumen.dev", "lumen-student-demo");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    const busy = await screen.findByRole("button", { name: "Logging in…" });
    expect(busy.getAttribute("aria-disabled")).toBe("true");
    await user.click(busy);
    await user.keyboard("{Enter}");
    expect(callsTo(LOGIN)).toHaveLength(1);

    pending.answer(authResult(testUser()));
    await waitFor(() => expect(router.replace).toHaveBeenCalledTimes(1));
    expect(callsTo(LOGIN)).toHaveLength(1);
  });
});

describe("waitText", () => {
  it("rounds the wait up to words a person reads", () => {
    expect(waitText(5)).toBe("in a minute");
    expect(waitText(61)).toBe("in 2 minutes");
    expect(waitText(900)).toBe("in 15 minutes");
    expect(waitText(3600)).toBe("in an hour");
    expect(waitText(3601)).toBe("in 2 hours");
    expect(waitText(undefined)).toBe("in a few minutes");
  });
});
