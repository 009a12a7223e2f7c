import { vi } from "vitest";
import { setSessionClient } from "@/features/auth/session";
import { type ApiClient, api, createApiClient } from "@/lib/api-client";

// The network boundary for component tests: fetch answers "METHOD /path" from a table, in the API's envelope;
// everything above it (the API client, the session, schemas, components) is the real code.

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
  details?: unknown,
  headers?: Record<string, string>,
): Reply => ({
  status,
  body: {
    success: false,
    error: { code, message, ...(details === undefined ? {} : { details }) },
    timestamp: TIMESTAMP,
  },
  ...(headers ? { headers } : {}),
});

/** Throwing from fetch is how a browser reports a connection that never got an answer. */
export const NETWORK_DOWN = Symbol("network down");

export interface ApiRequest {
  /** The JSON body, parsed. */
  body: unknown;
  query: URLSearchParams;
}

/** A reply; a function of the request (a promise keeps the request pending); or a network failure. */
export type Handler = Reply | typeof NETWORK_DOWN | ((request: ApiRequest) => Reply | Promise<Reply>);

export interface ApiCall extends ApiRequest {
  /** "METHOD /path", the path relative to /api/v1. */
  key: string;
  headers: Headers;
}

/**
 * Serves `routes` to the session's API client (and to whatever else `client` is handed to) and records every call.
 * A route the table doesn't have answers 404 in the envelope, so a test sees a request it didn't expect.
 */
export function serveApi(routes: Record<string, Handler>) {
  const calls: ApiCall[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    const url = new URL(String(input));
    const key = `${init?.method ?? "GET"} ${url.pathname.replace("/api/v1", "")}`;
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    calls.push({ key, body, query: url.searchParams, headers: new Headers(init?.headers) });
    const handler = routes[key];
    if (handler === NETWORK_DOWN) throw new TypeError("Failed to fetch");
    const reply =
      typeof handler === "function"
        ? await handler({ body, query: url.searchParams })
        : (handler ?? failure(404, "NOT_FOUND", `No stub for ${key}`));
    return Response.json(reply.body, { status: reply.status, headers: reply.headers });
  });
  const client: ApiClient = createApiClient({ baseUrl: "http://api.test", fetch });
  setSessionClient(client);
  return { fetch, client, calls, callsTo: (key: string) => calls.filter((call) => call.key === key) };
}

/** Points the session back at the real API client, after a test served a fake one. */
export function restoreApi(): void {
  setSessionClient(api);
}

/** A request that stays pending until the test answers it. */
export function deferred() {
  let answer: (reply: Reply) => void = () => undefined;
  const promise = new Promise<Reply>((resolve) => {
    answer = resolve;
  });
  return { handler: () => promise, answer };
}
