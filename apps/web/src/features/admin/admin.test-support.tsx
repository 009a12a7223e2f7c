import type { User } from "@lumen/contracts";
import { testUser } from "@/test/fixtures";
import { signInAs } from "@/test/session";

// Test helpers for the admin console: the fake API, the router and the session come from src/test; the admin
// signed in is Ada Admin.

export { deferred, failure, ok, restoreApi, serveApi } from "@/test/fake-api";
export { renderWithRouter } from "@/test/router";
export { signOut } from "@/test/session";

export function adminUser(overrides: Partial<User> = {}): User {
  return testUser({
    id: "00000000-0000-4000-8000-0000000000ad",
    email: "admin@lumen.dev",
    full_name: "Ada Admin",
    role: "admin",
    email_verified: true,
    ...overrides,
  });
}

export function signInAsAdmin(): User {
  return signInAs(adminUser(), "token-admin");
}
