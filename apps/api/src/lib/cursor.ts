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

/**
 * Cursor fields reach SQL casts (`::uuid`, `::timestamptz`, `::int`), so each is checked to be exactly what its cast
 * accepts: a forged cursor must answer 400, never make the database throw (a 500).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A timestamp as `toISOString` writes it, or as PostgreSQL prints a timestamptz (`2024-05-01 10:00:00.123+00`). */
const INSTANT = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2})?)$/;
export const isUuid = (v: unknown): v is string => typeof v === "string" && UUID.test(v);
/** A timestamp SQL casts to timestamptz without error: a real calendar date (no 2024-02-31, no year 0). */
export const isIsoInstant = (v: unknown): v is string => {
  if (typeof v !== "string") return false;
  const day = INSTANT.exec(v)?.[1];
  if (!day || day.startsWith("0000")) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
};
const INT4_MAX = 2_147_483_647;
export const isInt4 = (v: unknown): v is number => Number.isInteger(v) && Math.abs(v as number) <= INT4_MAX;
export const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

export interface TimeCursor {
  t: string;
  id: string;
  [k: string]: unknown;
}
export const isTimeCursor = (v: unknown): v is TimeCursor =>
  typeof v === "object" && v !== null && isIsoInstant((v as TimeCursor).t) && isUuid((v as TimeCursor).id);

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
