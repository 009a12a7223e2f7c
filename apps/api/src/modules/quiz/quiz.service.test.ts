import { describe, expect, it, vi } from "vitest";
import { recordingTransaction } from "../../lib/sql.testing.js";
import type { LessonContext } from "../access/access.service.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { QuizAttemptRow, QuizRow } from "./quiz.repo.js";
import { createQuizService, type QuizStore } from "./quiz.service.js";

const LEA = { userId: "lea", role: "student" } as AuthContext;
const ADA = { userId: "ada", role: "creator" } as AuthContext;
const CTX = {
  course: { id: "course-1", creatorId: "ada" },
  lesson: { id: "lesson-1", courseId: "course-1" },
  enrolled: true,
} as unknown as LessonContext & { enrolled: boolean };

const QUIZ: QuizRow = {
  id: "quiz-1",
  lessonId: "lesson-1",
  courseId: "course-1",
  passMark: 50,
  questions: [
    { id: "q1", type: "single_choice", question: "Star?", options: ["Sun", "Moon"], correct: 0, explanation: "" },
    { id: "q2", type: "true_false", question: "Round?", correct: true, explanation: "" },
  ],
  createdAt: new Date("2026-11-01T00:00:00Z"),
  updatedAt: new Date("2026-11-01T00:00:00Z"),
};

function setup(store: Partial<QuizStore> = {}) {
  const steps: string[] = [];
  const quizzes: QuizStore = {
    transaction: recordingTransaction(steps),
    findByLesson: vi.fn(async () => QUIZ),
    findQuizProgress: vi.fn(async () => null),
    upsert: vi.fn(async () => QUIZ),
    deleteByLesson: vi.fn(async () => true),
    insertAttempt: vi.fn(async (values) => {
      steps.push("attempt");
      return { ...values, id: "attempt-1" } as QuizAttemptRow;
    }),
    recordQuizProgress: vi.fn(async (a) => {
      steps.push("progress");
      return { attempts: 1, best_score: a.score, passed: a.passed, last_attempt_at: a.at.toISOString() };
    }),
    listAttempts: vi.fn(async () => []),
    ...store,
  };
  const analytics = { record: vi.fn(async () => void steps.push("event")) };
  const certificates = { completionMayHaveChanged: vi.fn(async () => void steps.push("certificate check")) };
  const cache = { courseChanged: vi.fn(async () => void steps.push("cache")) };
  const service = createQuizService({
    quizzes,
    access: {
      canManage: (auth, course) => Boolean(auth && (auth.role === "admin" || auth.userId === course.creatorId)),
      managedLesson: async () => CTX,
      readableLesson: async () => CTX,
      enrolledLesson: async () => CTX,
    },
    analytics,
    cache,
    certificates,
    newQuestionId: () => "q-new",
  });
  return { service, steps, quizzes, certificates, cache };
}

const answers = (first: number, second: boolean) => ({
  answers: [
    { question_id: "q1", answer: first },
    { question_id: "q2", answer: second },
  ],
});

describe("quiz attempts", () => {
  it("score on the server; a pass stores attempt, progress and event in one transaction, then checks the course", async () => {
    const { service, steps, certificates } = setup();
    const result = await service.submit(LEA, "lesson-1", answers(0, true));
    expect(result).toMatchObject({ score: 100, passed: true });
    expect(steps).toEqual(["begin", "attempt", "progress", "event", "commit", "certificate check"]);
    expect(certificates.completionMayHaveChanged).toHaveBeenCalledWith("lea", "course-1", "quiz.attempt-1");
  });

  it("a failed attempt is stored but checks no certificate", async () => {
    const { service, steps } = setup();
    expect(await service.submit(LEA, "lesson-1", answers(1, false))).toMatchObject({ score: 0, passed: false });
    expect(steps).toEqual(["begin", "attempt", "progress", "event", "commit"]);
  });

  it("answers that don't fit the quiz are a 400 naming them, and nothing is stored", async () => {
    const { service, steps } = setup();
    await expect(
      service.submit(LEA, "lesson-1", { answers: [{ question_id: "q9", answer: 0 }] }),
    ).rejects.toMatchObject({ status: 400, code: "VALIDATION_ERROR" });
    expect(steps).toEqual([]);
  });

  it("a lesson without a quiz: attempts are 404, reading it is null (not an error)", async () => {
    const { service } = setup({ findByLesson: async () => undefined });
    await expect(service.submit(LEA, "lesson-1", answers(0, true))).rejects.toMatchObject({ status: 404 });
    expect(await service.get(LEA, "lesson-1")).toBeNull();
  });
});

describe("reading and editing a quiz", () => {
  it("the owner gets the answer key, a learner gets the questions without it", async () => {
    const { service } = setup();
    const owner = JSON.stringify(await service.get(ADA, "lesson-1"));
    const learner = JSON.stringify(await service.get(LEA, "lesson-1"));
    expect(owner).toContain('"correct"');
    expect(learner).not.toContain('"correct"');
    expect(learner).not.toContain("explanation");
  });

  it("saving or removing a quiz starts the course's cached outline over; removing none is 404", async () => {
    const { service, cache } = setup();
    await service.put(ADA, "lesson-1", {
      pass_mark: 60,
      questions: [{ type: "true_false", question: "Round?", correct: true, explanation: "" }],
    } as never);
    await service.remove(ADA, "lesson-1");
    expect(cache.courseChanged).toHaveBeenCalledTimes(2);
    const none = setup({ deleteByLesson: async () => false });
    await expect(none.service.remove(ADA, "lesson-1")).rejects.toMatchObject({ status: 404 });
    expect(none.cache.courseChanged).not.toHaveBeenCalled();
  });
});
