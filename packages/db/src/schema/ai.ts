import { sql } from "drizzle-orm";
import { boolean, customType, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { courses, lessons } from "./courses.js";
import { users } from "./users.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });

/**
 * Retrieval units for the tutor: transcript cue groups (with the seconds they span), lesson markdown
 * sections and the course description. Rebuilt per lesson when it is saved. Quiz keys are never indexed.
 */
export const contentChunks = pgTable(
  "content_chunks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id").references(() => lessons.id, { onDelete: "cascade" }),
    source: text("source", { enum: ["transcript", "lesson", "course"] }).notNull(),
    position: integer("position").notNull(),
    heading: text("heading").notNull().default(""),
    text: text("text").notNull(),
    /** Per sentence or cue: its own start time, so an answer can cite the exact second. */
    cues: jsonb("cues").$type<Array<{ start: number; end: number; text: string }>>().notNull().default([]),
    startSeconds: real("start_seconds"),
    endSeconds: real("end_seconds"),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector('english', heading || ' ' || text)`),
    /** Unit-length embedding (provider's, or the local hashed one); ranked with pgvector where it exists. */
    embedding: real("embedding").array(),
    embeddingModel: text("embedding_model"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("content_chunks_course_idx").on(t.courseId),
    index("content_chunks_lesson_idx").on(t.lessonId, t.position),
    index("content_chunks_search_idx").using("gin", t.search),
  ],
);

/**
 * The words of every indexed chunk, for the tutor's typo tolerance: a typed word is matched against this short
 * list by trigram similarity (its GIN index), not against every chunk's text, so a question costs the same on a
 * catalog of ten courses or ten thousand. `lexeme` is the word's English stem as it sits in `content_chunks.search`,
 * so a matched word finds its chunks through the full-text index. Filled by a trigger on `content_chunks` (migration
 * 0027); it only grows: a word whose chunks are gone matches no chunk and costs nothing.
 */
export const contentTerms = pgTable(
  "content_terms",
  {
    term: text("term").primaryKey(),
    lexeme: text("lexeme").notNull(),
  },
  (t) => [index("content_terms_term_trgm_idx").using("gin", sql`${t.term} gin_trgm_ops`)],
);

export const aiConversations = pgTable(
  "ai_conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: uuid("course_id").references(() => courses.id, { onDelete: "set null" }),
    lessonId: uuid("lesson_id").references(() => lessons.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("ai_conversations_user_idx").on(t.userId, t.updatedAt)],
);

export type Citation = { lesson_id: string; title: string; start_seconds?: number; excerpt: string };

export const aiMessages = pgTable(
  "ai_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => aiConversations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["user", "assistant"] }).notNull(),
    content: text("content").notNull(),
    citations: jsonb("citations").$type<Citation[]>().notNull().default([]),
    provider: text("provider"),
    model: text("model"),
    cached: boolean("cached").notNull().default(false),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("ai_messages_conversation_idx").on(t.conversationId, t.createdAt)],
);

/** Every AI call, for quotas and cost: reserved before the call, refunded (deleted) if the provider fails. */
export const aiUsage = pgTable(
  "ai_usage",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["chat", "quiz_generate", "learning_path"] }).notNull(),
    provider: text("provider").notNull(),
    model: text("model").notNull(),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    costUsd: real("cost_usd").notNull().default(0),
    cached: boolean("cached").notNull().default(false),
    latencyMs: integer("latency_ms").notNull().default(0),
    status: text("status", { enum: ["reserved", "ok", "failed"] })
      .notNull()
      .default("reserved"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("ai_usage_user_time_idx").on(t.userId, t.createdAt), index("ai_usage_time_idx").on(t.createdAt)],
);
