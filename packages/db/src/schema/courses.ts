import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const courses = pgTable(
  "courses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    creatorId: uuid("creator_id")
      .notNull()
      .references(() => users.id),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    subtitle: text("subtitle").notNull().default(""),
    description: text("description").notNull().default(""),
    category: text("category").notNull(),
    level: text("level", { enum: ["beginner", "intermediate", "advanced"] }).notNull(),
    isFree: boolean("is_free").notNull().default(true),
    price: numeric("price", { precision: 10, scale: 2, mode: "number" }).notNull().default(0),
    status: text("status", { enum: ["draft", "published", "archived"] })
      .notNull()
      .default("draft"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    outcomes: text("outcomes").array().notNull().default(sql`'{}'::text[]`),
    thumbnailUrl: text("thumbnail_url"),
    /**
     * Weighted full-text document, rebuilt by the course repo whenever the course or one of its lessons
     * changes: A title, B tags + category, C description, D lesson titles + transcripts.
     */
    searchVector: tsvector("search_vector"),
    enrollmentCount: integer("enrollment_count").notNull().default(0),
    ratingAvg: real("rating_avg").notNull().default(0),
    ratingCount: integer("rating_count").notNull().default(0),
    lessonCount: integer("lesson_count").notNull().default(0),
    totalDurationSeconds: integer("total_duration_seconds").notNull().default(0),
    /** Off: completing the course issues no new certificate (those already issued stay valid). */
    certificatesEnabled: boolean("certificates_enabled").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [
    index("courses_category_level_free_idx").on(t.category, t.level, t.isFree),
    index("courses_creator_idx").on(t.creatorId),
    index("courses_status_created_idx").on(t.status, t.createdAt),
    index("courses_created_at_idx").on(t.createdAt),
    index("courses_search_idx").using("gin", t.searchVector),
    // Typos: trigram similarity on the title ("photosynthesys" still finds "Photosynthesis").
    index("courses_title_trgm_idx").using("gin", sql`lower(${t.title}) gin_trgm_ops`),
  ],
);

export const modules = pgTable(
  "modules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    position: integer("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("modules_course_idx").on(t.courseId, t.position)],
);

export const lessons = pgTable(
  "lessons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    kind: text("kind", { enum: ["video", "text"] }).notNull(),
    contentMd: text("content_md").notNull().default(""),
    videoUrl: text("video_url"),
    durationSeconds: integer("duration_seconds").notNull().default(0),
    transcriptVtt: text("transcript_vtt"),
    /** The transcript's spoken text without cue timings, for search. */
    transcriptText: text("transcript_text").notNull().default(""),
    isPreview: boolean("is_preview").notNull().default(false),
    position: integer("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("lessons_module_idx").on(t.moduleId, t.position), index("lessons_course_idx").on(t.courseId)],
);

export const enrollments = pgTable(
  "enrollments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["active", "cancelled"] })
      .notNull()
      .default("active"),
    progressPercentage: real("progress_percentage").notNull().default(0),
    completedLessons: integer("completed_lessons").notNull().default(0),
    lastAccessedAt: timestamp("last_accessed_at", { withTimezone: true, mode: "date", precision: 3 }),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date", precision: 3 }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("enrollments_user_course_key").on(t.userId, t.courseId),
    index("enrollments_course_idx").on(t.courseId),
  ],
);

export type WatchedSegment = [number, number];
export type QuizProgress = {
  attempts: number;
  best_score: number | null;
  passed: boolean;
  last_attempt_at: string | null;
};

