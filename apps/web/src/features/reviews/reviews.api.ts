import {
  myReviewSchema,
  type Page,
  pageOf,
  type Review,
  type ReviewReplyUpsert,
  type ReviewUpsert,
  reviewSchema,
} from "@lumen/contracts";
import { z } from "zod";
import { authRequest } from "@/features/auth/session";
import { type ApiClient, type ApiRequestOptions, api } from "@/lib/api-client";

const reviewPage = pageOf(reviewSchema);
export const REVIEW_PAGE_SIZE = 6;

const path = (courseId: string) => `/courses/${encodeURIComponent(courseId)}/reviews`;

// GET /courses/{id}/reviews – public, newest first, keyset pages.
export function listReviews(
  courseId: string,
  params: { cursor?: string; limit?: number } = {},
  options: Omit<ApiRequestOptions, "query" | "method" | "body"> = {},
  client: ApiClient = api,
): Promise<Page<Review>> {
  return client.request(path(courseId), reviewPage, {
    ...options,
    query: { limit: params.limit ?? REVIEW_PAGE_SIZE, cursor: params.cursor },
  });
}

// GET /courses/{id}/reviews/me – the signed-in learner's review, or null when they haven't written one.
export function getMyReview(courseId: string): Promise<Review | null> {
  return authRequest(`${path(courseId)}/me`, myReviewSchema);
}

// PUT /courses/{id}/reviews/me – creates or edits it; the course's rating is recounted at once.
export function saveMyReview(courseId: string, review: ReviewUpsert): Promise<Review> {
  return authRequest(`${path(courseId)}/me`, reviewSchema, { method: "PUT", body: review });
}

// DELETE /courses/{id}/reviews/me
export async function deleteMyReview(courseId: string): Promise<void> {
  await authRequest(`${path(courseId)}/me`, z.null(), { method: "DELETE" });
}

const replyPath = (courseId: string, reviewId: string) => `${path(courseId)}/${encodeURIComponent(reviewId)}/reply`;

// PUT /courses/{id}/reviews/{reviewId}/reply – the course's creator (or an admin) answers a review publicly.
export function saveReviewReply(courseId: string, reviewId: string, reply: ReviewReplyUpsert): Promise<Review> {
  return authRequest(replyPath(courseId, reviewId), reviewSchema, { method: "PUT", body: reply });
}

// DELETE /courses/{id}/reviews/{reviewId}/reply
export function deleteReviewReply(courseId: string, reviewId: string): Promise<Review> {
  return authRequest(replyPath(courseId, reviewId), reviewSchema, { method: "DELETE" });
}
