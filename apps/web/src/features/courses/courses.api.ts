import {
  type CourseDetail,
  type CourseSummary,
  courseDetailSchema,
  courseSummarySchema,
  type Page,
  pageOf,
} from "@lumen/contracts";
import { type ApiClient, type ApiRequestOptions, api } from "@/lib/api-client";

const courseSummaryPage = pageOf(courseSummarySchema);

export interface CourseListParams {
  limit?: number;
  cursor?: string;
  q?: string;
  category?: string;
  level?: CourseSummary["level"];
  is_free?: boolean;
  creator_id?: string;
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

// GET /courses/{id} – detail with the outline; `enrollment` and `access` describe the caller.
export function getCourse(
  courseId: string,
  options: Omit<ApiRequestOptions, "query" | "method" | "body"> = {},
  client: ApiClient = api,
): Promise<CourseDetail> {
  return client.request(`/courses/${encodeURIComponent(courseId)}`, courseDetailSchema, options);
}

/** The first lesson of the outline (modules and lessons arrive in order), or null for an empty course. */
export function firstLessonId(course: Pick<CourseDetail, "modules">): string | null {
  for (const module of course.modules) {
    const lesson = module.lessons[0];
    if (lesson) return lesson.id;
  }
  return null;
}
