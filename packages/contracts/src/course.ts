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

/** Whole cents (19.99, not 19.999): what is charged is exactly what the creator typed. */
const inCents = (price: number) => Math.abs(price * 100 - Math.round(price * 100)) < 1e-6;

/** A price as a creator sets it: whole cents, and above 0 for a paid course. */
const pricingInputSchema = z
  .object({
    is_free: z.boolean(),
    price: z.number().min(0).max(10_000).refine(inCents, "A price is in whole cents: at most 2 decimal places"),
  })
  .refine((p) => p.is_free || p.price > 0, { message: "A paid course needs a price above 0", path: ["price"] });

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

const trimmed = (max: number, label: string) =>
  z.string().trim().min(1, `${label} can't be empty`).max(max, `${label} must be at most ${max} characters`);

export const courseCreateSchema = z.object({
  title: trimmed(160, "Title"),
  subtitle: z.string().trim().max(240).default(""),
  description: z.string().trim().max(20_000).default(""),
  category: trimmed(60, "Category"),
  level: levelSchema,
  pricing: pricingInputSchema,
  tags: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(12).default([]),
  outcomes: z.array(z.string().trim().min(1).max(300)).max(12).default([]),
  thumbnail_url: z.string().trim().max(2000).nullable().optional(),
  certificates_enabled: z.boolean().default(true).describe("Completing the course earns a certificate"),
});
export type CourseCreate = z.infer<typeof courseCreateSchema>;

export const courseUpdateSchema = z
  .object({
    title: trimmed(160, "Title"),
    subtitle: z.string().trim().max(240),
    description: z.string().trim().max(20_000),
    category: trimmed(60, "Category"),
    level: levelSchema,
    pricing: pricingInputSchema,
    tags: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(12),
    outcomes: z.array(z.string().trim().min(1).max(300)).max(12),
    thumbnail_url: z.string().trim().max(2000).nullable(),
    status: courseStatusSchema,
    certificates_enabled: z.boolean().describe("Off: no new certificates; those already issued stay valid"),
  })
  .partial();
export type CourseUpdate = z.infer<typeof courseUpdateSchema>;

export const lessonOutlineSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: lessonKindSchema,
  duration_seconds: z.number().int(),
  is_preview: z.boolean(),
  position: z.number().int(),
  has_quiz: z.boolean(),
});

export const moduleOutlineSchema = z.object({
  id: z.string(),
  title: z.string(),
  position: z.number().int(),
  lessons: z.array(lessonOutlineSchema),
});

export const enrollmentSchema = z.object({
  id: z.string(),
  course_id: z.string(),
  user_id: z.string(),
  status: z.enum(["active", "cancelled"]),
  progress_percentage: z.number(),
  completed_lessons: z.number().int(),
  last_accessed: z.string().nullable(),
  completed_at: z.string().nullable(),
  created_at: z.string(),
});
export type Enrollment = z.infer<typeof enrollmentSchema>;

export const courseDetailSchema = courseSummarySchema.extend({
  outcomes: z.array(z.string()),
  certificates_enabled: z.boolean(),
  modules: z.array(moduleOutlineSchema),
  enrollment: enrollmentSchema.nullable(),
  /** What the caller may do: drives the enroll button and the editor. */
  access: z.object({
    can_edit: z.boolean(),
    can_view_content: z.boolean(),
    requires_premium: z.boolean(),
  }),
});
export type CourseDetail = z.infer<typeof courseDetailSchema>;

export const moduleCreateSchema = z.object({
  title: trimmed(160, "Title"),
  position: z.number().int().min(0).optional(),
});
export const moduleUpdateSchema = z.object({ title: trimmed(160, "Title") }).partial();
export const reorderSchema = z.object({
  /** Every child id, in the new order. */
  ids: z.array(z.uuid()).min(1).max(500),
});

/** Caps that keep one creator from stalling the API or the tutor's index (409 past a count, 413 past a size). */
export const MAX_MODULES_PER_COURSE = 50;
export const MAX_LESSONS_PER_COURSE = 300;
/** A lesson's markdown plus its transcript's text, in characters: what gets chunked and embedded. */
export const MAX_LESSON_TEXT_CHARS = 400_000;

const vttSchema = z
  .string()
  .max(2_000_000)
  .refine((v) => v.trimStart().startsWith("WEBVTT"), "A transcript must be WebVTT: it starts with the line WEBVTT");

