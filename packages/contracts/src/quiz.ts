import { z } from "zod";
import { pageQuerySchema } from "./envelope.js";
import { quizProgressSchema } from "./progress.js";

export const QUESTION_TYPES = ["single_choice", "multiple_choice", "true_false", "short_answer"] as const;
export const questionTypeSchema = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof questionTypeSchema>;

export const DEFAULT_PASS_MARK = 70;
export const MAX_QUESTIONS = 50;
export const MAX_OPTIONS = 8;
export const MAX_SHORT_ANSWER_LENGTH = 500;
export const MAX_ACCEPTED_ANSWERS = 20;

const questionText = z
  .string()
  .trim()
  .min(1, "Write the question")
  .max(1000, "A question must be at most 1000 characters");
const explanationText = z
  .string()
  .trim()
  .min(1, "Explain the answer: learners see it after their attempt")
  .max(2000, "An explanation must be at most 2000 characters");
const optionsSchema = z
  .array(z.string().trim().min(1, "An option can't be empty").max(500, "An option must be at most 500 characters"))
  .min(2, "Give at least 2 options")
  .max(MAX_OPTIONS, `Give at most ${MAX_OPTIONS} options`);
const indexSchema = z.number().int("An option index is a whole number").min(0, "An option index starts at 0");
/** A client id is kept when it is a short slug and unique in the quiz; the server generates the rest. */
const clientIdSchema = z.string().max(200).optional();

type OptionsCheck = { options: string[] };
const addOptionIssues = (q: OptionsCheck, ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  q.options.forEach((option, i) => {
    const key = option.toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["options", i], message: "Options must all differ" });
    seen.add(key);
  });
};

const singleChoiceInput = z
  .object({
    id: clientIdSchema,
    type: z.literal("single_choice"),
    question: questionText,
    options: optionsSchema,
    correct_index: indexSchema,
    explanation: explanationText,
  })
  .superRefine((q, ctx) => {
    addOptionIssues(q, ctx);
    if (q.correct_index >= q.options.length) {
      ctx.addIssue({
        code: "custom",
        path: ["correct_index"],
        message: `correct_index must point at one of the ${q.options.length} options (0 to ${q.options.length - 1})`,
      });
    }
  });

const multipleChoiceInput = z
  .object({
    id: clientIdSchema,
    type: z.literal("multiple_choice"),
    question: questionText,
    options: optionsSchema,
    correct_indexes: z.array(indexSchema).min(1, "Mark at least one option as correct").max(MAX_OPTIONS),
    explanation: explanationText,
  })
  .superRefine((q, ctx) => {
    addOptionIssues(q, ctx);
    if (new Set(q.correct_indexes).size !== q.correct_indexes.length) {
      ctx.addIssue({ code: "custom", path: ["correct_indexes"], message: "correct_indexes must not repeat an index" });
    }
    if (q.correct_indexes.some((i) => i >= q.options.length)) {
      ctx.addIssue({
        code: "custom",
        path: ["correct_indexes"],
        message: `Every correct index must point at one of the ${q.options.length} options (0 to ${q.options.length - 1})`,
      });
    }
  });

const trueFalseInput = z.object({
  id: clientIdSchema,
  type: z.literal("true_false"),
  question: questionText,
  correct: z.boolean(),
  explanation: explanationText,
});

const shortAnswerInput = z.object({
  id: clientIdSchema,
  type: z.literal("short_answer"),
  question: questionText,
  accepted_answers: z
    .array(
      z
        .string()
        .trim()
        .min(1, "An accepted answer can't be empty")
        .max(MAX_SHORT_ANSWER_LENGTH, `An accepted answer must be at most ${MAX_SHORT_ANSWER_LENGTH} characters`),
    )
    .min(1, "Give at least one accepted answer")
    .max(MAX_ACCEPTED_ANSWERS, `Give at most ${MAX_ACCEPTED_ANSWERS} accepted answers`),
  explanation: explanationText,
});

export const quizQuestionInputSchema = z.discriminatedUnion("type", [
  singleChoiceInput,
  multipleChoiceInput,
  trueFalseInput,
  shortAnswerInput,
]);
export type QuizQuestionInput = z.infer<typeof quizQuestionInputSchema>;

/** `PUT /lessons/:id/quiz`: the whole quiz, replacing the previous version. */
export const quizUpsertSchema = z.object({
  pass_mark: z
    .number()
    .int("The pass mark is a whole percentage")
    .min(1, "The pass mark is between 1 and 100")
    .max(100, "The pass mark is between 1 and 100")
    .default(DEFAULT_PASS_MARK),
  questions: z
    .array(quizQuestionInputSchema)
    .min(1, "A quiz needs at least one question")
    .max(MAX_QUESTIONS, `A quiz has at most ${MAX_QUESTIONS} questions`),
});
export type QuizUpsert = z.infer<typeof quizUpsertSchema>;

