import { z } from "zod";
import { pageQuerySchema } from "./envelope.js";

export const citationSchema = z.object({
  lesson_id: z.string(),
  title: z.string(),
  start_seconds: z.number().optional(),
  excerpt: z.string(),
});
export type Citation = z.infer<typeof citationSchema>;

/** A lesson video lasts at most a day (lessons' duration_seconds bound). */
export const CHAT_MAX_POSITION_SECONDS = 86_400;

export const chatModeSchema = z.enum(["normal", "simpler", "deeper"]);

export const chatBodySchema = z.object({
  message: z.string().trim().min(1, "Ask a question").max(4000, "Keep questions under 4,000 characters"),
  course_id: z.uuid().optional(),
  lesson_id: z.uuid().optional(),
  conversation_id: z.uuid().optional(),
  /** "simpler" and "go deeper" follow-ups. */
  mode: chatModeSchema.optional(),
  position_seconds: z
    .number("position_seconds must be a number of seconds")
    .min(0, "position_seconds cannot be negative")
    .max(CHAT_MAX_POSITION_SECONDS, `position_seconds can be at most ${CHAT_MAX_POSITION_SECONDS}`)
    .optional()
    .describe(
      "The second of the lesson's video the learner was at when asking (needs lesson_id). Creators see the question on the lesson's timeline, never who asked.",
    ),
});
export type ChatBody = z.infer<typeof chatBodySchema>;

export const chatResultSchema = z.object({
  answer: z.string(),
  citations: z.array(citationSchema),
  conversation_id: z.string(),
  cached: z.boolean(),
  provider: z.string(),
  model: z.string(),
  grounded: z.boolean(),
});
export type ChatResult = z.infer<typeof chatResultSchema>;

export const conversationSchema = z.object({
  id: z.string(),
  title: z.string(),
  course_id: z.string().nullable(),
  lesson_id: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const conversationMessageSchema = z.object({
  id: z.string(),
  role: z.enum(["user", "assistant"]),
  content: z.string(),
  citations: z.array(citationSchema),
  provider: z.string().nullable(),
  cached: z.boolean(),
  created_at: z.string(),
});

export const conversationDetailSchema = conversationSchema.extend({ messages: z.array(conversationMessageSchema) });
export const conversationListQuerySchema = pageQuerySchema;

export const aiUsageSchema = z.object({
  date: z.string(),
  used: z.number().int(),
  limit: z.number().int(),
  remaining: z.number().int(),
  resets_at: z.string(),
  premium: z.boolean(),
  provider: z.string(),
  model: z.string(),
});

export const platformUsageSchema = z.object({
  days: z.array(
    z.object({
      date: z.string(),
      requests: z.number().int(),
      cached: z.number().int(),
      failed: z.number().int(),
      input_tokens: z.number().int(),
      output_tokens: z.number().int(),
      cost_usd: z.number(),
    }),
  ),
});

export const learningPathSchema = z.object({
  items: z.array(
    z.object({
      kind: z.enum(["resume", "review", "continue", "next_course"]),
      course_id: z.string(),
      lesson_id: z.string().optional(),
      title: z.string(),
      reason: z.string(),
    }),
  ),
});

export const quizGenerateBodySchema = z.object({
  lesson_id: z.uuid(),
  num_questions: z.number().int().min(1).max(20).default(5),
  difficulty: z.enum(["easy", "medium", "hard"]).default("medium"),
});

const generatedBase = {
  question: z.string().min(1),
  explanation: z.string(),
  source: z.object({ lesson_id: z.string(), title: z.string(), start_seconds: z.number().optional() }),
};

/** A generated question; `correct_answer` uses the quiz API's answer values (index, indexes, boolean, text). */
export const generatedQuestionSchema = z.discriminatedUnion("type", [
  z.object({
    ...generatedBase,
    type: z.literal("single_choice"),
    options: z.array(z.string()).min(2),
    correct_answer: z.number().int().min(0),
  }),
  z.object({
    ...generatedBase,
    type: z.literal("multiple_choice"),
    options: z.array(z.string()).min(2),
    correct_answer: z.array(z.number().int().min(0)).min(1),
  }),
  z.object({
    ...generatedBase,
    type: z.literal("true_false"),
    options: z.array(z.string()),
    correct_answer: z.boolean(),
  }),
  z.object({
    ...generatedBase,
    type: z.literal("short_answer"),
    options: z.array(z.string()),
    correct_answer: z.string().min(1),
  }),
]);
export type GeneratedQuestion = z.infer<typeof generatedQuestionSchema>;

export const quizGenerateResultSchema = z.object({
  questions: z.array(generatedQuestionSchema),
  provider: z.string(),
  model: z.string(),
});
