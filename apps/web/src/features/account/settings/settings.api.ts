import {
  type AccountDeletion,
  type AccountSession,
  accountSessionListSchema,
  type EmailChange,
  emailChangeRequestedSchema,
  type PasswordChange,
  type ProfileUpdate,
  revokedSessionsSchema,
  type User,
  userResultSchema,
} from "@lumen/contracts";
import { z } from "zod";
import { authRequest, currentAccessToken, refreshSession } from "@/features/auth/session";
import { ApiError, readEnvelope } from "@/lib/api-client";

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

// POST /auth/email – a link goes to the new address; returns that address
export async function requestEmailChange(body: EmailChange): Promise<string> {
  return (await authRequest("/auth/email", emailChangeRequestedSchema, { method: "POST", body })).pending_email;
}

// POST /auth/email/confirm – the mailed token; the signed-in owner only
export async function confirmEmailChange(token: string): Promise<User> {
  return (await authRequest("/auth/email/confirm", userResultSchema, { method: "POST", body: { token } })).user;
}

// DELETE /users/me – for good
export async function deleteAccount(body: AccountDeletion): Promise<void> {
  await authRequest("/users/me", z.null(), { method: "DELETE", body });
}

// DELETE /users/me/avatar – back to the initials
export async function removeAvatar(): Promise<User> {
  return (await authRequest("/users/me/avatar", userResultSchema, { method: "DELETE" })).user;
}

/** PUT /users/me/avatar as multipart (the JSON client can't send files); renews the session once on a 401. */
export async function uploadAvatar(file: File): Promise<User> {
  const send = async (token: string | null) => {
    const form = new FormData();
    form.append("file", file, file.name);
    let response: Response;
    try {
      response = await fetch("/api/v1/users/me/avatar", {
        method: "PUT",
        headers: { accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: form,
      });
    } catch {
      throw new ApiError("NETWORK_ERROR", "The connection dropped during the upload. Try again.", 0);
    }
    const json: unknown = await response.json().catch(() => undefined);
    const fallback = `The upload got an answer we couldn't read (HTTP ${response.status}).`;
    return readEnvelope(json, response.status, userResultSchema, fallback).user;
  };
  try {
    return await send(await currentAccessToken());
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401 || !(await refreshSession())) throw error;
    return send(await currentAccessToken());
  }
}
