import { z } from "zod";

/** A video lesson completes once this share of it has really been watched (scrubbing doesn't count). */
export const VIDEO_COMPLETE_AT_PERCENT = 90;
/**
 * Viewing credit: a report is credited at most this many times the wall time since the learner's previous report
 * (the player's top playback speed), plus PROGRESS_SLACK_SECONDS for clock and network jitter.
 */
export const PLAYER_MAX_SPEED = 2;
export const PROGRESS_SLACK_SECONDS = 5;

export const segmentSchema = z
  .object({ from_seconds: z.number().min(0).max(86_400), to_seconds: z.number().min(0).max(86_400) })
  .refine((s) => s.to_seconds >= s.from_seconds, {
    message: "to_seconds must not be before from_seconds",
    path: ["to_seconds"],
  });

export const progressUpdateSchema = z.object({
  /** Accepted for the seed's clients, never trusted: the server computes it from the segments it credits. */
  watch_percentage: z.number().min(0).max(100).optional(),
  position_seconds: z.number().min(0).max(86_400),
  segment: segmentSchema.optional(),
});
export type ProgressUpdate = z.infer<typeof progressUpdateSchema>;

export const quizProgressSchema = z.object({
  attempts: z.number().int(),
  best_score: z.number().nullable(),
  passed: z.boolean(),
  last_attempt_at: z.string().nullable(),
});

export const progressSchema = z.object({
  lesson_id: z.string(),
  course_id: z.string(),
  video_progress: z.object({
    watch_percentage: z.number(),
    position_seconds: z.number(),
    resume_seconds: z.number(),
    is_completed: z.boolean(),
  }),
  quiz_progress: quizProgressSchema.nullable(),
  completed_at: z.string().nullable(),
  updated_at: z.string(),
});
export type Progress = z.infer<typeof progressSchema>;

export const userProgressSchema = z.object({
  courses: z.array(
    z.object({
      course_id: z.string(),
      title: z.string(),
      progress_percentage: z.number(),
      completed_lessons: z.number().int(),
      total_lessons: z.number().int(),
      last_accessed: z.string().nullable(),
    }),
  ),
});

export const courseProgressSchema = z.object({
  course_id: z.string(),
  progress_percentage: z.number(),
  lessons: z.array(progressSchema),
});