export const lessonCreateSchema = z.object({
  title: trimmed(160, "Title"),
  kind: lessonKindSchema,
  content_md: z.string().max(200_000).default(""),
  video_url: z.string().trim().max(2000).nullable().optional(),
  duration_seconds: z.number().int().min(0).max(86_400).default(0),
  transcript_vtt: vttSchema.nullable().optional(),
  is_preview: z.boolean().default(false),
  position: z.number().int().min(0).optional(),
});
export type LessonCreate = z.infer<typeof lessonCreateSchema>;
export const lessonUpdateSchema = z
  .object({
    title: trimmed(160, "Title"),
    kind: lessonKindSchema,
    content_md: z.string().max(200_000),
    video_url: z.string().trim().max(2000).nullable(),
    duration_seconds: z.number().int().min(0).max(86_400),
    transcript_vtt: vttSchema.nullable(),
    is_preview: z.boolean(),
    module_id: z.uuid(),
  })
  .partial();
export type LessonUpdate = z.infer<typeof lessonUpdateSchema>;

export const lessonSchema = z.object({
  id: z.string(),
  course_id: z.string(),
  module_id: z.string(),
  title: z.string(),
  kind: lessonKindSchema,
  content_md: z.string(),
  video_url: z.string().nullable(),
  duration_seconds: z.number().int(),
  transcript_vtt: z.string().nullable(),
  is_preview: z.boolean(),
  position: z.number().int(),
  has_quiz: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Lesson = z.infer<typeof lessonSchema>;

export const moduleSchema = z.object({
  id: z.string(),
  course_id: z.string(),
  title: z.string(),
  position: z.number().int(),
});
export type CourseModule = z.infer<typeof moduleSchema>;
/** `POST /courses/:id/modules/reorder`: the course's modules in their new order. */
export const moduleListSchema = z.array(moduleSchema);
/** `POST /modules/:id/lessons/reorder`: the module's lesson ids in their new order. */
export const lessonOrderSchema = z.object({ ids: z.array(z.string()) });
export type LessonOrder = z.infer<typeof lessonOrderSchema>;

export const suggestQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(10).default(6),
});
export const suggestionSchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  level: levelSchema,
});

/** A category of the published catalog; categories differing only in case are one (the catalog filters case-insensitively). */
export const categorySchema = z.object({
  name: z.string(),
  course_count: z.number().int().describe("Published courses in the category"),
});
export type Category = z.infer<typeof categorySchema>;
export type Suggestion = z.infer<typeof suggestionSchema>;
/** `GET /courses/suggest`. */
export const suggestionListSchema = z.object({ items: z.array(suggestionSchema) });
/** `GET /courses/categories`. */
export const categoryListSchema = z.object({ items: z.array(categorySchema) });
/** `DELETE /courses/:id`: deleted when nobody ever enrolled, archived otherwise. */
export const courseRemovalSchema = z.object({ deleted: z.boolean(), archived: z.boolean() });
export type CourseRemoval = z.infer<typeof courseRemovalSchema>;

/** `GET /courses/mine`: the creator studio's own courses, every status, most recently edited first. */
export const studioCourseListQuerySchema = pageQuerySchema.extend({
  status: courseStatusSchema.optional().describe("Only courses in this status"),
});
export type StudioCourseListQuery = z.infer<typeof studioCourseListQuerySchema>;

export const studioCourseSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  subtitle: z.string(),
  status: courseStatusSchema,
  category: z.string(),
  level: levelSchema,
  pricing: pricingSchema,
  thumbnail_url: z.string().nullable(),
  lesson_count: z.number().int(),
  enrollment_count: z.number().int().describe("Learners enrolled now (active enrollments)"),
  created_at: z.string(),
  updated_at: z.string().describe("The latest edit of the course, one of its modules, lessons or quizzes"),
  published_at: z.string().nullable(),
});
export type StudioCourse = z.infer<typeof studioCourseSchema>;

export const myEnrollmentSchema = z.object({
  course_id: z.string(),
  title: z.string(),
  thumbnail_url: z.string().nullable(),
  level: levelSchema,
  category: z.string(),
  progress_percentage: z.number(),
  completed_lessons: z.number().int(),
  total_lessons: z.number().int(),
  last_accessed: z.string().nullable(),
  enrolled_at: z.string(),
  next_lesson_id: z.string().nullable(),
  /** The learner has opened a lesson of the course (watched, read or taken a quiz), even with none completed. */
  started: z.boolean(),
});
export type MyEnrollment = z.infer<typeof myEnrollmentSchema>;
/** `GET /enrollments/me`: the caller's courses with progress. */
export const myEnrollmentListSchema = z.object({ items: z.array(myEnrollmentSchema) });
export type MyEnrollmentList = z.infer<typeof myEnrollmentListSchema>;
