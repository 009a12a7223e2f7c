import type { Passage } from "./ai.context.js";
import type { OpenQuiz } from "./ai.repo.js";
import { textLemmas } from "./offline/nlp.js";
import { overlap } from "./offline/scoring.js";

/** Share of lemmas a question must have in common with an open quiz's question to count as asking it. */
const QUIZ_QUESTION_MATCH = 0.5;

export interface QuizFocus {
  /** The open quiz question closest to what was asked, when any shares a word with it. */
  question: string | null;
  lessonId: string | null;
  score: number;
}

/** The open quiz question closest to a message (most shared lemmas, Jaccard), or none. */
export function closestQuizQuestion(openQuizzes: readonly OpenQuiz[], message: string): QuizFocus {
  const asked = textLemmas(message);
  let best: QuizFocus = { question: null, lessonId: null, score: 0 };
  for (const quiz of openQuizzes)
    for (const question of quiz.questions) {
      const score = overlap(asked, textLemmas(question));
      if (score > best.score) best = { question, lessonId: quiz.lessonId, score };
    }
  return best;
}

/**
 * The quiz question a hint should address: the closest open one, when it is on the learner's lesson or the
 * message is plainly that question. Null when the learner asks something else.
 */
export function hintTarget(focus: QuizFocus, lessonId: string | null): string | null {
  if (!focus.question) return null;
  return focus.lessonId === lessonId || focus.score >= QUIZ_QUESTION_MATCH ? focus.question : null;
}

export interface QuizGuard {
  /** An open quiz is in play: the tutor only hints, and `withheld` never leaves. */
  hintOnly: boolean;
  withheld: string[];
  /** The rung of the hint ladder: how many times this conversation already asked about the same thing. */
  step: number;
}

/**
 * Hint mode whenever an open quiz is in play: the current lesson's, one whose lesson a passage comes from (the
 * answer would be built from it), or one whose question is what was asked. Every open quiz's answers are
 * withheld then. The ladder climbs with each earlier ask in the conversation about the same quiz question (or,
 * without one, the same question).
 */
export function quizGuard(input: {
  openQuizzes: readonly OpenQuiz[];
  message: string;
  focus: QuizFocus;
  lessonId: string | null;
  passages: readonly Passage[];
  history: ReadonlyArray<{ role: string; content: string }>;
}): QuizGuard {
  const { openQuizzes, focus, lessonId, passages } = input;
  const asked = openQuizzes.length ? textLemmas(input.message) : [];
  const inPlay = openQuizzes.filter(
    (q) =>
      q.lessonId === lessonId ||
      passages.some((p) => p.lessonId === q.lessonId) ||
      q.questions.some((text) => overlap(asked, textLemmas(text)) >= QUIZ_QUESTION_MATCH),
  );
  if (inPlay.length === 0) return { hintOnly: false, withheld: [], step: 0 };
  const withheld = [...new Set(openQuizzes.flatMap((q) => q.answers))].sort();
  const target = hintTarget(focus, lessonId);
  const same = (content: string) =>
    target
      ? hintTarget(closestQuizQuestion(openQuizzes, content), lessonId) === target
      : overlap(textLemmas(content), textLemmas(input.message)) >= QUIZ_QUESTION_MATCH;
  const step = input.history.filter((m) => m.role === "user" && same(m.content)).length;
  return { hintOnly: true, withheld, step };
}
