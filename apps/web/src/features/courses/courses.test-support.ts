import type { CourseDetail } from "@lumen/contracts";
import { courseSummary } from "@/test/fixtures";

type Lesson = CourseDetail["modules"][number]["lessons"][number];

export function lesson(overrides: Partial<Lesson> = {}): Lesson {
  return {
    id: "l-1",
    title: "Why plants need light",
    kind: "video",
    duration_seconds: 600,
    is_preview: false,
    position: 0,
    has_quiz: false,
    ...overrides,
  };
}

/** The photosynthesis course as its page sees it: two modules, one video lesson each, no outcomes yet. */
export function courseDetail(overrides: Partial<CourseDetail> = {}): CourseDetail {
  return {
    ...courseSummary(),
    outcomes: [],
    certificates_enabled: true,
    modules: [
      { id: "m-1", title: "Light reactions", position: 0, lessons: [lesson({ id: "l-1", position: 0 })] },
      { id: "m-2", title: "The Calvin cycle", position: 1, lessons: [lesson({ id: "l-2", position: 0 })] },
    ],
    enrollment: null,
    access: { can_edit: false, can_view_content: false, requires_premium: false },
    ...overrides,
  };
}

/** The visible text of server-rendered HTML, with the entities React writes decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}
