import type { User } from "@lumen/contracts";
import { render } from "@testing-library/react";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import type { ReactElement } from "react";
import { vi } from "vitest";
import { setSessionClient, useSession } from "@/features/auth/session";
import { createApiClient } from "@/lib/api-client";

// Test helpers for the admin console: the network boundary (fetch) answers from a table, everything above it
// (API client, session, components) is the real code.

export type Route = { status: number; body: unknown };
export type Handler = Route | ((request: { query: URLSearchParams; body: unknown }) => Route | Promise<Route>);

export const ok = (data: unknown, status = 200): Route => ({
  status,
  body: { success: true, data, message: "OK", timestamp: "2026-01-01T00:00:00Z" },
});

export const failure = (status: number, code: string, message: string, details?: unknown): Route => ({
  status,
  body: { success: false, error: { code, message, details }, timestamp: "2026-01-01T00:00:00Z" },
});

export interface Call {
  key: string;
  query: URLSearchParams;
  body: unknown;
}

/** Serves "METHOD /path" (relative to /api/v1) from `routes`; unknown routes answer 404 in the envelope. */
export function serveApi(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    const url = new URL(String(input));
    const key = `${init?.method ?? "GET"} ${url.pathname.replace("/api/v1", "")}`;
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    calls.push({ key, query: url.searchParams, body });
    const handler = routes[key];
    const route = typeof handler === "function" ? await handler({ query: url.searchParams, body }) : handler;
    const answer = route ?? failure(404, "NOT_FOUND", `No stub for ${key}`);
    return Response.json(answer.body, { status: answer.status });
  });
  setSessionClient(createApiClient({ baseUrl: "http://api.test", fetch }));
  return { fetch, calls };
}

export function adminUser(overrides: Partial<User> = {}): User {
  return {
    id: "00000000-0000-4000-8000-0000000000ad",
    email: "admin@lumen.dev",
    full_name: "Ada Admin",
    role: "admin",
    premium_status: false,
    email_verified: true,
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

export function signInAsAdmin(): User {
  const user = adminUser();
  useSession.setState({
    status: "authenticated",
    user,
    accessToken: "token-admin",
    expiresAt: Date.now() + 10 * 60_000,
  });
  return user;
}

export function fakeRouter() {
  return {
    push: vi.fn(),
    replace: vi.fn(),
    refresh: vi.fn(),
    prefetch: vi.fn(),
    back: vi.fn(),
    forward: vi.fn(),
  } as unknown as AppRouterInstance & { push: ReturnType<typeof vi.fn>; replace: ReturnType<typeof vi.fn> };
}

export function renderWithRouter(ui: ReactElement) {
  const router = fakeRouter();
  const result = render(<AppRouterContext value={router}>{ui}</AppRouterContext>);
  return { ...result, router };
}
