import { z } from "zod";

/**
 * `GET /instructors/:id`: the public page of someone who teaches on Lumen. Only what they chose to show (name, bio,
 * avatar) and figures over their published courses; never an email or anything about their learners.
 */
export const instructorProfileSchema = z.object({
  id: z.string(),
  full_name: z.string(),
  bio: z.string(),
  avatar_url: z.string().nullable(),
  /** When they started teaching: their first published course. */
  teaching_since: z.string(),
  stats: z.object({
    course_count: z.number().int(),
    /** Distinct learners enrolled in any of their published courses. */
    learner_count: z.number().int(),
    review_count: z.number().int(),
    /** Mean of every review across their published courses (0 when there are none). */
    rating_avg: z.number(),
  }),
});
export type InstructorProfile = z.infer<typeof instructorProfileSchema>;
