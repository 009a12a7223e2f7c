import { z } from "zod";
import { pageQuerySchema } from "./envelope.js";

export const MAX_REVIEW_LENGTH = 5000;

/** `PUT /courses/:id/reviews/me`: creates or edits the caller's review; an omitted body keeps the current text. */
export const reviewUpsertSchema = z.object({
  rating: z
    .number()
    .int("A rating is a whole number of stars from 1 to 5")
    .min(1, "A rating is a whole number of stars from 1 to 5")
    .max(5, "A rating is a whole number of stars from 1 to 5"),
  body: z.string().trim().max(MAX_REVIEW_LENGTH, `A review must be at most ${MAX_REVIEW_LENGTH} characters`).optional(),
});
export type ReviewUpsert = z.infer<typeof reviewUpsertSchema>;

export const MAX_REVIEW_REPLY_LENGTH = 2000;

/** `PUT /courses/:id/reviews/:reviewId/reply`: the course creator's (or an admin's) public answer to a review. */
export const reviewReplyUpsertSchema = z.object({
  body: z
    .string("Write the reply as text")
    .trim()
    .min(1, "Write a reply")
    .max(MAX_REVIEW_REPLY_LENGTH, `A reply must be at most ${MAX_REVIEW_REPLY_LENGTH} characters`),
});
export type ReviewReplyUpsert = z.infer<typeof reviewReplyUpsertSchema>;

export const reviewReplySchema = z.object({
  body: z.string(),
  /** When the reply was first posted. */
  created_at: z.string(),
  updated_at: z.string(),
  /** Who wrote it (the course's creator or an admin); null if that account no longer exists. */
  author: z.object({ id: z.string(), full_name: z.string(), avatar_url: z.string().nullish() }).nullable(),
});
export type ReviewReply = z.infer<typeof reviewReplySchema>;

export const reviewSchema = z.object({
  id: z.string(),
  course_id: z.string(),
  rating: z.number().int(),
  body: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  user: z.object({
    id: z.string(),
    full_name: z.string(),
    /** The author's picture (an uploaded image), or null for initials. */
    avatar_url: z.string().nullish(),
  }),
  /** The course creator's public reply, or null while there is none. */
  reply: reviewReplySchema.nullable(),
});
export type Review = z.infer<typeof reviewSchema>;
/** GET /courses/{id}/reviews/me: the caller's review, or null when they haven't written one yet. */
export const myReviewSchema = reviewSchema.nullable();

export const reviewListQuerySchema = pageQuerySchema;
