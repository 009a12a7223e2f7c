// Test helpers for the studio's component tests (imported only by *.test.tsx files).
import type { CourseDetail, Lesson } from "@lumen/contracts";
import { courseSummary, testUser } from "@/test/fixtures";
import { signInAs } from "@/test/session";

export { deferred, failure, ok, restoreApi, serveApi } from "@/test/fake-api";
export { renderWithRouter } from "@/test/router";

export const COURSE_ID = "c0a8012e-7d1f-4a55-9d0e-3f5b1c2a9e01";
export const MODULE_A = "0b8f4a31-6a2e-4b59-9f1e-7c1a2d3e4f01";
export const MODULE_B = "0b8f4a31-6a2e-4b59-9f1e-7c1a2d3e4f02";
export const LESSON_1 = "1c9e5b42-7b3f-4c6a-8a2f-8d2b3e4f5a01";
export const LESSON_2 = "1c9e5b42-7b3f-4c6a-8a2f-8d2b3e4f5a02";
export const LESSON_3 = "1c9e5b42-7b3f-4c6a-8a2f-8d2b3e4f5a03";

/** Ada, the creator whose studio the tests open. */
export function signInCreator(): void {
  signInAs(
    testUser({
      id: "u-ada",
      email: "ada@lumen.dev",
      full_name: "Ada Whitfield",
      role: "creator",
      email_verified: true,
    }),
    "token-ada",
  );
}

const outlineLesson = (id: string, title: string, position: number) => ({
  id,
  title,
  kind: "video" as const,
  duration_seconds: 120,
  is_preview: false,
  position,
  has_quiz: false,
});

export function studioCourse(overrides: Partial<CourseDetail> = {}): CourseDetail {
  return {
    ...courseSummary({ id: COURSE_ID, status: "draft", published_at: null, thumbnail_url: null }),
    outcomes: ["Read a map"],
    certificates_enabled: true,
    modules: [
      {
        id: MODULE_A,
        title: "Basics",
        position: 0,
        lessons: [outlineLesson(LESSON_1, "Light", 0), outlineLesson(LESSON_2, "Water", 1)],
      },
      { id: MODULE_B, title: "Going further", position: 1, lessons: [outlineLesson(LESSON_3, "Sugar", 0)] },
    ],
    enrollment: null,
    access: { can_edit: true, can_view_content: true, requires_premium: false },
    ...overrides,
  };
}

export function studioLesson(overrides: Partial<Lesson> = {}): Lesson {
  return {
    id: LESSON_1,
    course_id: COURSE_ID,
    module_id: MODULE_A,
    title: "Light",
    kind: "video",
    content_md: "# Light\n\nPlants catch it.",
    video_url: null,
    duration_seconds: 0,
    transcript_vtt: null,
    is_preview: false,
    position: 0,
    has_quiz: false,
    created_at: "2026-01-01T00:00:00.000Z",
    updated_at: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}
