import {
  type LearnerQuiz,
  type OwnerQuiz,
  type PublicQuizQuestion,
  QUIZ_REVEAL_ALL_AFTER_ATTEMPTS,
  type QuizAttemptResult,
  type QuizAttemptSummary,
  type QuizQuestion,
  type QuizQuestionInput,
} from "@lumen/contracts";
import type { QuizAttemptRow, QuizProgress, QuizQuestionRow, QuizRow } from "./quiz.repo.js";
import { correctAnswer, type ScoredAttempt } from "./quiz-scoring.js";

const QUESTION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Input questions → stored rows. A client id is kept when it is a short slug not used by an earlier question, so
 * an editor that sends ids back keeps them stable across edits (attempts' results refer to them); others get a new id.
 */
export function toQuestionRows(inputs: QuizQuestionInput[], newId: () => string): QuizQuestionRow[] {
  const kept = new Set<string>();
  const ids = inputs.map((q) => {
    if (q.id === undefined || !QUESTION_ID.test(q.id) || kept.has(q.id)) return null;
    kept.add(q.id);
    return q.id;
  });
  const fresh = () => {
    let id = newId();
    while (kept.has(id)) id = newId();
    kept.add(id);
    return id;
  };
  return inputs.map((q, i) => toQuestionRow(q, ids[i] ?? fresh()));
}

function toQuestionRow(q: QuizQuestionInput, id: string): QuizQuestionRow {
  const base = { id, question: q.question, explanation: q.explanation };
  switch (q.type) {
    case "single_choice":
      return { ...base, type: q.type, options: q.options, correct: q.correct_index };
    case "multiple_choice":
      return { ...base, type: q.type, options: q.options, correct: [...q.correct_indexes].sort((a, b) => a - b) };
    case "true_false":
      return { ...base, type: q.type, correct: q.correct };
    case "short_answer":
      return { ...base, type: q.type, accepted_answers: q.accepted_answers };
  }
}

export function presentQuestionWithKey(q: QuizQuestionRow): QuizQuestion {
  const base = { id: q.id, question: q.question, explanation: q.explanation };
  switch (q.type) {
    case "single_choice":
      return { ...base, type: q.type, options: q.options, correct_index: q.correct };
    case "multiple_choice":
      return { ...base, type: q.type, options: q.options, correct_indexes: q.correct };
    case "true_false":
      return { ...base, type: q.type, correct: q.correct };
    case "short_answer":
      return { ...base, type: q.type, accepted_answers: q.accepted_answers };
  }
}

/** Built field by field (never by spreading the row) so no part of the key can slip through. */
export function presentPublicQuestion(q: QuizQuestionRow): PublicQuizQuestion {
  switch (q.type) {
    case "single_choice":
    case "multiple_choice":
      return { id: q.id, type: q.type, question: q.question, options: q.options };
    case "true_false":
    case "short_answer":
      return { id: q.id, type: q.type, question: q.question };
  }
}

const quizBase = (quiz: QuizRow) => ({
  id: quiz.id,
  lesson_id: quiz.lessonId,
  course_id: quiz.courseId,
  pass_mark: quiz.passMark,
  question_count: quiz.questions.length,
  updated_at: quiz.updatedAt.toISOString(),
});

export function presentOwnerQuiz(quiz: QuizRow): OwnerQuiz {
  return {
    ...quizBase(quiz),
    view: "owner",
    questions: quiz.questions.map(presentQuestionWithKey),
    created_at: quiz.createdAt.toISOString(),
  };
}

export function presentLearnerQuiz(quiz: QuizRow, quizProgress: QuizProgress | null): LearnerQuiz {
  return {
    ...quizBase(quiz),
    view: "learner",
    questions: quiz.questions.map(presentPublicQuestion),
    quiz_progress: quizProgress,
  };
}

export function presentAttemptResult(
  attempt: Pick<QuizAttemptRow, "id">,
  scored: ScoredAttempt,
  passMark: number,
  quizProgress: QuizProgress,
): QuizAttemptResult {
  // The key of a question is earned by answering it; all of it once the quiz is passed or after enough tries.
  const revealAll = scored.passed || quizProgress.passed || quizProgress.attempts >= QUIZ_REVEAL_ALL_AFTER_ATTEMPTS;
  return {
    attempt_id: attempt.id,
    score: scored.score,
    passed: scored.passed,
    pass_mark: passMark,
    correct_count: scored.correctCount,
    total: scored.total,
    results: scored.results.map((r) => {
      const reveal = revealAll || r.answer !== null;
      return {
        question_id: r.question.id,
        correct: r.correct,
        your_answer: r.answer,
        correct_answer: reveal ? correctAnswer(r.question) : null,
        explanation: reveal ? r.question.explanation : null,
      };
    }),
    quiz_progress: quizProgress,
  };
}

export function presentAttemptSummary(row: QuizAttemptRow): QuizAttemptSummary {
  return {
    id: row.id,
    score: Math.round(row.score * 100) / 100,
    passed: row.passed,
    correct_count: row.results.filter((r) => r.correct).length,
    total: row.results.length,
    results: row.results.map((r) => ({ question_id: r.question_id, correct: r.correct })),
    created_at: row.createdAt.toISOString(),
  };
}