/** A question with its answer key, as its owner edits it (the same field names as the input). */
export const quizQuestionSchema = z.discriminatedUnion("type", [
  z.object({
    id: z.string(),
    type: z.literal("single_choice"),
    question: z.string(),
    options: z.array(z.string()),
    correct_index: z.number().int(),
    explanation: z.string(),
  }),
  z.object({
    id: z.string(),
    type: z.literal("multiple_choice"),
    question: z.string(),
    options: z.array(z.string()),
    correct_indexes: z.array(z.number().int()),
    explanation: z.string(),
  }),
  z.object({
    id: z.string(),
    type: z.literal("true_false"),
    question: z.string(),
    correct: z.boolean(),
    explanation: z.string(),
  }),
  z.object({
    id: z.string(),
    type: z.literal("short_answer"),
    question: z.string(),
    accepted_answers: z.array(z.string()),
    explanation: z.string(),
  }),
]);
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

/** A question as a learner sees it before answering: no key, no explanation. */
export const publicQuizQuestionSchema = z.discriminatedUnion("type", [
  z.object({ id: z.string(), type: z.literal("single_choice"), question: z.string(), options: z.array(z.string()) }),
  z.object({ id: z.string(), type: z.literal("multiple_choice"), question: z.string(), options: z.array(z.string()) }),
  z.object({ id: z.string(), type: z.literal("true_false"), question: z.string() }),
  z.object({ id: z.string(), type: z.literal("short_answer"), question: z.string() }),
]);
export type PublicQuizQuestion = z.infer<typeof publicQuizQuestionSchema>;

const quizBase = {
  id: z.string(),
  lesson_id: z.string(),
  course_id: z.string(),
  pass_mark: z.number().int(),
  question_count: z.number().int(),
  updated_at: z.string(),
};

/** The course owner's and admins' view, with the answer key. */
export const ownerQuizSchema = z.object({
  ...quizBase,
  view: z.literal("owner"),
  questions: z.array(quizQuestionSchema),
  created_at: z.string(),
});
export type OwnerQuiz = z.infer<typeof ownerQuizSchema>;

/** Everyone else's view; `quiz_progress` is the caller's own when enrolled, null otherwise. */
export const learnerQuizSchema = z.object({
  ...quizBase,
  view: z.literal("learner"),
  questions: z.array(publicQuizQuestionSchema),
  quiz_progress: quizProgressSchema.nullable(),
});
export type LearnerQuiz = z.infer<typeof learnerQuizSchema>;

export const quizViewSchema = z.discriminatedUnion("view", [ownerQuizSchema, learnerQuizSchema]);
export type QuizView = z.infer<typeof quizViewSchema>;
/** GET /lessons/{id}/quiz: the lesson's quiz, or null when it has none yet (a missing lesson is still 404). */
export const lessonQuizSchema = quizViewSchema.nullable();

/** An option index (single choice), indexes (multiple choice), true/false, or free text (short answer). */
export const quizAnswerValueSchema = z.union([
  z
    .number()
    .int()
    .min(0)
    .max(MAX_OPTIONS - 1),
  z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(MAX_OPTIONS - 1),
    )
    .max(MAX_OPTIONS),
  z.boolean(),
  z.string().max(MAX_SHORT_ANSWER_LENGTH, `An answer must be at most ${MAX_SHORT_ANSWER_LENGTH} characters`),
]);
export type QuizAnswerValue = z.infer<typeof quizAnswerValueSchema>;

/** `POST /lessons/:id/quiz/attempts`; a question left out counts as wrong. */
export const quizAttemptBodySchema = z.object({
  answers: z
    .array(z.object({ question_id: z.string().min(1).max(200), answer: quizAnswerValueSchema }))
    .max(MAX_QUESTIONS),
});
export type QuizAttemptBody = z.infer<typeof quizAttemptBodySchema>;

/** After this many attempts, an attempt's result shows the answers of every question, answered or not. */
export const QUIZ_REVEAL_ALL_AFTER_ATTEMPTS = 3;

export const quizAttemptResultSchema = z.object({
  attempt_id: z.string(),
  score: z.number(),
  passed: z.boolean(),
  pass_mark: z.number().int(),
  correct_count: z.number().int(),
  total: z.number().int(),
  results: z.array(
    z.object({
      question_id: z.string(),
      correct: z.boolean(),
      your_answer: quizAnswerValueSchema.nullable(),
      /**
       * Same type as an answer; for a short answer, the first accepted answer. Null (with the explanation) for a
       * question left unanswered, until the quiz is passed or after QUIZ_REVEAL_ALL_AFTER_ATTEMPTS attempts: an
       * empty attempt must not hand out the key.
       */
      correct_answer: quizAnswerValueSchema.nullable(),
      explanation: z.string().nullable(),
    }),
  ),
  quiz_progress: quizProgressSchema,
});
export type QuizAttemptResult = z.infer<typeof quizAttemptResultSchema>;

/** A past attempt in the learner's history: which questions were right, not the key. */
export const quizAttemptSummarySchema = z.object({
  id: z.string(),
  score: z.number(),
  passed: z.boolean(),
  correct_count: z.number().int(),
  total: z.number().int(),
  results: z.array(z.object({ question_id: z.string(), correct: z.boolean() })),
  created_at: z.string(),
});
export type QuizAttemptSummary = z.infer<typeof quizAttemptSummarySchema>;

export const quizAttemptListQuerySchema = pageQuerySchema;
