import { z } from "zod";

/**
 * How the API tells the web app which of Next's cached pages to regenerate (POST /api/revalidate on the web app).
 * Tags mirror the API's cache versions: `catalog` (every list of published courses) and `course:<id>` (one course's
 * page and reviews). The body is signed, never sent with the secret: the signature header carries the send time
 * and HMAC-SHA256(REVALIDATE_SECRET, `${time}.${body}`) in hex, and is refused once older than the tolerance.
 */
export const REVALIDATE_SIGNATURE_HEADER = "x-lumen-signature";
export const REVALIDATE_TOLERANCE_SECONDS = 300;
/** More tags than this in one call is a bug (a burst is coalesced per course, then split into several calls). */
export const REVALIDATE_MAX_TAGS = 100;

const tag = z.string().regex(/^(catalog|course:[A-Za-z0-9_-]{1,64})$/, "catalog or course:<id>");

export const revalidateBodySchema = z.object({
  tags: z
    .array(tag)
    .min(1)
    .max(REVALIDATE_MAX_TAGS)
    .transform((tags) => [...new Set(tags)]),
});
export type RevalidateBody = z.input<typeof revalidateBodySchema>;

/** `t=<unix seconds>,v1=<hex hmac>` */
export function formatRevalidateSignature(time: number, hmacHex: string): string {
  return `t=${time},v1=${hmacHex}`;
}

export function parseRevalidateSignature(value: string | null): { time: number; hmacHex: string } | null {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(value?.trim() ?? "");
  return match ? { time: Number(match[1]), hmacHex: match[2] as string } : null;
}

/** What the HMAC covers: the time and the exact body bytes. */
export const revalidateSignedPayload = (time: number, body: string) => `${time}.${body}`;
