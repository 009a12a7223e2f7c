import {
  dailyReviewSchema,
  dailyReviewStatsSchema,
  type RecallGradeResult,
  type RecallRating,
  recallGradeResultSchema,
} from "@lumen/contracts";
import { authRequest } from "@/features/auth/session";
import { lessonHref } from "@/features/courses/enrollment/lesson-href";

// The daily review's calls, each as the signed-in learner.

/** GET /review/stats – due count, reviewed today, whether today's review is done (the dashboard card). */
export const reviewStats = { path: "/review/stats", schema: dailyReviewStatsSchema };

/** GET /review/today – the cards due today, at most 20. */
export const todaysCards = { path: "/review/today", schema: dailyReviewSchema };

/** POST /review/cards/:id/grade – `reviewId` names this one review, so a resend can't grade the card twice. */
export const gradeCard = (cardId: string, reviewId: string, rating: RecallRating): Promise<RecallGradeResult> =>
  authRequest(`/review/cards/${cardId}/grade`, recallGradeResultSchema, {
    method: "POST",
    body: { review_id: reviewId, rating },
  });

/** "Watch this moment": the lesson at the cue's second (the learning room reads `t`), or the lesson itself. */
export function momentHref(card: { course_id: string; lesson_id: string; cue_seconds: number | null }): string {
  const base = lessonHref(card.course_id, card.lesson_id);
  return card.cue_seconds === null ? base : `${base}?t=${Math.floor(card.cue_seconds)}`;
}
