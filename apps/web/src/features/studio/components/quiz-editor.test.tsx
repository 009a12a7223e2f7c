// @vitest-environment happy-dom
import type { GeneratedQuestion, OwnerQuiz } from "@lumen/contracts";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  COURSE_ID,
  failure,
  LESSON_1,
  ok,
  renderWithRouter,
  restoreApi,
  serveApi,
  signInCreator,
} from "../studio-test-support";
import { QuizEditor } from "./quiz-editor";

const PUT = `PUT /lessons/${LESSON_1}/quiz`;
const GENERATE = "POST /ai/quiz-generate";

function savedQuiz(body: unknown): OwnerQuiz {
  const { pass_mark, questions } = body as { pass_mark: number; questions: Array<Record<string, unknown>> };
  return {
    id: "quiz-1",
    lesson_id: LESSON_1,
    course_id: COURSE_ID,
    pass_mark,
    question_count: questions.length,
    updated_at: "2026-01-02T00:00:00.000Z",
    created_at: "2026-01-02T00:00:00.000Z",
    view: "owner",
    questions: questions.map((q, i) => ({ ...q, id: `q${i + 1}` })) as OwnerQuiz["questions"],
  };
}

const source = { lesson_id: LESSON_1, title: "Light", start_seconds: 42 };
const GENERATED: GeneratedQuestion[] = [
  {
    type: "single_choice",
    question: "Where does photosynthesis happen?",
    options: ["Chloroplast", "Nucleus", "Ribosome"],
    correct_answer: 0,
    explanation: "The lesson says chloroplasts capture light.",
    source,
  },
  {
    type: "true_false",
    question: "Plants breathe out nitrogen.",
    options: ["True", "False"],
    correct_answer: false,
    explanation: "They release oxygen.",
    source,
  },
  {
    type: "short_answer",
    question: "Which gas do plants take in?",
    options: [],
    correct_answer: "carbon dioxide",
    explanation: "CO2 is fixed in the Calvin cycle.",
    source,
  },
];

function renderEditor(initial: OwnerQuiz | null = null) {
  const onSaved = vi.fn();
  renderWithRouter(<QuizEditor lessonId={LESSON_1} initial={initial} onSaved={onSaved} />);
  return { onSaved };
}

const quizRegion = () => screen.getByRole("region", { name: "Quiz" });
const question = (n: number) => within(quizRegion()).getByRole("group", { name: `Question ${n}` });

/**
 * Prose goes in as one paste. Typed key by key, the ~400 characters of these tests made ~400 renders of the
 * editor, each with a full set of keyboard events: seconds of work that ran into the test timeout under load.
 * Typing itself is still covered by the short option and answer fields, which are typed.
 */
