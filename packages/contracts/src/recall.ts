import { z } from "zod";

/** The daily review shows at most this many cards: about five minutes of recall. */
export const DAILY_REVIEW_SIZE = 20;

/** FSRS ratings, as the four buttons (and keys 1–4) of the review page. */
export const RECALL_RATINGS = ["again", "hard", "good", "easy"] as const;
export type RecallRating = (typeof RECALL_RATINGS)[number];

export const recallCardSchema = z.object({
  id: z.string(),
  kind: z.enum(["definition", "key_idea"]),
  term: z.string(),
  meaning: z.string(),
  course_id: z.string(),
  course_title: z.string(),
  lesson_id: z.string(),
  lesson_title: z.string(),
  /** The second of the lesson's video where the idea is said (null for text lessons): "watch this moment". */
  cue_seconds: z.number().nullable(),
  due: z.string(),
  state: z.enum(["new", "learning", "review", "relearning"]),
  reps: z.number().int(),
});
export type RecallCard = z.infer<typeof recallCardSchema>;

/** Today's numbers: what is still due, what was reviewed, and whether today's review is finished. */
export const dailyReviewStatsSchema = z.object({
  due_count: z.number().int(),
  done_today: z.number().int(),
  total_cards: z.number().int(),
  session_completed: z.boolean(),
});
export type DailyReviewStats = z.infer<typeof dailyReviewStatsSchema>;

/** GET /review/today: the cards due today, oldest due first, capped at DAILY_REVIEW_SIZE. */
export const dailyReviewSchema = z.object({
  items: z.array(recallCardSchema),
  stats: dailyReviewStatsSchema,
});
export type DailyReview = z.infer<typeof dailyReviewSchema>;

export const recallGradeSchema = z.object({
  /** The client's id for this one review (a UUID): sending it again returns the first outcome, never a second. */
  review_id: z.uuid("review_id must be a UUID the client generates for each review"),
  rating: z.enum(RECALL_RATINGS, "rating must be one of again, hard, good, easy"),
});
export type RecallGrade = z.infer<typeof recallGradeSchema>;

/** POST /review/cards/:id/grade → the card's next due date and today's numbers after it. */
export const recallGradeResultSchema = z.object({
  review_id: z.string(),
  card: recallCardSchema,
  rating: z.enum(RECALL_RATINGS),
  /** False when this review id had been graded before: the stored outcome, nothing scheduled again. */
  applied: z.boolean(),
  stats: dailyReviewStatsSchema,
});
export type RecallGradeResult = z.infer<typeof recallGradeResultSchema>;
