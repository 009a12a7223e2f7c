import { type Passage, passageSentences } from "./passages.js";
import { candidates, context, type Variant } from "./quiz-builders.js";
import { toFacts } from "./quiz-patterns.js";
import type { VocabularyTerm } from "./terms.js";

export type QuizDifficulty = "easy" | "medium" | "hard";

/** The kind of thinking a question asks for. */
export type QuizKind =
  | "definition"
  | "recall"
  | "cause_effect"
  | "example"
  | "apply"
  | "ordering"
  | "compare"
  | "analyse";

/** Difficulty changes the kind of thinking: recall → cause, example and application → analysis, order, comparison. */
export const KINDS_BY_DIFFICULTY: Record<QuizDifficulty, readonly QuizKind[]> = {
  easy: ["definition", "recall"],
  medium: ["cause_effect", "example", "apply"],
  hard: ["ordering", "compare", "analyse"],
};

/** Where an item's answer is said: the lesson and, for a video, the second. */
export interface QuizItemSource {
  lesson_id: string;
  title: string;
  start_seconds?: number;
}

interface QuizItemBase {
  question: string;
  explanation: string;
  source: QuizItemSource;
  /** Not part of the wire contract: what the question exercises (the evaluation reads it). */
  kind: QuizKind;
}

/**
 * A generated question. `correct_answer` follows the quiz API's answer values: an option index (single
 * choice), option indexes (multiple choice), a boolean (true/false) or the expected text (short answer).
 */
export type QuizItem =
  | (QuizItemBase & { type: "single_choice"; options: string[]; correct_answer: number })
  | (QuizItemBase & { type: "multiple_choice"; options: string[]; correct_answer: number[] })
  | (QuizItemBase & { type: "true_false"; options: ["True", "False"]; correct_answer: boolean })
  | (QuizItemBase & { type: "short_answer"; options: []; correct_answer: string; accepted_answers: string[] });

export type QuizItemType = QuizItem["type"];

export interface GenerateQuizInput {
  /** The material to ask about (e.g. a lesson's chunks from `lessonPassages`). Course descriptions are skipped. */
  passages: readonly Passage[];
  /** 1–20. Fewer items come back when the material has too few usable sentences. */
  numQuestions: number;
  difficulty: QuizDifficulty;
  /** The whole course (`coursePassages`): its concept inventory gives the distractors. Defaults to `passages`. */
  coursePassages?: readonly Passage[];
  /** The course's term frequencies (`buildVocabulary`): easy questions ask about the most used terms first. */
  vocabulary?: readonly VocabularyTerm[];
}

/** Question variants per difficulty, cycled. */
const PLAN: Record<QuizDifficulty, Variant[]> = {
  easy: ["definition", "recall_choice", "recall_tf", "definition", "recall_choice", "recall_tf"],
  medium: ["cause_choice", "apply", "example", "cause_tf", "cause_choice", "apply"],
  hard: ["ordering", "compare", "analyse", "ordering", "analyse", "compare"],
};
/** When a level's own variants run out: the neighbouring levels, nearest first. */
const FALLBACK: Record<QuizDifficulty, QuizDifficulty[]> = {
  easy: ["medium", "hard"],
  medium: ["easy", "hard"],
  hard: ["medium", "easy"],
};

/**
 * Quiz questions on a lesson's key ideas, offline: definitions and recall (easy), cause and effect, examples and
 * applying a rule (medium), ordering, comparison and analysis (hard). Wrong options come from the course's concept
 * inventory (same kind as the answer) or are the lesson's own other effects and rules; true/false items swap a
 * concept for a sibling or turn an effect around. Deterministic; no sentence is asked about twice.
 */
export function generateQuizItems(input: GenerateQuizInput): QuizItem[] {
  const wanted = Math.min(Math.max(Math.floor(input.numQuestions), 1), 20);
  const lessonSentences = passageSentences(input.passages.filter((p) => p.source !== "course"));
  const courseSentences = passageSentences(
    (input.coursePassages ?? input.passages).filter((p) => p.source !== "course"),
  );
  const ctx = context(lessonSentences, courseSentences.length ? courseSentences : lessonSentences, input.vocabulary);
  const pool = candidates(ctx, toFacts(lessonSentences));

  const items: QuizItem[] = [];
  const usedSentences = new Set<string>();
  const questions = new Set<string>();
  const take = (variant: Variant): boolean => {
    for (const c of pool.get(variant) ?? []) {
      if (c.uses.some((u) => usedSentences.has(u)) || questions.has(c.item.question)) continue;
      items.push(c.item);
      questions.add(c.item.question);
      for (const u of c.uses) usedSentences.add(u);
      return true;
    }
    return false;
  };
  const fill = (level: QuizDifficulty, limit: number) => {
    const plan = PLAN[level];
    let misses = 0;
    for (let slot = 0; items.length < limit && misses < plan.length; slot++) {
      misses = take(plan[slot % plan.length] as Variant) ? 0 : misses + 1;
    }
  };
  fill(input.difficulty, wanted);
  // A thin lesson runs out of questions of its level: neighbouring levels top it up, never to more than half,
  // so the difficulty asked for still sets the kind of thinking.
  const own = items.length;
  const limit = own > 0 ? Math.min(wanted, own * 2) : wanted;
  for (const level of FALLBACK[input.difficulty]) fill(level, limit);
  return items;
}
