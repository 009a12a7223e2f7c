import {
  type AccountSession,
  accountSessionListSchema,
  type PasswordChange,
  type ProfileUpdate,
  revokedSessionsSchema,
  type User,
  userResultSchema,
} from "@lumen/contracts";
import { z } from "zod";
import { authRequest } from "@/features/auth/session";

// PATCH /users/me – name, bio, level, learning goals
export async function updateProfile(body: ProfileUpdate): Promise<User> {
  return (await authRequest("/users/me", userResultSchema, { method: "PATCH", body })).user;
}

// POST /auth/password – every other session ends; returns how many
export async function changePassword(body: PasswordChange): Promise<number> {
  return (await authRequest("/auth/password", revokedSessionsSchema, { method: "POST", body })).revoked;
}

// GET /auth/sessions – this device first
export function listSessions(signal?: AbortSignal): Promise<AccountSession[]> {
  return authRequest("/auth/sessions", accountSessionListSchema, signal ? { signal } : {});
}

// DELETE /auth/sessions/:id
export async function revokeSession(id: string): Promise<void> {
  await authRequest(`/auth/sessions/${encodeURIComponent(id)}`, z.null(), { method: "DELETE" });
}

// POST /auth/sessions/revoke-others
export async function revokeOtherSessions(): Promise<number> {
  return (await authRequest("/auth/sessions/revoke-others", revokedSessionsSchema, { method: "POST" })).revoked;
}

// GET /users/me/export – everything held about the user
export function exportData(): Promise<Record<string, unknown>> {
  return authRequest("/users/me/export", z.record(z.string(), z.unknown()));
}
