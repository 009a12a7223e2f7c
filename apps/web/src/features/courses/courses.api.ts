import { type CourseSummary, courseSummarySchema, type Page, pageOf } from "@lumen/contracts";
import { type ApiClient, type ApiRequestOptions, api } from "@/lib/api-client";

const courseSummaryPage = pageOf(courseSummarySchema);

export interface CourseListParams {
  limit?: number;
  cursor?: string;
  q?: string;
  category?: string;
  level?: CourseSummary["level"];
  is_free?: boolean;
  sort?: "newest" | "popular" | "rating" | "relevance";
}

// GET /courses – published courses only, cursor-paginated.
export function listCourses(
  params: CourseListParams = {},
  options: Omit<ApiRequestOptions, "query" | "method" | "body"> = {},
  client: ApiClient = api,
): Promise<Page<CourseSummary>> {
  return client.request("/courses", courseSummaryPage, { ...options, query: { ...params } });
}
