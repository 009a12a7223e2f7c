import { AppError } from "./errors.js";

/** Opaque keyset cursors: base64url JSON of the last row's sort key and id. */
export function encodeCursor(value: Record<string, string | number | null>): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor<T extends Record<string, unknown>>(cursor: string, isValid: (v: unknown) => v is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (isValid(value)) return value;
  } catch {
    // fall through to the validation error
  }
  throw new AppError("VALIDATION_ERROR", "Invalid cursor", {
    fields: { cursor: ["Invalid cursor"] },
    in: "querystring",
  });
}

export interface TimeCursor {
  t: string;
  id: string;
  [k: string]: unknown;
}
export const isTimeCursor = (v: unknown): v is TimeCursor =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as TimeCursor).t === "string" &&
  !Number.isNaN(Date.parse((v as TimeCursor).t)) &&
  typeof (v as TimeCursor).id === "string" &&
  /^[0-9a-f-]{36}$/i.test((v as TimeCursor).id);

/**
 * One page of a newest-first keyset listing: the repo fetched `limit + 1` rows, so a row beyond the page
 * means there is more, and the last row of the page is where the next one starts.
 */
export function timePage<R, T>(
  rows: R[],
  limit: number,
  present: (row: R) => T,
  keyOf: (row: R) => { at: Date; id: string },
): { items: T[]; next_cursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const key = rows.length > limit && last !== undefined ? keyOf(last) : null;
  return { items: items.map(present), next_cursor: key ? encodeCursor({ t: key.at.toISOString(), id: key.id }) : null };
}
