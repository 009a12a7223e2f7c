import { createHmac } from "node:crypto";
import {
  formatRevalidateSignature,
  REVALIDATE_MAX_TAGS,
  REVALIDATE_SIGNATURE_HEADER,
  revalidateSignedPayload,
} from "@lumen/contracts";

/**
 * The adapter that tells the web app which of Next's cached pages to regenerate (POST to each of
 * $WEB_REVALIDATE_URL, every web app instance's /api/revalidate). Called by `courseChanged` (lib/cache-public.ts) after every write that changes a
 * course's public view, so its tags mirror the API's cache versions: `course:<id>` and `catalog`.
 *
 * - Bursts are coalesced: tags gathered over `windowMs` (1 s) go out in one call (enrollments move counts often).
 * - Fire-and-forget: `courseChanged` returns at once and never throws; a call that fails or takes longer than
 *   `timeoutMs` is logged and counted (`lumen_web_revalidations_total{outcome}`), never retried: the web app's
 *   time-based revalidation (5 minutes) is the safety net, and a write is never slowed down or failed by it.
 * - Signed: HMAC-SHA256 of the time and body with the shared secret (see packages/contracts/src/revalidate.ts);
 *   the secret itself never travels.
 */
export interface WebRevalidationOptions {
  /** Every web app instance's /api/revalidate: each caches pages on its own, so each is told. */
  urls: string[];
  secret: string;
  windowMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Unix milliseconds, for the signature's time. */
  now?: () => number;
  /** Runs `send` after `ms`; returns a cancel. Tests pass a manual scheduler. */
  schedule?: (send: () => void, ms: number) => () => void;
  onOutcome?: (outcome: "ok" | "error", tags: number) => void;
  log?: { warn: (obj: Record<string, unknown>, msg: string) => void };
}

export interface WebRevalidator {
  courseChanged(courseId: string): void;
  /** Sends what is pending now and waits for every call in flight (each bounded by the timeout). */
  flush(): Promise<void>;
  /** Calls in flight have settled (tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const timer = (send: () => void, ms: number) => {
  const handle = setTimeout(send, ms);
  handle.unref();
  return () => clearTimeout(handle);
};

export function createWebRevalidator(options: WebRevalidationOptions): WebRevalidator {
  const windowMs = options.windowMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 2000;
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const schedule = options.schedule ?? timer;
  const pending = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let cancel: (() => void) | null = null;
  let closed = false;

  async function post(url: string, tags: string[]): Promise<void> {
    const body = JSON.stringify({ tags });
    const time = Math.floor(now() / 1000);
    const hmac = createHmac("sha256", options.secret).update(revalidateSignedPayload(time, body)).digest("hex");
    try {
      const response = await doFetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [REVALIDATE_SIGNATURE_HEADER]: formatRevalidateSignature(time, hmac),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      options.onOutcome?.("ok", tags.length);
    } catch (err) {
      options.onOutcome?.("error", tags.length);
      options.log?.warn(
        { err, tags: tags.length, url },
        "web revalidation failed; the web app's cached pages refresh on their timer",
      );
    }
  }

  function send(): void {
    cancel = null;
    const tags = [...pending];
    pending.clear();
    for (let i = 0; i < tags.length; i += REVALIDATE_MAX_TAGS) {
      for (const url of options.urls) {
        const call = post(url, tags.slice(i, i + REVALIDATE_MAX_TAGS));
        inFlight.add(call);
        void call.finally(() => inFlight.delete(call));
      }
    }
  }

  async function flush(): Promise<void> {
    cancel?.();
    cancel = null;
    if (pending.size > 0) send();
    await idle();
  }

  async function idle(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  }

  return {
    courseChanged(courseId) {
      if (closed) return;
      pending.add(`course:${courseId}`);
      pending.add("catalog");
      cancel ??= schedule(send, windowMs);
    },
    flush,
    idle,
    async close() {
      closed = true;
      await flush();
    },
  };
}
