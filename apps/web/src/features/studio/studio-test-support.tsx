// Test helpers for the studio's component tests (imported only by *.test.tsx files).
import type { CourseDetail, Lesson, User } from "@lumen/contracts";
import { render } from "@testing-library/react";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import type { ReactElement } from "react";
import { vi } from "vitest";
import { setSessionClient, useSession } from "@/features/auth/session";
import { createApiClient } from "@/lib/api-client";
import { courseSummary } from "@/test/fixtures";

export const COURSE_ID = "c0a8012e-7d1f-4a55-9d0e-3f5b1c2a9e01";
export const MODULE_A = "0b8f4a31-6a2e-4b59-9f1e-7c1a2d3e4f01";
export const MODULE_B = "0b8f4a31-6a2e-4b59-9f1e-7c1a2d3e4f02";
export const LESSON_1 = "1c9e5b42-7b3f-4c6a-8a2f-8d2b3e4f5a01";
export const LESSON_2 = "1c9e5b42-7b3f-4c6a-8a2f-8d2b3e4f5a02";
export const LESSON_3 = "1c9e5b42-7b3f-4c6a-8a2f-8d2b3e4f5a03";

export type Reply = { status: number; body: unknown };
export const ok = (data: unknown, status = 200): Reply => ({
  status,
  body: { success: true, data, message: "OK", timestamp: "2026-01-01T00:00:00Z" },
});
export const failure = (status: number, code: string, message: string, details?: Record<string, unknown>): Reply => ({
  status,
  body: {
    success: false,
    error: { code, message, ...(details ? { details } : {}) },
    timestamp: "2026-01-01T00:00:00Z",
  },
});

type Handler = Reply | ((body: unknown) => Reply | Promise<Reply>);

/**
 * The network boundary: the session's API client answers "METHOD /path" from a table (a reply, or a function of
 * the request body). Every call is recorded with its body.
 */
export function serveApi(routes: Record<string, Handler>) {
  const calls: { key: string; body: unknown }[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    const url = new URL(String(input));
    const key = `${init?.method ?? "GET"} ${url.pathname.replace("/api/v1", "")}`;
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    calls.push({ key, body });
    const route = routes[key];
    const reply = !route
      ? failure(404, "NOT_FOUND", `No stub for ${key}`)
      : typeof route === "function"
        ? await route(body)
        : route;
    return Response.json(reply.body, { status: reply.status });
  });
  setSessionClient(createApiClient({ baseUrl: "http://api.test", fetch }));
  return { fetch, calls, called: (key: string) => calls.filter((c) => c.key === key) };
}

export function signInCreator(): void {
  const user: User = {
    id: "u-ada",
    email: "ada@lumen.dev",
    full_name: "Ada Whitfield",
    role: "creator",
    premium_status: false,
    email_verified: true,
    disabled: false,
    subscription: { type: null, status: null, stripe_id: null },
    profile: {},
    stats: {
      lessons_completed: 0,
      minutes_learned: 0,
      current_streak_days: 0,
      best_streak_days: 0,
      last_active_date: null,
    },
    created_at: "2026-01-01T00:00:00.000Z",
  };
  useSession.setState({ status: "authenticated", user, accessToken: "token-ada", expiresAt: Date.now() + 600_000 });
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

/** Renders inside an app router stub (links and pushes go nowhere). */
export function renderWithRouter(ui: ReactElement) {
  const router = {
    push: vi.fn(),
    replace: vi.fn(),
    refresh: vi.fn(),
    prefetch: vi.fn(),
    back: vi.fn(),
    forward: vi.fn(),
  } as unknown as AppRouterInstance;
  return { router, ...render(<AppRouterContext value={router}>{ui}</AppRouterContext>) };
}
