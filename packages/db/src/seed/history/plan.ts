import type { QuizProgress, QuizQuestionRow } from "../../schema/index.js";
import type { DemoRewatchHotspot } from "../content/types.js";
import type { Segment } from "./segments.js";

/** The catalog as the history sees it: ids already chosen, lessons in course order. */
export interface CatalogLesson {
  id: string;
  /** Stable across seeds (the id is not): the course's slug and the lesson's place in it. */
  key: string;
  title: string;
  kind: "video" | "text";
  durationSeconds: number;
  quiz: { id: string; passMark: number; questions: QuizQuestionRow[] } | null;
  questions: Array<{ question: string; atSeconds: number | null }>;
  hotspots: Required<DemoRewatchHotspot>[];
}

export interface CatalogCourse {
  id: string;
  slug: string;
  category: string;
  isFree: boolean;
  /** Nobody enrolls before this instant. */
  publishedAt: number;
  lessons: CatalogLesson[];
}

export type AnalyticsEventType = "enrollment" | "lesson_start" | "lesson_completion" | "quiz_submitted" | "ai_chat";

/** Rows to insert, in memory: every id is chosen here, every time is an instant in ms. */
export interface ActivityPlan {
  enrollments: Array<{
    id: string;
    userId: string;
    courseId: string;
    createdAt: number;
    updatedAt: number;
    lastAccessedAt: number;
    completedAt: number | null;
    completedLessons: number;
    progressPercentage: number;
  }>;
  progress: Array<{
    id: string;
    userId: string;
    courseId: string;
    lessonId: string;
    durationSeconds: number;
    /** Already merged; stored through lumen_merge_segments / lumen_segments_coverage all the same. */
    watchedSegments: Segment[];
    positionSeconds: number;
    lastRewatch: Segment[];
    isCompleted: boolean;
    completedAt: number | null;
    quizProgress: QuizProgress | null;
    startedAt: number;
    updatedAt: number;
  }>;
  rewatches: Array<{ progressId: string; courseId: string; lessonId: string; segment: Segment; at: number }>;
  events: Array<{
    type: AnalyticsEventType;
    userId: string;
    courseId: string;
    lessonId: string | null;
    data: Record<string, unknown>;
    at: number;
  }>;
  attempts: Array<{
    userId: string;
    quizId: string;
    lessonId: string;
    courseId: string;
    answers: Array<{ question_id: string; answer: number | number[] | boolean | string }>;
    results: Array<{ question_id: string; correct: boolean }>;
    score: number;
    passed: boolean;
    at: number;
  }>;
  /** The AI usage log of the tutor's answers (the offline tutor: no tokens, no cost). */
  aiUsage: Array<{ userId: string; at: number; latencyMs: number; cached: boolean }>;
  reviews: Array<{ userId: string; courseId: string; rating: number; body: string; at: number }>;
  /** Admin grants: a paid course without premium. */
  grants: Array<{ userId: string; courseId: string; grantedBy: string; at: number }>;
}

export const emptyPlan = (): ActivityPlan => ({
  enrollments: [],
  progress: [],
  rewatches: [],
  events: [],
  attempts: [],
  aiUsage: [],
  reviews: [],
  grants: [],
});

/** Appends `more` to `plan` (plans are built per learner and gathered). */
export function appendPlan(plan: ActivityPlan, more: ActivityPlan): ActivityPlan {
  for (const key of Object.keys(plan) as Array<keyof ActivityPlan>) (plan[key] as unknown[]).push(...more[key]);
  return plan;
}
