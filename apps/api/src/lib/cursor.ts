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