export const progress = pgTable(
  "progress",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    watchPercentage: real("watch_percentage").notNull().default(0),
    positionSeconds: real("position_seconds").notNull().default(0),
    /** Union of watched `[from, to]` second ranges, sorted and merged. */
    watchedSegments: jsonb("watched_segments").$type<WatchedSegment[]>().notNull().default([]),
    /**
     * The part of the latest reported segment that was already in `watched_segments` (seconds watched again).
     * Written by the same upsert that merges the segment, from the locked row; a row trigger (migration 0011)
     * appends it to `lesson_rewatches` when it isn't empty (PostgreSQL 15 has no `RETURNING old.*` to do it from).
     */
    lastRewatch: jsonb("last_rewatch").$type<WatchedSegment[]>().notNull().default([]),
    isCompleted: boolean("is_completed").notNull().default(false),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date", precision: 3 }),
    /**
     * The viewing-credit window: when the learner last reported (start or a segment), and the seconds of credit
     * left over then (only up to the slack carries on). A report's segment is credited up to the leftover plus
     * twice the wall time since `credit_at` (the player's top speed), so no client can claim more viewing than
     * it could have played. Null on rows from before the window existed: they start from the slack alone.
     */
    creditAt: timestamp("credit_at", { withTimezone: true, mode: "date", precision: 3 }),
    creditBalance: real("credit_balance").notNull().default(5),
    quizProgress: jsonb("quiz_progress").$type<QuizProgress | null>(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("progress_user_lesson_key").on(t.userId, t.lessonId),
    index("progress_user_course_idx").on(t.userId, t.courseId),
    index("progress_lesson_idx").on(t.lessonId),
  ],
);

/** Admin grants: access to a paid course without premium. */
export const courseGrants = pgTable(
  "course_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    grantedBy: uuid("granted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("course_grants_user_course_key").on(t.userId, t.courseId)],
);

export type QuizQuestionRow =
  | { id: string; type: "single_choice"; question: string; options: string[]; correct: number; explanation: string }
  | { id: string; type: "multiple_choice"; question: string; options: string[]; correct: number[]; explanation: string }
  | { id: string; type: "true_false"; question: string; correct: boolean; explanation: string }
  | { id: string; type: "short_answer"; question: string; accepted_answers: string[]; explanation: string };

/** One quiz per lesson; the answer key lives only here and in attempts' scoring, never in lesson content. */
export const quizzes = pgTable(
  "quizzes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lessonId: uuid("lesson_id")
      .notNull()
      .unique()
      .references(() => lessons.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    passMark: integer("pass_mark").notNull().default(70),
    questions: jsonb("questions").$type<QuizQuestionRow[]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("quizzes_course_idx").on(t.courseId)],
);

export const quizAttempts = pgTable(
  "quiz_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    quizId: uuid("quiz_id")
      .notNull()
      .references(() => quizzes.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    answers: jsonb("answers").$type<unknown[]>().notNull(),
    /** Per question: correct or not, for pass-rate and "review this topic" analytics. */
    results: jsonb("results").$type<Array<{ question_id: string; correct: boolean }>>().notNull(),
    score: real("score").notNull(),
    passed: boolean("passed").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("quiz_attempts_user_lesson_idx").on(t.userId, t.lessonId),
    index("quiz_attempts_course_idx").on(t.courseId, t.createdAt),
  ],
);

export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    rating: integer("rating").notNull(),
    body: text("body").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    /** The course creator's (or an admin's) public answer; null while there is none. */
    replyBody: text("reply_body"),
    /** Who wrote the reply (null once that account is gone: the reply stays, signed as the course's creator). */
    replyUserId: uuid("reply_user_id").references(() => users.id, { onDelete: "set null" }),
    /** When the reply was first posted (kept by edits, so the reviewer is told once). */
    repliedAt: timestamp("replied_at", { withTimezone: true, mode: "date", precision: 3 }),
    replyUpdatedAt: timestamp("reply_updated_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [
    uniqueIndex("reviews_user_course_key").on(t.userId, t.courseId),
    check("reviews_reply_complete", sql`(${t.replyBody} is null) = (${t.repliedAt} is null)`),
    index("reviews_course_idx").on(t.courseId, t.createdAt),
    check("reviews_rating_range", sql`${t.rating} between 1 and 5`),
  ],
);

export const ANALYTICS_EVENT_TYPES = [
  "enrollment",
  "lesson_start",
  "lesson_completion",
  "quiz_submitted",
  "ai_chat",
  "review_session",
] as const;

/** Append-only learning events; KPIs are computed from them. */
export const analyticsEvents = pgTable(
  "analytics_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    type: text("type", { enum: ANALYTICS_EVENT_TYPES }).notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: uuid("course_id").references(() => courses.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id").references(() => lessons.id, { onDelete: "set null" }),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("analytics_events_type_time_idx").on(t.type, t.createdAt),
    index("analytics_events_course_type_time_idx").on(t.courseId, t.type, t.createdAt),
    index("analytics_events_user_time_idx").on(t.userId, t.createdAt),
  ],
);
