import { describe, expect, it } from "vitest";
import type { QuizQuestionRow } from "./quiz.repo.js";
import { answerIssues, correctAnswer, isCorrect, normaliseShortAnswer, scoreAttempt } from "./quiz-scoring.js";

const single: QuizQuestionRow = {
  id: "s",
  type: "single_choice",
  question: "2 + 2?",
  options: ["3", "4", "5"],
  correct: 1,
  explanation: "Arithmetic.",
};
const multiple: QuizQuestionRow = {
  id: "m",
  type: "multiple_choice",
  question: "Primes?",
  options: ["2", "3", "4", "5"],
  correct: [0, 1, 3],
  explanation: "4 = 2 × 2.",
};
const trueFalse: QuizQuestionRow = {
  id: "t",
  type: "true_false",
  question: "The sky is green.",
  correct: false,
  explanation: "It is blue.",
};
const short: QuizQuestionRow = {
  id: "a",
  type: "short_answer",
  question: "Capital of France?",
  accepted_answers: ["Paris", "Ville de Paris"],
  explanation: "Paris.",
};
const quiz = [single, multiple, trueFalse, short];

describe("short answer normalisation", () => {
  it("ignores case, surrounding and repeated whitespace, and a trailing period", () => {
    expect(normaliseShortAnswer("  Ville   de\tPARIS. ")).toBe("ville de paris");
    expect(normaliseShortAnswer("5050.")).toBe("5050");
    expect(normaliseShortAnswer("3.14")).toBe("3.14");
  });

  it("accepts any accepted answer written differently, but not another word", () => {
    expect(isCorrect(short, "paris")).toBe(true);
    expect(isCorrect(short, " ville  DE paris.")).toBe(true);
    expect(isCorrect(short, "Lyon")).toBe(false);
    expect(isCorrect(short, "   ")).toBe(false);
  });
});

describe("answer checking", () => {
  it("needs the exact option for a single choice", () => {
    expect(isCorrect(single, 1)).toBe(true);
    expect(isCorrect(single, 0)).toBe(false);
  });

  it("needs exactly the set of correct options for a multiple choice, in any order", () => {
    expect(isCorrect(multiple, [3, 0, 1])).toBe(true);
    expect(isCorrect(multiple, [0, 1])).toBe(false);
    expect(isCorrect(multiple, [0, 1, 2, 3])).toBe(false);
    expect(isCorrect(multiple, [])).toBe(false);
  });

  it("compares true/false answers as booleans", () => {
    expect(isCorrect(trueFalse, false)).toBe(true);
    expect(isCorrect(trueFalse, true)).toBe(false);
  });

  it("counts a missing answer as wrong", () => {
    for (const q of quiz) expect(isCorrect(q, null)).toBe(false);
  });

  it("states the key in the shape of an answer", () => {
    expect(quiz.map(correctAnswer)).toEqual([1, [0, 1, 3], false, "Paris"]);
  });
});

describe("submission checks", () => {
  it("accept well-typed answers to known questions, even when some are left out", () => {
    expect(
      answerIssues(quiz, [
        { question_id: "s", answer: 2 },
        { question_id: "a", answer: "x" },
      ]),
    ).toEqual({});
  });

  it("name unknown and repeated question ids by position", () => {
    expect(
      answerIssues(quiz, [
        { question_id: "s", answer: 1 },
        { question_id: "nope", answer: 1 },
        { question_id: "s", answer: 0 },
      ]),
    ).toEqual({
      "answers.1.question_id": ["This quiz has no question with this id"],
      "answers.2.question_id": ["Answer each question at most once"],
    });
  });

  it("name answers of the wrong type or pointing at no option", () => {
    const issues = answerIssues(quiz, [
      { question_id: "s", answer: 3 },
      { question_id: "m", answer: 1 },
      { question_id: "t", answer: "false" },
      { question_id: "a", answer: true },
    ]);
    expect(Object.keys(issues)).toEqual([
      "answers.0.answer",
      "answers.1.answer",
      "answers.2.answer",
      "answers.3.answer",
    ]);
    expect(answerIssues(quiz, [{ question_id: "m", answer: [0, 4] }])).toHaveProperty(["answers.0.answer"]);
  });
});

describe("scoring", () => {
  it("scores the share of correct answers, rounded to 2 decimals, against the pass mark", () => {
    const answers = [
      { question_id: "s", answer: 1 },
      { question_id: "m", answer: [0, 1, 3] },
      { question_id: "t", answer: true },
    ];
    const scored = scoreAttempt(quiz, answers, 70);
    expect(scored).toMatchObject({ correctCount: 2, total: 4, score: 50, passed: false });
    expect(scored.results.map((r) => [r.question.id, r.correct, r.answer])).toEqual([
      ["s", true, 1],
      ["m", true, [0, 1, 3]],
      ["t", false, true],
      ["a", false, null],
    ]);
    expect(scoreAttempt([single, multiple, trueFalse], answers, 66).score).toBe(66.67);
    expect(scoreAttempt([single, multiple, trueFalse], answers, 66).passed).toBe(true);
    expect(scoreAttempt([single, multiple, trueFalse], answers, 67).passed).toBe(false);
  });

  it("passes at exactly the pass mark", () => {
    const all = [
      { question_id: "s", answer: 1 },
      { question_id: "m", answer: [0, 1, 3] },
      { question_id: "t", answer: false },
    ];
    expect(scoreAttempt(quiz, all, 75)).toMatchObject({ score: 75, passed: true });
    expect(scoreAttempt(quiz, [], 1)).toMatchObject({ score: 0, passed: false, correctCount: 0 });
  });
});
