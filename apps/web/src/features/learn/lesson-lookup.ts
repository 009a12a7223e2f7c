import { type CourseDetail, courseDetailSchema } from "@lumen/contracts";
import { z } from "zod";
import { type ApiClient, api, isApiError } from "@/lib/api-client";

const id = z.uuid();

/**
 * What the server can tell, before the page streams, about a learning-room address: `missing` when it links to
 * nothing (a malformed id, or a lesson that isn't in a course everyone can see), so the page answers 404; else
 * the public course when there is one. A course guests can't see (a draft, an archived course) may still open for
 * its owner or enrolled learners, so that case is left to the room, which loads as the signed-in user.
 */
export async function lookUpLesson(
  courseId: string,
  lessonId: string,
  client: Pick<ApiClient, "request"> = api,
): Promise<{ kind: "missing" } | { kind: "found"; course: CourseDetail | null }> {
  if (!id.safeParse(courseId).success || !id.safeParse(lessonId).success) return { kind: "missing" };
  let course: CourseDetail;
  try {
    course = await client.request(`/courses/${encodeURIComponent(courseId)}`, courseDetailSchema, {
      timeoutMs: 3000,
    });
  } catch (error) {
    if (isApiError(error)) return { kind: "found", course: null };
    throw error;
  }
  const listed = course.modules.some((m) => m.lessons.some((l) => l.id === lessonId));
  return listed ? { kind: "found", course } : { kind: "missing" };
}
