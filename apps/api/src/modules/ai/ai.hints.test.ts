import { describe, expect, it } from "vitest";
import type { Passage } from "./ai.context.js";
import { closestQuizQuestion, hintTarget, quizGuard } from "./ai.hints.js";

const quizzes = [
  {
    lessonId: "calvin",
    questions: ["Which enzyme fixes carbon dioxide in the Calvin cycle?", "Where does the Calvin cycle run?"],
    answers: ["Rubisco", "the stroma"],
  },
  { lessonId: "light", questions: ["What is split to release oxygen?"], answers: ["water"] },
];
const passage = (lessonId: string): Passage => ({
  courseId: "c",
  lessonId,
  lessonTitle: lessonId,
  courseTitle: "Photosynthesis",
  source: "lesson",
  heading: "",
  text: "",
  cues: [],
  startSeconds: null,
});

describe("hints while a quiz is open", () => {
  it("addresses the open quiz question closest to what was asked", () => {
    const focus = closestQuizQuestion(quizzes, "where does the cycle happen?");
    expect(focus.question).toBe("Where does the Calvin cycle run?");
    expect(hintTarget(focus, "calvin")).toBe("Where does the Calvin cycle run?");
    // On another lesson, only a question that is plainly the quiz's own counts.
    expect(hintTarget(closestQuizQuestion(quizzes, "what about the cycle?"), "light")).toBeNull();
  });

  it("climbs the ladder with each earlier ask about the same quiz question", () => {
    const guard = (history: Array<{ role: string; content: string }>) =>
      quizGuard({
        openQuizzes: quizzes,
        message: "Where does the Calvin cycle run?",
        focus: closestQuizQuestion(quizzes, "Where does the Calvin cycle run?"),
        lessonId: "calvin",
        passages: [passage("calvin")],
        history,
      });
    expect(guard([])).toEqual({ hintOnly: true, withheld: ["Rubisco", "the stroma", "water"], step: 0 });
    const asked = [
      { role: "user", content: "where does the cycle run" },
      { role: "assistant", content: "Think about…" },
    ];
    expect(guard(asked).step).toBe(1);
    expect(guard([...asked, { role: "user", content: "which enzyme fixes carbon?" }]).step).toBe(1);
    expect(guard([...asked, ...asked]).step).toBe(2);
  });

  it("stays out of the way when no open quiz is in play", () => {
    const guard = quizGuard({
      openQuizzes: quizzes,
      message: "What is a vector?",
      focus: closestQuizQuestion(quizzes, "What is a vector?"),
      lessonId: "vectors",
      passages: [passage("vectors")],
      history: [],
    });
    expect(guard).toEqual({ hintOnly: false, withheld: [], step: 0 });
  });
});
