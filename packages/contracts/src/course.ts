import { z } from "zod";
import { pageQuerySchema } from "./envelope.js";

export const LEVELS = ["beginner", "intermediate", "advanced"] as const;
export const levelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof levelSchema>;

export const COURSE_STATUSES = ["draft", "published", "archived"] as const;
export const courseStatusSchema = z.enum(COURSE_STATUSES);

export const LESSON_KINDS = ["video", "text"] as const;
export const lessonKindSchema = z.enum(LESSON_KINDS);

export const COURSE_SORTS = ["newest", "popular", "rating", "relevance"] as const;

export const pricingSchema = z.object({
  is_free: z.boolean(),
  price: z.number().min(0).max(10_000),
});

export const courseStatsSchema = z.object({
  enrollment_count: z.number().int(),
  rating_avg: z.number(),
  rating_count: z.number().int(),
  lesson_count: z.number().int(),
  total_duration_seconds: z.number().int(),
});

export const creatorSummarySchema = z.object({ id: z.string(), full_name: z.string() });

export const courseSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  subtitle: z.string(),
  description: z.string(),
  category: z.string(),
  level: levelSchema,
  pricing: pricingSchema,
  tags: z.array(z.string()),
  thumbnail_url: z.string().nullable(),
  status: courseStatusSchema,
  creator: creatorSummarySchema,
  stats: courseStatsSchema,
  created_at: z.string(),
  published_at: z.string().nullable(),
});
export type CourseSummary = z.infer<typeof courseSummarySchema>;

const booleanString = z.enum(["true", "false"]).transform((v) => v === "true");

export const courseListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().min(1).max(200).optional(),
  category: z.string().trim().min(1).max(60).optional(),
  level: levelSchema.optional(),
  is_free: booleanString.optional(),
  creator_id: z.string().uuid().optional(),
  min_price: z.coerce.number().min(0).optional(),
  max_price: z.coerce.number().min(0).optional(),
  sort: z.enum(COURSE_SORTS).optional(),
});
export type CourseListQuery = z.infer<typeof courseListQuerySchema>;
