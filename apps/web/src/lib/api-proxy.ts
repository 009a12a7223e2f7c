import { apiBaseUrl } from "./api-client";
import { gatewayHeaders } from "./gateway";

// Request headers the API needs; everything else (host, connection, Next's own) stays behind.
const FORWARDED_REQUEST_HEADERS = [
  "accept",
  "authorization",
  "content-type",
  "cookie",
  "if-modified-since",
  "if-none-match",
  "range",
  "user-agent",
  "x-request-id",
];

// Hop-by-hop and framing headers are the proxy's own business; the body is re-framed by the runtime.
const DROPPED_RESPONSE_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-encoding",
  "set-cookie",
]);

/**
 * Forwards a browser request to the API so the web app and the API share one origin: the refresh cookie
 * (path /api/v1/auth) stays first-party, no CORS preflights, and the API URL is read at run time.
 * Bodies and responses are streamed both ways (uploads, SSE answers, video ranges).
 */
export async function proxyToApi(request: Request, pathname: string): Promise<Response> {
  const incoming = new URL(request.url);
  const target = `${apiBaseUrl()}${pathname}${incoming.search}`;
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  // Without this the runtime would decompress and leave a stale content-encoding behind.
  headers.set("accept-encoding", "identity");
  // Who the visitor really is, vouched for with the gateway secret; a visitor's own X-Forwarded-For never passes.
  for (const [name, value] of Object.entries(gatewayHeaders())) headers.set(name, value);
  headers.set("x-forwarded-proto", incoming.protocol.replace(":", ""));
  headers.set("x-forwarded-host", incoming.host);

  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      redirect: "manual",
      signal: request.signal,
      cache: "no-store",
      ...(hasBody ? { duplex: "half" } : {}),
    } as RequestInit);
  } catch {
    return Response.json(
      {
        success: false,
        error: { code: "SERVICE_UNAVAILABLE", message: "The Lumen API could not be reached. Try again in a moment." },
        timestamp: new Date().toISOString(),
      },
      { status: 503 },
    );
  }

  const responseHeaders = new Headers();
  upstream.headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name)) responseHeaders.set(name, value);
  });
  for (const cookie of upstream.headers.getSetCookie()) responseHeaders.append("set-cookie", cookie);
  if (upstream.headers.get("content-type")?.startsWith("text/event-stream")) {
    responseHeaders.set("cache-control", "no-cache, no-transform");
    responseHeaders.set("x-accel-buffering", "no");
  }
  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: responseHeaders,
  });
}
