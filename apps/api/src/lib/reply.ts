import { envelope } from "@lumen/contracts";
import type { z } from "zod";

/** Builds the success envelope; routes return this so the response schema validates it. */
export function ok<T>(data: T, message = "OK") {
  return { success: true as const, data, message, timestamp: new Date().toISOString() };
}

/** Response schema map for a route: the success status with its data schema in the envelope. */
export function responds<T extends z.ZodType>(data: T, status = 200) {
  return { [status]: envelope(data) } as Record<number, ReturnType<typeof envelope<T>>>;
}
