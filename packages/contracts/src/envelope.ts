import { z } from "zod";
import { ERROR_CODES } from "./errors.js";

export const errorBodySchema = z.object({
  success: z.literal(false),
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
  timestamp: z.string(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** `{success: true, data, message, timestamp}` around a data schema. */
export function envelope<T extends z.ZodType>(data: T) {
  return z.object({
    success: z.literal(true),
    data,
    message: z.string(),
    timestamp: z.string(),
  });
}

export type Envelope<T> = { success: true; data: T; message: string; timestamp: string };

export const DEFAULT_PAGE_SIZE = 20;

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().min(1).max(500).optional(),
});

function buildPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}

// One page schema per item schema: the API's OpenAPI document names it once (`CourseSummaryPage`) instead of
// repeating the same object inline on every route that lists that item.
const pages = new WeakMap<z.ZodType, ReturnType<typeof buildPage>>();

/** `{items, next_cursor}` list payload (the same schema object for the same item schema). */
export function pageOf<T extends z.ZodType>(item: T): ReturnType<typeof buildPage<T>> {
  let page = pages.get(item);
  if (!page) {
    page = buildPage(item);
    pages.set(item, page);
  }
  return page as ReturnType<typeof buildPage<T>>;
}
export type Page<T> = { items: T[]; next_cursor: string | null };
