import { categoryListSchema, type Suggestion, suggestionListSchema } from "@lumen/contracts";
import { type ApiClient, type ApiRequestOptions, api } from "@/lib/api-client";

export type CourseSuggestion = Suggestion;

// GET /courses/suggest?q= – course titles for search-as-you-type (prefix and typo tolerant).
export async function suggestCourses(
  q: string,
  options: Pick<ApiRequestOptions, "signal"> & { limit?: number } = {},
  client: ApiClient = api,
): Promise<CourseSuggestion[]> {
  const { limit, ...rest } = options;
  const data = await client.request("/courses/suggest", suggestionListSchema, { ...rest, query: { q, limit } });
  return data.items;
}

// GET /courses/categories – the published catalog's categories, alphabetical, each once (case-folded).
export async function listCategories(
  options: Omit<ApiRequestOptions, "query" | "method" | "body"> = {},
  client: ApiClient = api,
): Promise<string[]> {
  const data = await client.request("/courses/categories", categoryListSchema, options);
  return data.items.map((c) => c.name);
}
