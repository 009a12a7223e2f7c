import type { User } from "@lumen/contracts";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import type { ReactElement } from "react";
import { vi } from "vitest";
import { setSessionClient, useSession } from "@/features/auth/session";
import { api, createApiClient } from "@/lib/api-client";
import { setAccountClient } from "../account.api";

// Shared by the account forms' component tests: a fake API at the fetch boundary and a fake App Router.

export function testUser(overrides: Partial<User> = {}): User {
  return {
    id: "u-sam",
    email: "sam@lumen.dev",
    full_name: "Sam Rivera",
    role: "student",
    premium_status: false,
    email_verified: false,
    disabled: false,
    subscription: { type: null, status: null, stripe_id: null },
    profile: {},
    stats: {
      lessons_completed: 0,
      minutes_learned: 0,
      current_streak_days: 0,
      best_streak_days: 0,
      last_active_date: null,
    },
    created_at: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

export type Reply = { status: number; body: unknown; headers?: Record<string, string> };

const TIMESTAMP = "2026-01-01T00:00:00Z";

export const ok = (data: unknown, status = 200): Reply => ({
  status,
  body: { success: true, data, message: "OK", timestamp: TIMESTAMP },
});

export const failure = (
  status: number,
  code: string,
  message: string,
  details?: Record<string, unknown>,
  headers?: Record<string, string>,
): Reply => ({
  status,
  body: { success: false, error: { code, message, ...(details ? { details } : {}) }, timestamp: TIMESTAMP },
  ...(headers ? { headers } : {}),
});

/** What the API answers a successful login or sign-up with. */
export const authResult = (user: User): Reply =>
  ok({ user, access_token: "access-1", refresh_token: "refresh-1", token_type: "bearer", expires_in: 900 });

/** Throwing from fetch is how a browser reports a connection that never got an answer. */
export const NETWORK_DOWN = Symbol("network down");

type Handler = Reply | typeof NETWORK_DOWN | ((body: unknown) => Reply | Promise<Reply>);

export interface ApiCall {
  key: string;
  body: unknown;
  query: Record<string, string>;
}

/**
 * Answers "METHOD /path" from a table, for both the session's client and the account client, and records every
 * call with its JSON body. A handler may return a promise to keep a request pending.
 */
export function serveApi(routes: Record<string, Handler>) {
  const calls: ApiCall[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    const url = new URL(String(input));
    const key = `${init?.method ?? "GET"} ${url.pathname.replace("/api/v1", "")}`;
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    calls.push({ key, body, query: Object.fromEntries(url.searchParams) });
    const handler = routes[key];
    if (handler === NETWORK_DOWN) throw new TypeError("Failed to fetch");
    const reply = typeof handler === "function" ? await handler(body) : handler;
    if (!reply) return Response.json(failure(404, "NOT_FOUND", `No stub for ${key}`).body, { status: 404 });
    return Response.json(reply.body, { status: reply.status, headers: reply.headers });
  });
  const client = createApiClient({ baseUrl: "http://api.test", fetch });
  setSessionClient(client);
  setAccountClient(client);
  return { fetch, calls, callsTo: (key: string) => calls.filter((call) => call.key === key) };
}

/** A request that stays pending until the test answers it. */
export function deferred() {
  let answer: (reply: Reply) => void = () => undefined;
  const promise = new Promise<Reply>((resolve) => {
    answer = resolve;
  });
  return { handler: () => promise, answer };
}

export function fakeRouter() {
  return {
    push: vi.fn(),
    replace: vi.fn(),
    refresh: vi.fn(),
    prefetch: vi.fn(),
    back: vi.fn(),
    forward: vi.fn(),
  } satisfies Partial<AppRouterInstance>;
}

export function renderWithRouter(ui: ReactElement) {
  const router = fakeRouter();
  const view = render(<AppRouterContext value={router as unknown as AppRouterInstance}>{ui}</AppRouterContext>);
  return { router, view, user: userEvent.setup() };
}

export function resetSession(status: "anonymous" | "unknown" = "anonymous") {
  useSession.setState({ status, user: null, accessToken: null, expiresAt: 0 });
}

export function signInAs(user: User) {
  useSession.setState({ status: "authenticated", user, accessToken: "token-sam", expiresAt: Date.now() + 600_000 });
}

export function restoreClients() {
  setSessionClient(api);
  setAccountClient(api);
}
