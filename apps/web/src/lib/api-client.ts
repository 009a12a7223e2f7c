import { type ErrorCode, envelope, errorBodySchema } from "@lumen/contracts";
import { z } from "zod";
import { serverApiUrl } from "@/env";
import { gatewayHeaders } from "./gateway";

const API_PREFIX = "/api/v1";
const DEFAULT_TIMEOUT_MS = 10_000;

const successEnvelope = envelope(z.unknown());

/** Codes from the API's registry, plus the two failures that never reach (or never come back from) it. */
export type ApiErrorCode = ErrorCode | "NETWORK_ERROR" | "INVALID_RESPONSE";

export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** HTTP status; 0 when no response arrived. */
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/**
 * Server components talk to the API over its internal URL; the browser talks to this web app's own origin,
 * which forwards /api/v1 and /media to the API (app/api/v1, app/media): one origin for cookies, no CORS.
 */
export function apiBaseUrl(): string {
  if (typeof window === "undefined") return serverApiUrl();
  return window.location.origin;
}

/** Absolute URLs pass through; API-relative paths (`/media/...`, `/api/v1/media/...`) go through the web origin. */
export function apiMediaUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  if (/^(https?:|data:|blob:)/i.test(url) || url.startsWith("//")) return url;
  return url.startsWith("/") ? url : `/${url}`;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequestOptions extends Omit<RequestInit, "body" | "method"> {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  query?: Record<string, QueryValue>;
  /** Serialised as JSON. */
  body?: unknown;
  /** Bearer token for authenticated calls. */
  accessToken?: string;
  timeoutMs?: number;
  /**
   * false: don't vouch for the visitor (gateway headers). Reads cached in Next's data cache must not carry them:
   * they are not about any one visitor, and per-visitor headers would split the cache key by client address.
   */
  visitor?: boolean;
}

export interface ApiClientConfig {
  /** Fixed base URL; by default it is read from the environment on every call (see apiBaseUrl). */
  baseUrl?: string;
  fetch?: typeof fetch;
}

function buildUrl(base: string, path: string, query: ApiRequestOptions["query"]): string {
  const url = new URL(`${base}${API_PREFIX}${path.startsWith("/") ? path : `/${path}`}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/**
 * Reads the API's envelope from a parsed body: an error envelope becomes an ApiError with its code, anything else
 * but a 2xx success envelope whose `data` fits `schema` is INVALID_RESPONSE (`unreadable` says which call).
 */
export function readEnvelope<S extends z.ZodType>(
  json: unknown,
  status: number,
  schema: S,
  unreadable: string,
): z.output<S> {
  const failure = errorBodySchema.safeParse(json);
  if (failure.success) {
    const { code, message, details } = failure.data.error;
    throw new ApiError(code, message, status, details);
  }
  const wrapped = successEnvelope.safeParse(json);
  const data = wrapped.success ? schema.safeParse(wrapped.data.data) : undefined;
  if (status < 200 || status >= 300 || !data?.success) {
    throw new ApiError(
      "INVALID_RESPONSE",
      unreadable,
      status,
      data && !data.success ? { issues: data.error.issues } : undefined,
    );
  }
  return data.data;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export function createApiClient(config: ApiClientConfig = {}) {
  /**
   * Calls `path` (relative to /api/v1), checks the envelope and returns `data` parsed by `schema`.
   * Throws ApiError for error envelopes, unreadable answers, timeouts and network failures.
   */
  async function request<S extends z.ZodType>(
    path: string,
    schema: S,
    options: ApiRequestOptions = {},
  ): Promise<z.output<S>> {
    const {
      query,
      body,
      accessToken,
      timeoutMs = DEFAULT_TIMEOUT_MS,
      method = "GET",
      visitor = true,
      ...init
    } = options;
    const url = buildUrl(config.baseUrl ? trimSlash(config.baseUrl) : apiBaseUrl(), path, query);
    const headers = new Headers(init.headers);
    headers.set("accept", "application/json");
    if (body !== undefined) headers.set("content-type", "application/json");
    if (accessToken) headers.set("authorization", `Bearer ${accessToken}`);
    // Server-side rendering: the API counts the visitor this page is rendered for, not this server.
    if (visitor) for (const [name, value] of Object.entries(gatewayHeaders())) headers.set(name, value);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;

    let response: Response;
    try {
      response = await (config.fetch ?? fetch)(url, {
        ...init,
        method,
        headers,
        signal,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      const message = timeout.aborted
        ? `The API did not answer within ${Math.round(timeoutMs / 1000)} s.`
        : "The API could not be reached.";
      throw Object.assign(new ApiError("NETWORK_ERROR", message, 0), { cause });
    }

    return readEnvelope(
      await readJson(response),
      response.status,
      schema,
      `The API answered ${method} ${path} with an unexpected response (HTTP ${response.status}).`,
    );
  }

  return { request };
}

export type ApiClient = ReturnType<typeof createApiClient>;

export const api = createApiClient();
