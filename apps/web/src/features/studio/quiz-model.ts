import {
  DEFAULT_PASS_MARK,
  type GeneratedQuestion,
  MAX_OPTIONS,
  type OwnerQuiz,
  type QuestionType,
  type QuizQuestionInput,
  quizUpsertSchema,
} from "@lumen/contracts";
import type { z } from "zod";

/** The quiz editor's form: the very body of PUT /lessons/:id/quiz. */
export const quizFormSchema = quizUpsertSchema;
export type QuizFormInput = z.input<typeof quizFormSchema>;
export type QuizFormOutput = z.output<typeof quizFormSchema>;

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single_choice: "One correct answer",
  multiple_choice: "Several correct answers",
  true_false: "True or false",
  short_answer: "Short written answer",
};

export function blankQuestion(type: QuestionType): QuizQuestionInput {
  const base = { question: "", explanation: "" };
  switch (type) {
    case "single_choice":
      return { ...base, type, options: ["", ""], correct_index: 0 };
    case "multiple_choice":
      return { ...base, type, options: ["", "", ""], correct_indexes: [0] };
    case "true_false":
      return { ...base, type, correct: true };
    default:
      return { ...base, type: "short_answer", accepted_answers: [""] };
  }
}

/** The same question as another type, keeping what carries over (text, explanation, options, answers). */
export function convertQuestion(q: QuizQuestionInput, type: QuestionType): QuizQuestionInput {
  if (q.type === type) return q;
  const next = blankQuestion(type);
  const carried = { ...next, id: q.id, question: q.question, explanation: q.explanation } as QuizQuestionInput;
  const options = "options" in q ? q.options : null;
  if (carried.type === "single_choice" && options && options.length >= 2) {
    return { ...carried, options, correct_index: q.type === "multiple_choice" ? (q.correct_indexes[0] ?? 0) : 0 };
  }
  if (carried.type === "multiple_choice" && options && options.length >= 2) {
    return { ...carried, options, correct_indexes: q.type === "single_choice" ? [q.correct_index] : [0] };
  }
  return carried;
}

export function toFormQuestions(quiz: OwnerQuiz | null): QuizFormInput {
  return { pass_mark: quiz?.pass_mark ?? DEFAULT_PASS_MARK, questions: quiz?.questions ?? [] };
}

/** A generated question as the editor's input; every part of it stays editable before it joins the quiz. */
export function fromGenerated(g: GeneratedQuestion): QuizQuestionInput {
  const base = { question: g.question, explanation: g.explanation };
  switch (g.type) {
    case "single_choice":
      return { ...base, type: g.type, options: g.options.slice(0, MAX_OPTIONS), correct_index: g.correct_answer };
    case "multiple_choice":
      return { ...base, type: g.type, options: g.options.slice(0, MAX_OPTIONS), correct_indexes: g.correct_answer };
    case "true_false":
      return { ...base, type: g.type, correct: g.correct_answer };
    default:
      return { ...base, type: "short_answer", accepted_answers: [g.correct_answer] };
  }
}

/** Options after removing one, with the correct answer(s) still pointing at the same options. */
export function withoutOption(q: QuizQuestionInput, index: number): QuizQuestionInput {
  if (q.type !== "single_choice" && q.type !== "multiple_choice") return q;
  const options = q.options.filter((_, i) => i !== index);
  if (q.type === "single_choice") {
    const correct = q.correct_index === index ? 0 : q.correct_index > index ? q.correct_index - 1 : q.correct_index;
    return { ...q, options, correct_index: correct };
  }
  const correct = q.correct_indexes.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i));
  return { ...q, options, correct_indexes: correct };
}

/** Options with one moved a step up or down, the correct answer(s) following their options. */
export function withOptionMoved(q: QuizQuestionInput, index: number, direction: -1 | 1): QuizQuestionInput {
  if (q.type !== "single_choice" && q.type !== "multiple_choice") return q;
  const other = index + direction;
  if (other < 0 || other >= q.options.length) return q;
  const options = [...q.options];
  [options[index], options[other]] = [options[other] as string, options[index] as string];
  const swap = (i: number) => (i === index ? other : i === other ? index : i);
  if (q.type === "single_choice") return { ...q, options, correct_index: swap(q.correct_index) };
  return { ...q, options, correct_indexes: q.correct_indexes.map(swap).sort((a, b) => a - b) };
}
