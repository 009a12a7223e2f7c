import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failure, ok, restoreApi, serveApi } from "@/test/fake-api";
import { testUser } from "@/test/fixtures";
import { signInAs } from "@/test/session";
import { loadQuiz } from "./studio.api";

const LESSON = "11111111-1111-4111-8111-111111111111";
const QUIZ = `GET /lessons/${LESSON}/quiz`;

beforeEach(() => {
  signInAs(testUser({ role: "creator", email_verified: true }));
});
afterEach(restoreApi);

describe("the lesson editor's quiz", () => {
  it("is null when the lesson has none yet (the API answers 200 with null)", async () => {
    serveApi({ [QUIZ]: ok(null) });
    expect(await loadQuiz(LESSON)).toBeNull();
  });

  it("is the owner's view with the key", async () => {
    const quiz = {
      view: "owner",
      id: "quiz-1",
      lesson_id: LESSON,
      course_id: "c-1",
      pass_mark: 70,
      question_count: 0,
      questions: [],
      created_at: "2026-01-02T00:00:00.000Z",
      updated_at: "2026-01-02T00:00:00.000Z",
    };
    serveApi({ [QUIZ]: ok(quiz) });
    expect(await loadQuiz(LESSON)).toMatchObject({ view: "owner", id: "quiz-1" });
  });

  it("fails when the lesson itself is gone", async () => {
    serveApi({ [QUIZ]: failure(404, "NOT_FOUND", "Lesson not found") });
    await expect(loadQuiz(LESSON)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
