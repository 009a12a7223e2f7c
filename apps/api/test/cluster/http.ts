import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";

export interface Response<T = unknown> {
  status: number;
  headers: IncomingHttpHeaders;
  body: T;
  ms: number;
}

export type Envelope<T> = { success: boolean; data: T; error?: { code: string; message: string; details?: unknown } };

export interface RequestOptions {
  method?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * The client's own address: any of 127.0.0.0/8 works locally, so each test (and the load loop) can be its own
   * client for the per-address rate limit without any network.
   */
  from?: string;
  /** Aborts after this long (the tests' safety net: a hanging request fails instead of stalling the run). */
  timeoutMs?: number;
}

function send(url: string, opts: RequestOptions): Promise<IncomingMessage> {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: opts.method ?? (payload ? "POST" : "GET"),
      // A connection per request: a pooled one would hide what nginx and the instances do with connections.
      agent: false,
      localAddress: opts.from,
      timeout: opts.timeoutMs ?? 15_000,
      headers: {
        ...(payload
          ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) }
          : {}),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
    });
    req.once("response", resolve);
    req.once("timeout", () => req.destroy(new Error(`request to ${url} timed out`)));
    req.once("error", reject);
    req.end(payload);
  });
}

/** One HTTP request; the body is parsed as JSON when it is JSON. */
export async function request<T = unknown>(url: string, opts: RequestOptions = {}): Promise<Response<T>> {
  const started = performance.now();
  const res = await send(url, opts);
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  const json = String(res.headers["content-type"] ?? "").includes("json");
  return {
    status: res.statusCode ?? 0,
    headers: res.headers,
    body: (json && text ? JSON.parse(text) : text) as T,
    ms: performance.now() - started,
  };
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/**
 * A server-sent-events request read as it arrives: `next()` resolves with each event when it comes in, so a
 * test can act between two events (and prove the first one arrived before the stream ended).
 */
export async function openEventStream(
  url: string,
  opts: RequestOptions,
): Promise<{ status: number; headers: IncomingHttpHeaders; next(): Promise<SseEvent | null> }> {
  const res = await send(url, { ...opts, headers: { accept: "text/event-stream", ...opts.headers } });
  const queue: Array<SseEvent | null> = [];
  const waiting: Array<(e: SseEvent | null) => void> = [];
  const push = (e: SseEvent | null) => {
    const w = waiting.shift();
    if (w) w(e);
    else queue.push(e);
  };
  let buffer = "";
  res.setEncoding("utf8");
  res.on("data", (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = /^data: (.*)$/m.exec(block)?.[1];
      push({ event, data: data ? JSON.parse(data) : null });
    }
  });
  res.on("end", () => push(null));
  res.on("error", () => push(null));
  return {
    status: res.statusCode ?? 0,
    headers: res.headers,
    next: () =>
      new Promise((resolve) => {
        if (queue.length > 0) resolve(queue.shift() as SseEvent | null);
        else waiting.push(resolve);
      }),
  };
}

/**
 * Polls `check` until it returns true: a wait on a real condition, with a deadline that only turns a hang into
 * a failure (never a timing assertion).
 */
export async function waitFor(what: string, check: () => Promise<boolean>, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
