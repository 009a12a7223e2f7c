// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import RegisterPage from "@/app/(auth)/register/page";
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
  signInAs,
  testUser,
} from "./account-test-kit";

const REGISTER = "POST /auth/register";
const STRONG = "paper lanterns at dusk";

beforeEach(() => resetSession());
afterEach(() => {
  cleanup();
  restoreClients();
});

async function renderRegisterPage(query: Record<string, string> = {}) {
  return renderWithRouter(await RegisterPage({ searchParams: Promise.resolve(query) }));
}

type UserEvents = Awaited<ReturnType<typeof renderRegisterPage>>["user"];

async function fillIn(user: UserEvents, values: { name?: string; email?: string; password?: string }) {
  if (values.name) await user.type(screen.getByLabelText("Your name"), values.name);
  if (values.email) await user.type(screen.getByLabelText("Email"), values.email);
  if (values.password) await user.type(screen.getByLabelText("Password"), values.password);
}

describe("Sign-up", () => {
  it("names every missing field in the contract's words and focuses the first", async () => {
    const { calls } = serveApi({});
    const { user } = await renderRegisterPage();

    await user.click(screen.getByRole("button", { name: "Create account" }));

    // The form's schema checks asynchronously: wait for its messages to render.
    await waitFor(() => expect(fieldError("Your name")).toBe("Enter your name"));
    expect(fieldError("Email")).toBe("Enter a valid email address");
    expect(fieldError("Password")).toBe("Password must be at least 10 characters");
    expect(document.activeElement).toBe(screen.getByLabelText("Your name"));
    expect(calls).toEqual([]);
  });

  it("refuses a well-known password and focuses it, even when it is long enough", async () => {
    const { calls } = serveApi({});
    const { user } = await renderRegisterPage();

    await fillIn(user, { name: "Sam Rivera", email: "sam@lumen.dev", password: "password123" });
    await user.click(screen.getByRole("button", { name: "Create account" }));

    await waitFor(() =>
      expect(fieldError("Password")).toBe("This password is too common; choose a less predictable one"),
    );
    expect(fieldError("Your name")).toBeNull();
    expect(fieldError("Email")).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText("Password"));
    expect(calls).toEqual([]);
  });

  it("ticks off the password rules as they are met", async () => {
    serveApi({});
    const { user } = await renderRegisterPage();
    const rules = () =>
      within(screen.getByRole("list"))
        .getAllByRole("listitem")
        .map((item) => item.textContent);

    expect(rules()).toEqual(["10 to 128 characters", "Not a common password, like “password123”"]);
    await fillIn(user, { password: STRONG });
    expect(rules()).toEqual(["10 to 128 characters (met)", "Not a common password, like “password123” (met)"]);
  });

  it("creates the account, signs in and says to check the inbox; 'Start learning' goes to next", async () => {
    const created = testUser({ full_name: "Sam Rivera", email: "sam@lumen.dev" });
    const { callsTo } = serveApi({ [REGISTER]: authResult(created) });
    const { user } = await renderRegisterPage({ next: "/courses/abc" });

    await fillIn(user, { name: "Sam Rivera", email: "sam@lumen.dev", password: STRONG });
    await user.click(screen.getByRole("button", { name: "Create account" }));

    const heading = await screen.findByRole("heading", { name: "Welcome to Lumen, Sam" });
    // The heading takes focus in an effect, which React may run after the render that showed it.
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText("sam@lumen.dev")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Start learning" }).getAttribute("href")).toBe("/courses/abc");
    expect(callsTo(REGISTER).map((call) => call.body)).toEqual([
      { full_name: "Sam Rivera", email: "sam@lumen.dev", password: STRONG },
    ]);
    expect(useSession.getState().user?.id).toBe(created.id);
  });

  it("sends 'Start learning' to the dashboard when next points off the site", async () => {
    serveApi({ [REGISTER]: authResult(testUser()) });
    const { user } = await renderRegisterPage({ next: "https://evil.example" });

    await fillIn(user, { name: "Sam Rivera", email: "sam@lumen.dev", password: STRONG });
    await user.click(screen.getByRole("button", { name: "Create account" }));

    expect((await screen.findByRole("link", { name: "Start learning" })).getAttribute("href")).toBe("/dashboard");
  });

  it("says a taken email is taken, on the field, and offers to log in or reset the password", async () => {
    serveApi({
      [REGISTER]: failure(409, "CONFLICT", "An account with this email already exists", {
        fields: { email: ["An account with this email already exists"] },
      }),
    });
    const { user } = await renderRegisterPage({ next: "/courses/abc" });

    await fillIn(user, { name: "Sam Rivera", email: "sam@lumen.dev", password: STRONG });
    await user.click(screen.getByRole("button", { name: "Create account" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("There's already an account with this email.");
    expect(within(alert).getByRole("link", { name: "Log in" }).getAttribute("href")).toBe(
      `/login?next=${encodeURIComponent("/courses/abc")}`,
    );
    expect(within(alert).getByRole("link", { name: "reset your password" }).getAttribute("href")).toBe(
      "/forgot-password",
    );
    expect(fieldError("Email")).toBe("An account with this email already exists");
    expect(document.activeElement).toBe(screen.getByLabelText("Email"));
    expect(useSession.getState().status).toBe("anonymous");
  });

  it("maps the API's field errors onto the form in on-screen order", async () => {
    serveApi({
      [REGISTER]: failure(400, "VALIDATION_ERROR", "Invalid request body", {
        fields: {
          password: ["This password is too common; choose a less predictable one"],
          full_name: ["Name must be at most 120 characters"],
        },
      }),
    });
    const { user } = await renderRegisterPage();

    await fillIn(user, { name: "Sam Rivera", email: "sam@lumen.dev", password: STRONG });
    await user.click(screen.getByRole("button", { name: "Create account" }));

    await waitFor(() => expect(fieldError("Your name")).toBe("Name must be at most 120 characters"));
    expect(fieldError("Password")).toBe("This password is too common; choose a less predictable one");
    expect(fieldError("Email")).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText("Your name"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("keeps the API's message when a field error has no field on the form", async () => {
    serveApi({
      [REGISTER]: failure(400, "VALIDATION_ERROR", "Some details need fixing", { fields: { role: ["Not allowed"] } }),
    });
    const { user } = await renderRegisterPage();

    await fillIn(user, { name: "Sam Rivera", email: "sam@lumen.dev", password: STRONG });
    await user.click(screen.getByRole("button", { name: "Create account" }));

    expect((await screen.findByRole("alert")).textContent).toBe("Some details need fixing");
  });

  it("says in words when Lumen can't be reached, and keeps what was typed", async () => {
    serveApi({ [REGISTER]: NETWORK_DOWN });
    const { user } = await renderRegisterPage();

    await fillIn(user, { name: "Sam Rivera", email: "sam@lumen.dev", password: STRONG });
    await user.click(screen.getByRole("button", { name: "Create account" }));

    expect((await screen.findByRole("alert")).textContent).toBe(
      "We couldn't reach Lumen. Check your connection and try again.",
    );
    expect((screen.getByLabelText("Your name") as HTMLInputElement).value).toBe("Sam Rivera");
  });

  it("is busy while creating the account and ignores a second press", async () => {
    const pending = deferred();
    const { callsTo } = serveApi({ [REGISTER]: pending.handler });
    const { user } = await renderRegisterPage();

    await fillIn(user, { name: "Sam Rivera", email: "sam@lumen.dev", password: STRONG });
    await user.click(screen.getByRole("button", { name: "Create account" }));

    const busy = await screen.findByRole("button", { name: "Creating your account…" });
    expect(busy.getAttribute("aria-disabled")).toBe("true");
    await user.click(busy);
    expect(callsTo(REGISTER)).toHaveLength(1);

    pending.answer(authResult(testUser()));
    expect(await screen.findByRole("heading", { name: "Welcome to Lumen, Sam" })).toBeTruthy();
    expect(callsTo(REGISTER)).toHaveLength(1);
  });

  it("sends someone already signed in straight on", async () => {
    serveApi({});
    signInAs(testUser({ email_verified: true }));
    const { router } = await renderRegisterPage({ next: "/courses/abc" });

    await waitFor(() => expect(router.replace).toHaveBeenCalledWith("/courses/abc"));
    expect(screen.queryByRole("button", { name: "Create account" })).toBeNull();
  });
});
