// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { testUser } from "@/test/fixtures";
import { renderWithRouter } from "@/test/router";
import { signInAs, signOut } from "@/test/session";
import { RequireSession } from "./require-session";

afterEach(() => {
  cleanup();
  signOut();
});

const studio = (
  <RequireSession roles={["creator", "admin"]} denied="The creator studio is for creators and admins.">
    <h1>My courses</h1>
  </RequireSession>
);

describe("RequireSession", () => {
  it("tells an account without the role why the area is closed, in the area's words", () => {
    signInAs(testUser({ role: "student" }));
    renderWithRouter(studio);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("This area isn't open to your account");
    expect(screen.getByRole("alert").textContent).toContain("The creator studio is for creators and admins.");
    expect(screen.queryByText("My courses")).toBeNull();
  });

  it("shows the area to an account with one of the roles", () => {
    signInAs(testUser({ role: "admin" }));
    renderWithRouter(studio);
    expect(screen.getByRole("heading", { level: 1, name: "My courses" })).toBeTruthy();
  });

  it("sends a guest to log in, saying so while it does", async () => {
    signOut("anonymous");
    const { router } = renderWithRouter(studio);
    expect(screen.getByRole("status").textContent).toContain("Redirecting to log in…");
    await waitFor(() => expect(router.replace).toHaveBeenCalledWith(expect.stringMatching(/^\/login\?next=/)));
    expect(screen.queryByText("My courses")).toBeNull();
  });
});