async function write(user: UserEvent, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

async function addQuestion(user: UserEvent, type: string) {
  await user.selectOptions(screen.getByLabelText("New question type"), type);
  await user.click(screen.getByRole("button", { name: "Add question" }));
}

beforeEach(() => signInCreator());
afterEach(() => {
  cleanup();
  restoreApi();
});

describe("QuizEditor", () => {
  it("builds all four question types and saves the quiz as the API expects", async () => {
    const { callsTo } = serveApi({ [PUT]: ({ body }) => ok(savedQuiz(body)) });
    const user = userEvent.setup();
    const { onSaved } = renderEditor();

    await addQuestion(user, "single_choice");
    let q = within(question(1));
    await write(user, q.getByLabelText("Question"), "What do leaves catch?");
    await user.type(q.getByLabelText("Option 1"), "Rain");
    await user.type(q.getByLabelText("Option 2"), "Light");
    await user.click(q.getByLabelText("Option 2 is correct"));
    await write(user, q.getByLabelText("Explanation"), "Light drives the reactions.");

    await addQuestion(user, "multiple_choice");
    q = within(question(2));
    await write(user, q.getByLabelText("Question"), "What does photosynthesis make?");
    for (const [i, text] of ["Sugar", "Oxygen", "Salt"].entries())
      await user.type(q.getByLabelText(`Option ${i + 1}`), text);
    await user.click(q.getByLabelText("Option 2 is correct"));
    await write(user, q.getByLabelText("Explanation"), "Sugar and oxygen.");

    await addQuestion(user, "true_false");
    q = within(question(3));
    await write(user, q.getByLabelText("Question"), "Roots make sugar.");
    await user.click(q.getByRole("radio", { name: "False" }));
    await write(user, q.getByLabelText("Explanation"), "Leaves do.");

    await addQuestion(user, "short_answer");
    q = within(question(4));
    await write(user, q.getByLabelText("Question"), "Name the green pigment.");
    await user.type(q.getByLabelText("Accepted answer 1"), "chlorophyll");
    await user.click(q.getByRole("button", { name: "Add an accepted answer" }));
    await user.type(q.getByLabelText("Accepted answer 2"), "chlorophyll a");
    await write(user, q.getByLabelText("Explanation"), "It absorbs light.");

    const passMark = screen.getByLabelText("Pass mark (%)");
    await user.clear(passMark);
    await user.type(passMark, "80");
    await user.click(screen.getByRole("button", { name: "Save quiz" }));

    await waitFor(() => expect(screen.getByText("Saved with 4 questions")).toBeTruthy());
    expect(callsTo(PUT).map((c) => c.body)).toEqual([
      {
        pass_mark: 80,
        questions: [
          {
            type: "single_choice",
            question: "What do leaves catch?",
            options: ["Rain", "Light"],
            correct_index: 1,
            explanation: "Light drives the reactions.",
          },
          {
            type: "multiple_choice",
            question: "What does photosynthesis make?",
            options: ["Sugar", "Oxygen", "Salt"],
            correct_indexes: [0, 1],
            explanation: "Sugar and oxygen.",
          },
          { type: "true_false", question: "Roots make sugar.", correct: false, explanation: "Leaves do." },
          {
            type: "short_answer",
            question: "Name the green pigment.",
            accepted_answers: ["chlorophyll", "chlorophyll a"],
            explanation: "It absorbs light.",
          },
        ],
      },
    ]);
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ question_count: 4 }));
    expect(screen.getByText("All changes saved")).toBeTruthy();
  });

  it("refuses an incomplete question in words and sends nothing", async () => {
    const { callsTo } = serveApi({ [PUT]: ({ body }) => ok(savedQuiz(body)) });
    const user = userEvent.setup();
    renderEditor();

    await user.click(screen.getByRole("button", { name: "Save quiz" }));
    expect(await screen.findByText("A quiz needs at least one question")).toBeTruthy();

    await addQuestion(user, "single_choice");
    await user.click(screen.getByRole("button", { name: "Save quiz" }));
    const q = within(question(1));
    expect(await q.findByText("Write the question")).toBeTruthy();
    expect(q.getAllByText("An option can't be empty")).toHaveLength(2);
    expect(q.getByText("Explain the answer: learners see it after their attempt")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(q.getByLabelText("Question")));
    expect(callsTo(PUT)).toHaveLength(0);
  });

  it("keeps the correct answer on its option when options are removed, moved or the type changes", async () => {
    serveApi({});
    const user = userEvent.setup();
    renderEditor();
    await addQuestion(user, "single_choice");
    const q = within(question(1));
    await user.click(q.getByRole("button", { name: "Add an option" }));
    for (const [i, text] of ["Red", "Green", "Blue"].entries())
      await user.type(q.getByLabelText(`Option ${i + 1}`), text);
    await user.click(q.getByLabelText("Option 3 is correct"));

    await user.click(q.getByRole("button", { name: "Remove option 1" }));
    expect((q.getByLabelText("Option 2") as HTMLInputElement).value).toBe("Blue");
    expect((q.getByLabelText("Option 2 is correct") as HTMLInputElement).checked).toBe(true);

    await user.click(q.getByRole("button", { name: "Move option 2 up" }));
    expect((q.getByLabelText("Option 1") as HTMLInputElement).value).toBe("Blue");
    expect((q.getByLabelText("Option 1 is correct") as HTMLInputElement).checked).toBe(true);

    await user.selectOptions(q.getByLabelText("Answer type"), "multiple_choice");
    expect((q.getByLabelText("Option 1 is correct") as HTMLInputElement).type).toBe("checkbox");
    expect((q.getByLabelText("Option 1 is correct") as HTMLInputElement).checked).toBe(true);
    expect((q.getByLabelText("Option 2 is correct") as HTMLInputElement).checked).toBe(false);
  });

  it("generates questions with AI for review: edited, one discarded, the rest added and saved", async () => {
    const { callsTo } = serveApi({
      [GENERATE]: ok({ questions: GENERATED, provider: "offline", model: "lumen-offline-1" }),
      [PUT]: ({ body }) => ok(savedQuiz(body)),
    });
    const user = userEvent.setup();
    renderEditor();

    await user.selectOptions(screen.getByLabelText("Questions"), "3");
    await user.selectOptions(screen.getByLabelText("Difficulty"), "hard");
    await user.click(screen.getByRole("button", { name: "Generate questions" }));
    const review = await screen.findByRole("form", { name: "Review the generated questions" });
    expect(callsTo(GENERATE).map((c) => c.body)).toEqual([
      { lesson_id: LESSON_1, num_questions: 3, difficulty: "hard" },
    ]);
    expect(within(review).getAllByText("From Light at 0:42")).toHaveLength(3);

    const first = within(within(review).getByRole("group", { name: "Suggested question 1" }));
    await user.clear(first.getByLabelText("Question"));
    await write(user, first.getByLabelText("Question"), "In which part of the cell does photosynthesis happen?");
    await user.click(within(review).getByRole("button", { name: "Discard: suggested question 2" }));
    await user.click(within(review).getByRole("button", { name: "Add 2 questions to the quiz" }));

    // The review is checked by the quiz's schema (asynchronously) before it hands the questions over, and the
    // quiz shows them in the same render that closes the review.
    await waitFor(() => expect(screen.queryByRole("form", { name: "Review the generated questions" })).toBeNull());
    expect((within(question(1)).getByLabelText("Question") as HTMLTextAreaElement).value).toBe(
      "In which part of the cell does photosynthesis happen?",
    );
    expect((within(question(2)).getByLabelText("Accepted answer 1") as HTMLInputElement).value).toBe("carbon dioxide");
    expect(screen.getByText("Unsaved changes")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Save quiz" }));
    await waitFor(() => expect(callsTo(PUT)).toHaveLength(1));
    expect(callsTo(PUT)[0]?.body).toEqual({
      pass_mark: 70,
      questions: [
        {
          type: "single_choice",
          question: "In which part of the cell does photosynthesis happen?",
          options: ["Chloroplast", "Nucleus", "Ribosome"],
          correct_index: 0,
          explanation: "The lesson says chloroplasts capture light.",
        },
        {
          type: "short_answer",
          question: "Which gas do plants take in?",
          accepted_answers: ["carbon dioxide"],
          explanation: "CO2 is fixed in the Calvin cycle.",
        },
      ],
    });
  });

  it("checks generated questions before they join the quiz", async () => {
    serveApi({
      [GENERATE]: ok({
        questions: [{ ...GENERATED[1], explanation: "" }],
        provider: "anthropic",
        model: "claude",
      }),
    });
    const user = userEvent.setup();
    renderEditor();
    await user.click(screen.getByRole("button", { name: "Generate questions" }));
    const review = await screen.findByRole("form", { name: "Review the generated questions" });
    await user.click(within(review).getByRole("button", { name: "Add 1 question to the quiz" }));
    expect(await within(review).findByText("Explain the answer: learners see it after their attempt")).toBeTruthy();
    expect(within(quizRegion()).queryByRole("group", { name: "Question 1" })).toBeNull();
  });

  it("says why generation failed, in words", async () => {
    serveApi({
      [GENERATE]: failure(429, "AI_LIMIT_EXCEEDED", "You've used today's 50 AI requests. They renew at midnight UTC."),
    });
    const user = userEvent.setup();
    renderEditor();
    await user.click(screen.getByRole("button", { name: "Generate questions" }));
    expect((await screen.findByRole("alert")).textContent).toContain("You've used today's 50 AI requests");
  });
});
