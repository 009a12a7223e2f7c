import { type User, userResultSchema } from "@lumen/contracts";
import { z } from "zod";
import { authRequest } from "@/features/auth/session";
import { type ApiClient, api } from "@/lib/api-client";

// Calls that need no session (the emailed links and the reset request) go through this client; tests swap it.
let client: ApiClient = api;

export function setAccountClient(next: ApiClient): void {
  client = next;
}

// POST /auth/reset-password {email} – the API answers the same whether or not the account exists.
export async function requestPasswordReset(email: string): Promise<void> {
  await client.request("/auth/reset-password", z.null(), { method: "POST", body: { email } });
}

// POST /auth/reset-password {token, new_password} – also ends every session of the account.
export async function confirmPasswordReset(token: string, newPassword: string): Promise<void> {
  await client.request("/auth/reset-password", z.null(), {
    method: "POST",
    body: { token, new_password: newPassword },
  });
}

// The token is single use: a second call (React's strict-mode double effect, a re-render) must reuse the first.
const verifications = new Map<string, Promise<User>>();

// GET /auth/verify-email?token=
export function verifyEmail(token: string): Promise<User> {
  let pending = verifications.get(token);
  if (!pending) {
    pending = client.request("/auth/verify-email", userResultSchema, { query: { token } }).then((r) => r.user);
    // A failed attempt may be retried (a network error says nothing about the token).
    pending.catch(() => verifications.delete(token));
    verifications.set(token, pending);
  }
  return pending;
}

// POST /auth/verify-email/resend – a fresh link for the signed-in learner.
export async function resendVerification(): Promise<void> {
  await authRequest("/auth/verify-email/resend", z.null(), { method: "POST", body: {} });
}

// GET /auth/me – the learner's current record (verification state, stats).
export async function fetchCurrentUser(): Promise<User> {
  const { user } = await authRequest("/auth/me", userResultSchema);
  return user;
}
