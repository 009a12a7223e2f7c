import { createHmac, timingSafeEqual } from "node:crypto";
import {
  ERROR_STATUS,
  type ErrorCode,
  parseRevalidateSignature,
  REVALIDATE_SIGNATURE_HEADER,
  REVALIDATE_TOLERANCE_SECONDS,
  revalidateBodySchema,
  revalidateSignedPayload,
} from "@lumen/contracts";

/** A body this large is not a list of at most 100 short tags. */
const MAX_BODY_BYTES = 16 * 1024;

export interface RevalidateDeps {
  /** The shared secret; null when none is configured (every call is refused). */
  secret: string | null;
  /** Expires one tag in Next's cache. */
  revalidate: (tag: string) => void;
  /** Unix milliseconds. */
  now: () => number;
}

function failure(code: ErrorCode, message: string, details?: Record<string, unknown>): Response {
  return Response.json(
    { success: false, error: { code, message, ...(details ? { details } : {}) }, timestamp: new Date().toISOString() },
    { status: ERROR_STATUS[code], headers: { "cache-control": "no-store" } },
  );
}

/** Compares in constant time (for equal lengths; lengths are public: both are 64 hex characters). */
function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The body as text, or null as soon as it passes `max` bytes (the rest is not read). */
async function readCapped(request: Request, max: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * POST /api/revalidate – the API's "these courses changed" (apps/api/src/lib/web-revalidation.ts). Checks the
 * signature (HMAC of the time and body with REVALIDATE_SECRET, at most REVALIDATE_TOLERANCE_SECONDS old), then the
 * body ({tags: ["catalog", "course:<id>", …]}, at most 100), and expires each tag, answering in the API's envelope.
 */
export async function handleRevalidate(request: Request, deps: RevalidateDeps): Promise<Response> {
  if (!deps.secret) return failure("SERVICE_UNAVAILABLE", "Cache revalidation is not configured on this server.");
  const signature = parseRevalidateSignature(request.headers.get(REVALIDATE_SIGNATURE_HEADER));
  if (!signature) return failure("UNAUTHORIZED", "The request is not signed.");
  const ageSeconds = Math.abs(deps.now() / 1000 - signature.time);
  if (ageSeconds > REVALIDATE_TOLERANCE_SECONDS) return failure("UNAUTHORIZED", "The signature has expired.");

  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return failure("PAYLOAD_TOO_LARGE", "The body is too large.");
  // Read with a cap: a chunked body says no length, and nobody has been authenticated yet.
  const body = await readCapped(request, MAX_BODY_BYTES);
  if (body === null) return failure("PAYLOAD_TOO_LARGE", "The body is too large.");

  const expected = createHmac("sha256", deps.secret)
    .update(revalidateSignedPayload(signature.time, body))
    .digest("hex");
  if (!sameHex(expected, signature.hmacHex)) return failure("UNAUTHORIZED", "The signature does not match.");

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return failure("VALIDATION_ERROR", "The body is not JSON.");
  }
  const parsed = revalidateBodySchema.safeParse(json);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "body", i.message]));
    return failure("VALIDATION_ERROR", 'The body must be {tags: ["catalog" | "course:<id>", …]}.', { fields });
  }
  for (const tag of parsed.data.tags) deps.revalidate(tag);
  return Response.json(
    {
      success: true,
      data: { revalidated: parsed.data.tags },
      message: `Revalidated ${parsed.data.tags.length} tag${parsed.data.tags.length === 1 ? "" : "s"}.`,
      timestamp: new Date().toISOString(),
    },
    { headers: { "cache-control": "no-store" } },
  );
}
