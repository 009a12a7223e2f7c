"use client";

import { type AuthResult, authResultSchema, type LoginBody, type RegisterBody, type User } from "@lumen/contracts";
import { z } from "zod";
import { create } from "zustand";
import { type ApiClient, ApiError, type ApiRequestOptions, api, isApiError } from "@/lib/api-client";

/**
 * The signed-in session, in memory only. The access token never touches storage; the refresh token lives in
 * the API's httpOnly cookie (path /api/v1/auth, first-party through the web app's /api/v1 gateway). A token
 * is renewed a minute before it expires and once more after any 401.
 */
export type SessionStatus = "unknown" | "anonymous" | "authenticated";

export interface SessionState {
  status: SessionStatus;
  user: User | null;
  accessToken: string | null;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
}

const ANONYMOUS: SessionState = { status: "anonymous", user: null, accessToken: null, expiresAt: 0 };

export const useSession = create<SessionState>(() => ({
  status: "unknown",
  user: null,
  accessToken: null,
  expiresAt: 0,
}));

/** Renew this long before the access token expires. */
const REFRESH_LEAD_MS = 60_000;
/** A hint (not a secret) that a refresh cookie probably exists, so guests don't get a 401 on every visit. */
const SESSION_HINT_KEY = "lumen.session";
const CHANNEL_NAME = "lumen-auth";

let client: ApiClient = api;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inflightRefresh: Promise<boolean> | null = null;
let channel: BroadcastChannel | null = null;

/** Tests swap the API client; the app uses the default one. */
export function setSessionClient(next: ApiClient): void {
  client = next;
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

function broadcast(message: "signed-in" | "signed-out"): void {
  try {
    channel?.postMessage(message);
  } catch {
    // A closed channel only means no other tab listens.
  }
}

function scheduleRefresh(expiresInSeconds: number): void {
  clearTimeout(refreshTimer);
  const delay = Math.max(5_000, expiresInSeconds * 1000 - REFRESH_LEAD_MS);
  refreshTimer = setTimeout(() => void refreshSession(), delay);
}

function applyAuthResult(result: AuthResult): User {
  useSession.setState({
    status: "authenticated",
    user: result.user,
    accessToken: result.access_token,
    expiresAt: Date.now() + result.expires_in * 1000,
  });
  storage()?.setItem(SESSION_HINT_KEY, "1");
  scheduleRefresh(result.expires_in);
  return result.user;
}

function clearSession(): void {
  clearTimeout(refreshTimer);
  storage()?.removeItem(SESSION_HINT_KEY);
  useSession.setState(ANONYMOUS);
}

async function exchangeRefreshCookie(): Promise<boolean> {
  try {
    applyAuthResult(await client.request("/auth/refresh", authResultSchema, { method: "POST", body: {} }));
    return true;
  } catch (error) {
    // A refused cookie ends the session; an unreachable API leaves it to the next attempt.
    if (isApiError(error) && error.status >= 400 && error.status < 500) clearSession();
    else if (useSession.getState().status === "unknown") useSession.setState(ANONYMOUS);
    return false;
  }
}

/**
 * Exchanges the refresh cookie for a new token pair. One refresh at a time, across tabs too (Web Locks): the
 * API rotates the refresh token and treats a second use of a spent one as theft, revoking the session.
 */
export function refreshSession(): Promise<boolean> {
  if (inflightRefresh) return inflightRefresh;
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  const run = locks ? locks.request("lumen-auth-refresh", exchangeRefreshCookie) : exchangeRefreshCookie();
  inflightRefresh = Promise.resolve(run).finally(() => {
    inflightRefresh = null;
  });
  return inflightRefresh;
}

/** Called once when the app loads in a browser: restores the session from the refresh cookie. */
export async function bootstrapSession(): Promise<void> {
  if (typeof window !== "undefined" && !channel && "BroadcastChannel" in window) {
    channel = new BroadcastChannel(CHANNEL_NAME);
    channel.onmessage = (event) => {
      if (event.data === "signed-out") clearSession();
      if (event.data === "signed-in" && useSession.getState().status !== "authenticated") void refreshSession();
    };
  }
  if (useSession.getState().status !== "unknown") return;
  if (!storage()?.getItem(SESSION_HINT_KEY)) {
    useSession.setState(ANONYMOUS);
    return;
  }
  await refreshSession();
}

/** Resolves once the session is known (restored or not). */
export function sessionReady(): Promise<SessionState> {
  const current = useSession.getState();
  if (current.status !== "unknown") return Promise.resolve(current);
  return new Promise((resolve) => {
    const unsubscribe = useSession.subscribe((state) => {
      if (state.status !== "unknown") {
        unsubscribe();
        resolve(state);
      }
    });
  });
}

export async function signIn(body: LoginBody): Promise<User> {
  const user = applyAuthResult(await client.request("/auth/login", authResultSchema, { method: "POST", body }));
  broadcast("signed-in");
  return user;
}

export async function signUp(body: RegisterBody): Promise<User> {
  const user = applyAuthResult(await client.request("/auth/register", authResultSchema, { method: "POST", body }));
  broadcast("signed-in");
  return user;
}

export async function signOut(): Promise<void> {
  const { accessToken } = useSession.getState();
  try {
    await client.request("/auth/logout", z.unknown(), {
      method: "POST",
      body: {},
      accessToken: accessToken ?? undefined,
    });
  } catch {
    // The local session ends either way; the server-side one expires on its own if the call failed.
  }
  clearSession();
  broadcast("signed-out");
}

/** Applies a user object the API returned (after verify-email or a profile change). */
export function updateSessionUser(user: User): void {
  if (useSession.getState().status === "authenticated") useSession.setState({ user });
}

/**
 * An API call as the signed-in user: waits for the session, sends the access token, and after a 401 renews
 * the token once and retries. Throws ApiError(UNAUTHORIZED) when there is no session to use.
 */
export async function authRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: Omit<ApiRequestOptions, "accessToken"> = {},
): Promise<z.output<S>> {
  let state = await sessionReady();
  if (state.status === "authenticated" && state.expiresAt - Date.now() < 5_000) {
    await refreshSession();
    state = useSession.getState();
  }
  if (!state.accessToken) {
    throw new ApiError("UNAUTHORIZED", "Sign in to continue.", 401);
  }
  try {
    return await client.request(path, schema, { ...options, accessToken: state.accessToken });
  } catch (error) {
    if (!isApiError(error) || error.status !== 401) throw error;
    if (!(await refreshSession())) throw error;
    const token = useSession.getState().accessToken;
    return client.request(path, schema, { ...options, accessToken: token ?? undefined });
  }
}

/** The current access token, renewed first when it is about to expire (for streaming calls made with fetch). */
export async function currentAccessToken(): Promise<string | null> {
  const state = await sessionReady();
  if (state.status === "authenticated" && state.expiresAt - Date.now() < 5_000) await refreshSession();
  return useSession.getState().accessToken;
}
