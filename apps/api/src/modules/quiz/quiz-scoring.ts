import type { QuizAnswerValue } from "@lumen/contracts";
import type { QuizQuestionRow } from "./quiz.repo.js";

export interface SubmittedAnswer {
  question_id: string;
  answer: QuizAnswerValue;
}

export interface ScoredQuestion {
  question: QuizQuestionRow;
  answer: QuizAnswerValue | null;
  correct: boolean;
}

export interface ScoredAttempt {
  results: ScoredQuestion[];
  correctCount: number;
  total: number;
  /** Percentage of questions answered correctly, rounded to 2 decimals. */
  score: number;
  passed: boolean;
}

/**
 * Short answers are compared loosely so that typing style doesn't cost a point:
 * case, surrounding and repeated whitespace, and one trailing period are ignored ("  The  Sun. " = "the sun").
 */
export function normaliseShortAnswer(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim().replace(/\.$/, "").trimEnd();
}

export function isCorrect(question: QuizQuestionRow, answer: QuizAnswerValue | null | undefined): boolean {
  if (answer === null || answer === undefined) return false;
  switch (question.type) {
    case "single_choice":
      return answer === question.correct;
    case "multiple_choice": {
      if (!Array.isArray(answer)) return false;
      const given = new Set(answer);
      return given.size === question.correct.length && question.correct.every((i) => given.has(i));
    }
    case "true_false":
      return answer === question.correct;
    case "short_answer": {
      if (typeof answer !== "string") return false;
      const given = normaliseShortAnswer(answer);
      return given !== "" && question.accepted_answers.some((accepted) => normaliseShortAnswer(accepted) === given);
    }
  }
}

/** The key in the shape of an answer; for a short answer, the first (canonical) accepted answer. */
export function correctAnswer(question: QuizQuestionRow): QuizAnswerValue {
  switch (question.type) {
    case "single_choice":
    case "true_false":
      return question.correct;
    case "multiple_choice":
      return [...question.correct].sort((a, b) => a - b);
    case "short_answer":
      return question.accepted_answers[0] ?? "";
  }
}

/** Why an answer can't belong to its question (wrong type, no such option), or null when it fits. */
function answerMismatch(question: QuizQuestionRow, answer: QuizAnswerValue): string | null {
  const optionCount = "options" in question ? question.options.length : 0;
  const inRange = (i: number) => i < optionCount;
  switch (question.type) {
    case "single_choice":
      if (typeof answer !== "number") return "A single_choice answer is the index of one option";
      return inRange(answer) ? null : `Choose an option index from 0 to ${optionCount - 1}`;
    case "multiple_choice":
      if (!Array.isArray(answer)) return "A multiple_choice answer is a list of option indexes";
      return answer.every(inRange) ? null : `Choose option indexes from 0 to ${optionCount - 1}`;
    case "true_false":
      return typeof answer === "boolean" ? null : "A true_false answer is true or false";
    case "short_answer":
      return typeof answer === "string" ? null : "A short_answer answer is text";
  }
}

/**
 * Per-field problems of a submission, keyed like validation errors (`answers.2.question_id`): unknown or repeated
 * question ids and answers that don't fit their question. Empty when the submission can be scored.
 */
export function answerIssues(questions: QuizQuestionRow[], answers: SubmittedAnswer[]): Record<string, string[]> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const issues: Record<string, string[]> = {};
  answers.forEach((a, i) => {
    const question = byId.get(a.question_id);
    if (!question) {
      issues[`answers.${i}.question_id`] = ["This quiz has no question with this id"];
      return;
    }
    if (seen.has(a.question_id)) {
      issues[`answers.${i}.question_id`] = ["Answer each question at most once"];
      return;
    }
    seen.add(a.question_id);
    const mismatch = answerMismatch(question, a.answer);
    if (mismatch) issues[`answers.${i}.answer`] = [mismatch];
  });
  return issues;
}

/** Scores a checked submission: every question counts once, a missing answer is wrong. */
export function scoreAttempt(
  questions: QuizQuestionRow[],
  answers: SubmittedAnswer[],
  passMark: number,
): ScoredAttempt {
  const given = new Map(answers.map((a) => [a.question_id, a.answer]));
  const results = questions.map((question) => {
    const answer = given.get(question.id) ?? null;
    return { question, answer, correct: isCorrect(question, answer) };
  });
  const correctCount = results.filter((r) => r.correct).length;
  const total = questions.length;
  const score = total === 0 ? 0 : Math.round((correctCount / total) * 10_000) / 100;
  return { results, correctCount, total, score, passed: score >= passMark };
}
