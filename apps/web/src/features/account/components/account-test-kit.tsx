import type { User } from "@lumen/contracts";
import { screen } from "@testing-library/react";
import { api } from "@/lib/api-client";
import { type Handler, ok, type Reply, restoreApi, serveApi as serveSessionApi } from "@/test/fake-api";
import { signOut } from "@/test/session";
import { setAccountClient } from "../account.api";

// Shared by the account forms' component tests: the fake API also answers the account client, and the answers
// to a login.

export { deferred, failure, NETWORK_DOWN, ok } from "@/test/fake-api";
export { testUser } from "@/test/fixtures";
export { renderWithRouter } from "@/test/router";
export { signInAs } from "@/test/session";

/** What the API answers a successful login or sign-up with. */
export const authResult = (user: User): Reply =>
  ok({ user, access_token: "access-1", refresh_token: "refresh-1", token_type: "bearer", expires_in: 900 });

/** Answers "METHOD /path" from a table, for both the session's client and the account client. */
export function serveApi(routes: Record<string, Handler>) {
  const served = serveSessionApi(routes);
  setAccountClient(served.client);
  return served;
}

/** The error shown under the field with this label, or null while the field isn't marked invalid. */
export function fieldError(label: string): string | null {
  const input = screen.getByLabelText(label);
  if (input.getAttribute("aria-invalid") !== "true") return null;
  return document.getElementById(`${input.id}-error`)?.textContent ?? null;
}

export function resetSession(status: "anonymous" | "unknown" = "anonymous") {
  signOut(status);
}

export function restoreClients() {
  restoreApi();
  setAccountClient(api);
}
