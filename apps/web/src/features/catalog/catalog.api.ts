import { courseSummarySchema, pageOf, suggestionSchema } from "@lumen/contracts";
import { z } from "zod";
import { type ApiClient, type ApiRequestOptions, api } from "@/lib/api-client";

export type CourseSuggestion = z.infer<typeof suggestionSchema>;

const suggestionList = z.object({ items: z.array(suggestionSchema) });
const courseSummaryPage = pageOf(courseSummarySchema);

/** The API's ceiling on `limit`. */
const FULL_PAGE = 100;
/** A safety stop: 5,000 published courses is far beyond this catalog, and the list is cached. */
const MAX_PAGES = 50;

// GET /courses/suggest?q= – course titles for search-as-you-type (prefix and typo tolerant).
export async function suggestCourses(
  q: string,
  options: Pick<ApiRequestOptions, "signal"> & { limit?: number } = {},
  client: ApiClient = api,
): Promise<CourseSuggestion[]> {
  const { limit, ...rest } = options;
  const data = await client.request("/courses/suggest", suggestionList, { ...rest, query: { q, limit } });
  return data.items;
}

/**
 * The categories that published courses use, in alphabetical order. The API has no category endpoint, so
 * they come from walking the catalog; the pages are cached for five minutes, shared by every visitor.
 * Categories that differ only in case are one category (the API filters case-insensitively).
 */
export async function listCategories(client: ApiClient = api): Promise<string[]> {
  const byKey = new Map<string, string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await client.request("/courses", courseSummaryPage, {
      query: { limit: FULL_PAGE, sort: "newest", cursor },
      next: { revalidate: 300 },
    });
    for (const course of result.items) {
      const key = course.category.trim().toLowerCase();
      if (key && !byKey.has(key)) byKey.set(key, course.category.trim());
    }
    if (!result.next_cursor) break;
    cursor = result.next_cursor;
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
}
