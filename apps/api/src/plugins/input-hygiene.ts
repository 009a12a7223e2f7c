import type { FastifyInstance } from "fastify";
import { AppError } from "../lib/errors.js";

/** The path of the first string holding a NUL character, or null. */
function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path || "_" : null;
  if (depth > 32 || value === null || typeof value !== "object") return null;
  for (const [key, child] of Object.entries(value)) {
    const found = findNul(child, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * PostgreSQL text can't hold a NUL character: one in a query or body reached the database and answered 500.
 * Any string input holding one is refused up front with a 400 naming the field.
 */
export function registerInputHygiene(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    for (const [where, value] of [
      ["querystring", request.query],
      ["params", request.params],
      ["body", request.body],
    ] as const) {
      const field = findNul(value, "");
      if (field) {
        throw new AppError("VALIDATION_ERROR", "Text can't contain NUL characters", {
          in: where,
          fields: { [field]: ["Must not contain NUL characters"] },
        });
      }
    }
  });
}
