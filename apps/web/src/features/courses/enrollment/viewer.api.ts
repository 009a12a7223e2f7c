import { type CourseDetail, courseDetailSchema, type Enrollment, enrollmentSchema } from "@lumen/contracts";
import { authRequest } from "@/features/auth/session";

// GET /courses/{id} as the signed-in user: the same course, plus their `enrollment` and `access`.
export function getCourseAsViewer(courseId: string): Promise<CourseDetail> {
  return authRequest(`/courses/${encodeURIComponent(courseId)}`, courseDetailSchema);
}

// POST /courses/{id}/enroll – idempotent; a paid course answers 402 without premium (or an admin grant).
export function enrollInCourse(courseId: string): Promise<Enrollment> {
  return authRequest(`/courses/${encodeURIComponent(courseId)}/enroll`, enrollmentSchema, { method: "POST" });
}

// DELETE /courses/{id}/enroll – leave the course; the progress is kept for a return.
export function leaveCourse(courseId: string): Promise<Enrollment> {
  return authRequest(`/courses/${encodeURIComponent(courseId)}/enroll`, enrollmentSchema, { method: "DELETE" });
}
