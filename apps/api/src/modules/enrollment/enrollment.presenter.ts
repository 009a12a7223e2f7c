import type { Enrollment } from "@lumen/contracts";
import type { EnrollmentRow } from "./enrollment.repo.js";

export function presentEnrollment(e: EnrollmentRow): Enrollment {
  return {
    id: e.id,
    course_id: e.courseId,
    user_id: e.userId,
    status: e.status,
    progress_percentage: Math.round(e.progressPercentage * 100) / 100,
    completed_lessons: e.completedLessons,
    last_accessed: e.lastAccessedAt?.toISOString() ?? null,
    completed_at: e.completedAt?.toISOString() ?? null,
    created_at: e.createdAt.toISOString(),
  };
}
