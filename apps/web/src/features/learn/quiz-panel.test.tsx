// @vitest-environment happy-dom
import type { LearnerQuiz, QuizAttemptResult } from "@lumen/contracts";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { QuizPanel } from "./quiz-panel";

afterEach(cleanup);

const quiz: LearnerQuiz = {
  id: "quiz-1",
  lesson_id: "l-1",
  course_id: "c-1",
  pass_mark: 70,
  question_count: 2,
  updated_at: "2026-01-02T00:00:00.000Z",
  view: "learner",
  questions: [
    {
      id: "where",
      type: "single_choice",
      question: "Where does it happen?",
      options: ["Roots", "Chloroplasts", "Stem"],
    },
    { id: "light", type: "multiple_choice", question: "What does it need?", options: ["Light", "Water", "Salt"] },
  ],
  quiz_progress: { attempts: 0, best_score: null, passed: false, last_attempt_at: null },
};

const result: QuizAttemptResult = {
  attempt_id: "a-1",
  score: 0,
  passed: false,
  pass_mark: 70,
  correct_count: 0,
  total: 2,
  results: [
    { question_id: "where", correct: false, your_answer: 0, correct_answer: 1, explanation: null },
    { question_id: "light", correct: false, your_answer: [0, 2], correct_answer: [0, 1], explanation: null },
  ],
  quiz_progress: { attempts: 1, best_score: 0, passed: false, last_attempt_at: "2026-01-02T00:00:00.000Z" },
};

const option = (question: string, name: string) =>
  within(screen.getByRole("group", { name: new RegExp(question) }))
    .getByRole(question.startsWith("Where") ? "radio" : "checkbox", { name: new RegExp(`^${name}`) })
    .closest("label") as HTMLElement;

describe("quiz results", () => {
  it("mark the picked wrong option and the right one in words, not colour alone", async () => {
    const user = userEvent.setup();
    render(<QuizPanel quiz={quiz} canAttempt submit={async () => result} />);
    await user.click(screen.getByRole("radio", { name: "Roots" }));
    await user.click(screen.getByRole("checkbox", { name: "Light" }));
    await user.click(screen.getByRole("checkbox", { name: "Salt" }));
    await user.click(screen.getByRole("button", { name: "Submit answers" }));
    await screen.findByText(/Not passed yet/);

    expect(option("Where", "Roots").textContent).toContain("Your answer");
    expect(option("Where", "Roots").dataset.mark).toBe("picked-wrong");
    expect(option("Where", "Chloroplasts").textContent).toContain("Right answer");
    expect(option("Where", "Chloroplasts").dataset.mark).toBe("right");
    expect(option("Where", "Stem").dataset.mark).toBeUndefined();
    expect(option("Where", "Stem").textContent).toBe("Stem");

    expect(option("What does it need", "Light").textContent).toContain("Your answer, right");
    expect(option("What does it need", "Water").textContent).toContain("Right answer");
    expect(option("What does it need", "Salt").dataset.mark).toBe("picked-wrong");
  });

  it("marks nothing before the answers are scored", async () => {
    render(<QuizPanel quiz={quiz} canAttempt submit={async () => result} />);
    expect(document.querySelectorAll("[data-mark]")).toHaveLength(0);
  });
});

describe("submitting with questions left blank", () => {
  it("asks first: keep answering sends nothing, submit anyway sends the attempt", async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    render(
      <QuizPanel
        quiz={quiz}
        canAttempt
        submit={async (body) => {
          sent.push(body);
          return result;
        }}
      />,
    );
    await user.click(screen.getByRole("radio", { name: "Roots" }));
    await user.click(screen.getByRole("button", { name: "Submit answers" }));
    const dialog = screen.getByRole("dialog", { name: "Submit with 1 unanswered?" });
    await user.click(within(dialog).getByRole("button", { name: "Keep answering" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(sent).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Submit answers" }));
    await user.click(screen.getByRole("button", { name: "Submit anyway" }));
    await screen.findByText(/Not passed yet/);
    expect(sent).toEqual([{ answers: [{ question_id: "where", answer: 0 }] }]);
  });
});
