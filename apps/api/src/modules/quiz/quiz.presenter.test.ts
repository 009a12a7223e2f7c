import type { QuizQuestionInput } from "@lumen/contracts";
import { describe, expect, it } from "vitest";
import { presentLearnerQuiz, presentOwnerQuiz, toQuestionRows } from "./quiz.presenter.js";
import type { QuizRow } from "./quiz.repo.js";

const tf = (id?: string): QuizQuestionInput => ({
  ...(id === undefined ? {} : { id }),
  type: "true_false",
  question: "Q",
  correct: true,
  explanation: "E",
});

const counter = () => {
  let n = 0;
  return () => `gen${++n}`;
};

describe("question ids", () => {
  it("keep a valid, unique client id and generate the others", () => {
    const rows = toQuestionRows([tf("intro"), tf(), tf("has space"), tf("intro"), tf("x".repeat(65))], counter());
    expect(rows.map((r) => r.id)).toEqual(["intro", "gen1", "gen2", "gen3", "gen4"]);
  });

  it("never generate an id a later question already claims", () => {
    const rows = toQuestionRows([tf(), tf("gen1")], counter());
    expect(rows.map((r) => r.id)).toEqual(["gen2", "gen1"]);
  });

  it("store multiple-choice indexes in order and the single-choice index as the key", () => {
    const [m, s] = toQuestionRows(
      [
        { type: "multiple_choice", question: "Q", options: ["a", "b", "c"], correct_indexes: [2, 0], explanation: "E" },
        { type: "single_choice", question: "Q", options: ["a", "b"], correct_index: 1, explanation: "E" },
      ],
      counter(),
    );
    expect(m).toMatchObject({ correct: [0, 2] });
    expect(s).toMatchObject({ correct: 1 });
  });
});

describe("quiz views", () => {
  const quiz: QuizRow = {
    id: "quiz",
    lessonId: "lesson",
    courseId: "course",
    passMark: 70,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    questions: [
      { id: "s", type: "single_choice", question: "Q1", options: ["a", "b"], correct: 0, explanation: "E1" },
      { id: "m", type: "multiple_choice", question: "Q2", options: ["a", "b"], correct: [1], explanation: "E2" },
      { id: "t", type: "true_false", question: "Q3", correct: false, explanation: "E3" },
      { id: "a", type: "short_answer", question: "Q4", accepted_answers: ["x"], explanation: "E4" },
    ],
  };

  it("give a learner the questions and options but no key and no explanation", () => {
    const view = presentLearnerQuiz(quiz, null);
    expect(view.questions).toEqual([
      { id: "s", type: "single_choice", question: "Q1", options: ["a", "b"] },
      { id: "m", type: "multiple_choice", question: "Q2", options: ["a", "b"] },
      { id: "t", type: "true_false", question: "Q3" },
      { id: "a", type: "short_answer", question: "Q4" },
    ]);
    expect(JSON.stringify(view)).not.toMatch(/correct|accepted|explanation|E\d/);
  });

  it("give the owner the key under the field names the editor sends", () => {
    expect(presentOwnerQuiz(quiz).questions).toEqual([
      { id: "s", type: "single_choice", question: "Q1", options: ["a", "b"], correct_index: 0, explanation: "E1" },
      {
        id: "m",
        type: "multiple_choice",
        question: "Q2",
        options: ["a", "b"],
        correct_indexes: [1],
        explanation: "E2",
      },
      { id: "t", type: "true_false", question: "Q3", correct: false, explanation: "E3" },
      { id: "a", type: "short_answer", question: "Q4", accepted_answers: ["x"], explanation: "E4" },
    ]);
  });
});
