import type { CourseDetail, Lesson, Progress } from "@lumen/contracts";
import { type Handler, ok } from "@/test/fake-api";
import { courseSummary } from "@/test/fixtures";

// Fixtures for learning-room component tests: a course of two reading lessons that Sam is enrolled in.

export const COURSE_ID = "c0a8012e-7d1f-4a55-9d0e-3f5b1c2a9e01";
export const FIRST = "11111111-1111-4111-8111-111111111111";
export const SECOND = "22222222-2222-4222-8222-222222222222";

export function roomCourse(overrides: Partial<CourseDetail> = {}): CourseDetail {
  return {
    ...courseSummary({ id: COURSE_ID }),
    outcomes: [],
    certificates_enabled: true,
    modules: [
      {
        id: "m-1",
        title: "Light",
        position: 0,
        lessons: [
          {
            id: FIRST,
            title: "Why plants",
            kind: "text",
            duration_seconds: 277,
            is_preview: true,
            position: 0,
            has_quiz: false,
          },
          {
            id: SECOND,
            title: "Chlorophyll",
            kind: "text",
            duration_seconds: 120,
            is_preview: false,
            position: 1,
            has_quiz: false,
          },
        ],
      },
    ],
    enrollment: {
      id: "e-1",
      course_id: COURSE_ID,
      user_id: "u-sam",
      status: "active",
      progress_percentage: 0,
      completed_lessons: 0,
      last_accessed: null,
      completed_at: null,
      created_at: "2026-01-02T00:00:00.000Z",
    },
    access: { can_edit: false, can_view_content: true, requires_premium: false },
    ...overrides,
  };
}

export function roomLesson(overrides: Partial<Lesson> = {}): Lesson {
  return {
    id: FIRST,
    course_id: COURSE_ID,
    module_id: "m-1",
    title: "Why plants",
    kind: "text",
    content_md: "Plants make sugar from light.",
    video_url: null,
    duration_seconds: 277,
    transcript_vtt: null,
    is_preview: true,
    position: 0,
    has_quiz: false,
    created_at: "2026-01-01T00:00:00.000Z",
    updated_at: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

export function lessonProgress(lessonId: string, completed: boolean): Progress {
  return {
    lesson_id: lessonId,
    course_id: COURSE_ID,
    video_progress: { watch_percentage: 0, position_seconds: 0, resume_seconds: 0, is_completed: completed },
    quiz_progress: null,
    completed_at: completed ? "2026-01-03T00:00:00.000Z" : null,
    updated_at: "2026-01-03T00:00:00.000Z",
  };
}

/** The calls the room makes on opening `lesson` for an enrolled learner with no progress yet. */
export function roomRoutes(
  lesson: Lesson = roomLesson(),
  course: CourseDetail = roomCourse(),
): Record<string, Handler> {
  return {
    [`GET /courses/${COURSE_ID}`]: ok(course),
    [`GET /lessons/${lesson.id}`]: ok(lesson),
    [`GET /courses/${COURSE_ID}/progress`]: ok({ course_id: COURSE_ID, progress_percentage: 0, lessons: [] }),
    [`POST /lessons/${lesson.id}/start`]: ok(lessonProgress(lesson.id, false)),
    "GET /ai/conversations": ok({ items: [], next_cursor: null }),
    [`GET /courses/${COURSE_ID}/notes`]: ok({ items: [] }),
  };
}
