import { randomBytes } from "node:crypto";
import { courses, enrollments, execRows, lessons, modules, progress } from "@lumen/db";
import { DEMO_USERS, demoCourses, seedDemo } from "@lumen/db/seed";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "../src/modules/auth/password.js";
import {
  call,
  createTestContext,
  fieldsOf,
  login,
  register,
  type Session,
  type TestContext,
  userWithRole,
} from "./helpers.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

type QuizProgress = { attempts: number; best_score: number | null; passed: boolean; last_attempt_at: string | null };
type Question = { id: string; type: string; question: string; options?: string[] } & Record<string, unknown>;
type QuizView = {
  view: "owner" | "learner";
  id: string;
  lesson_id: string;
  course_id: string;
  pass_mark: number;
  question_count: number;
  questions: Question[];
  quiz_progress?: QuizProgress | null;
};
type AttemptResult = {
  attempt_id: string;
  score: number;
  passed: boolean;
  pass_mark: number;
  correct_count: number;
  total: number;
  results: Array<{
    question_id: string;
    correct: boolean;
    your_answer: unknown;
    correct_answer: unknown;
    explanation: string | null;
  }>;
  quiz_progress: QuizProgress;
};
type AttemptList = {
  items: Array<{
    id: string;
    score: number;
    passed: boolean;
    correct_count: number;
    total: number;
    created_at: string;
  }>;
  next_cursor: string | null;
};

/** A published course with a locked lesson and a preview lesson, made directly in the database. */
async function createCourse(creatorId: string, status: "draft" | "published" = "published") {
  const db = ctx.database.db;
  const [course] = await db
    .insert(courses)
    .values({
      creatorId,
      slug: `course-${randomBytes(4).toString("hex")}`,
      title: "Geography basics",
      category: "Science",
      level: "beginner",
      status,
    })
    .returning({ id: courses.id });
  const courseId = course?.id as string;
  const [mod] = await db.insert(modules).values({ courseId, title: "Module", position: 0 }).returning();
  const lesson = (position: number, isPreview: boolean) =>
    db
      .insert(lessons)
      .values({ courseId, moduleId: mod?.id as string, title: `Lesson ${position}`, kind: "text", position, isPreview })
      .returning({ id: lessons.id })
      .then(([row]) => row?.id as string);
  return { courseId, lessonId: await lesson(0, false), previewLessonId: await lesson(1, true) };
}

const enroll = (userId: string, courseId: string, status: "active" | "cancelled" = "active") =>
  ctx.database.db.insert(enrollments).values({ userId, courseId, status });

const QUESTIONS = [
  {
    id: "capital",
    type: "single_choice",
    question: "Which city is the capital of France?",
    options: ["Lyon", "Paris", "Nice"],
    correct_index: 1,
    explanation: "SECRET-EXPLANATION-1",
  },
  {
    type: "multiple_choice",
    question: "Which of these are rivers?",
    options: ["Seine", "Alps", "Loire", "Rhine"],
    correct_indexes: [0, 2, 3],
    explanation: "SECRET-EXPLANATION-2",
  },
  { type: "true_false", question: "Mont Blanc lies in the Alps.", correct: true, explanation: "SECRET-EXPLANATION-3" },
  {
    type: "short_answer",
    question: "Name the ocean west of France.",
    accepted_answers: ["Atlantic Ocean", "The Atlantic"],
    explanation: "SECRET-EXPLANATION-4",
  },
];

const quizUrl = (lessonId: string) => `/api/v1/lessons/${lessonId}/quiz`;
const putQuiz = (lessonId: string, payload: object, token?: string) =>
  call<QuizView>(ctx.app, { method: "PUT", url: quizUrl(lessonId), payload, ...(token ? { token } : {}) });
const getQuiz = (lessonId: string, token?: string) =>
  call<QuizView>(ctx.app, { method: "GET", url: quizUrl(lessonId), ...(token ? { token } : {}) });
const attempt = (lessonId: string, answers: Array<{ question_id: string; answer: unknown }>, token?: string) =>
  call<AttemptResult>(ctx.app, {
    method: "POST",
    url: `${quizUrl(lessonId)}/attempts`,
    payload: { answers },
    ...(token ? { token } : {}),
  });

/** Answers keyed by question position, using the ids the server assigned. */
function answersFor(quiz: QuizView, values: unknown[]) {
  return values.flatMap((answer, i) =>
    answer === undefined ? [] : [{ question_id: quiz.questions[i]?.id as string, answer }],
  );
}
const ALL_RIGHT = [1, [3, 0, 2], true, "atlantic ocean"];
const ALL_WRONG = [0, [0], false, "Pacific"];

let creator: Session;
let learner: Session;
let outsider: Session;
let admin: Session;
let course: Awaited<ReturnType<typeof createCourse>>;

beforeEach(async () => {
  await ctx.reset();
  creator = await userWithRole(ctx, "creator@example.com", "creator");
  admin = await userWithRole(ctx, "admin@example.com", "admin");
  learner = await register(ctx.app, "learner@example.com");
  outsider = await register(ctx.app, "outsider@example.com");
  course = await createCourse(creator.user.id);
  await enroll(learner.user.id, course.courseId);
});

/** Creates the standard quiz on the course's locked lesson and returns the owner view. */
async function withQuiz(lessonId = course.lessonId, payload: object = { questions: QUESTIONS }) {
  const res = await putQuiz(lessonId, payload, creator.access_token);
  expect(res.status).toBe(200);
  return res.body.data;
}

function expectNoKey(raw: string) {
  expect(raw).not.toMatch(/correct|accepted_answers|explanation|SECRET-EXPLANATION|Atlantic Ocean/i);
}

describe("PUT /lessons/:id/quiz", () => {
  it("lets the course's creator create a quiz and answers with the key and server-assigned ids", async () => {
    const res = await putQuiz(course.lessonId, { questions: QUESTIONS }, creator.access_token);
    expect(res.status).toBe(200);
    const quiz = res.body.data;
    expect(quiz).toMatchObject({
      view: "owner",
      lesson_id: course.lessonId,
      course_id: course.courseId,
      pass_mark: 70,
      question_count: 4,
    });
    expect(quiz.questions[0]).toMatchObject({ id: "capital", correct_index: 1, explanation: "SECRET-EXPLANATION-1" });
    expect(quiz.questions[1]).toMatchObject({ correct_indexes: [0, 2, 3] });
    expect(quiz.questions[2]).toMatchObject({ correct: true });
    expect(quiz.questions[3]).toMatchObject({ accepted_answers: ["Atlantic Ocean", "The Atlantic"] });
    const ids = quiz.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it("replaces the quiz and keeps the question ids the editor sends back", async () => {
    const first = await withQuiz();
    const edited = first.questions.map((q) => ({ ...q, question: `${q.question} (edited)` }));
    const res = await putQuiz(course.lessonId, { pass_mark: 50, questions: edited }, creator.access_token);
    expect(res.status).toBe(200);
    expect(res.body.data.id).toBe(first.id);
    expect(res.body.data.pass_mark).toBe(50);
    expect(res.body.data.questions.map((q) => q.id)).toEqual(first.questions.map((q) => q.id));
    expect(res.body.data.questions[0]?.question).toMatch(/\(edited\)$/);
    const rows = await execRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from quizzes`);
    expect(rows.rows[0]?.n).toBe(1);
  });

  it("replaces a repeated or malformed client id with a fresh one", async () => {
    const questions = [
      { ...QUESTIONS[2], id: "same" },
      { ...QUESTIONS[2], id: "same" },
      { ...QUESTIONS[2], id: "has spaces!" },
    ];
    const quiz = await withQuiz(course.lessonId, { questions });
    const ids = quiz.questions.map((q) => q.id);
    expect(ids[0]).toBe("same");
    expect(new Set(ids).size).toBe(3);
    expect(ids).not.toContain("has spaces!");
  });

  it("lets an admin edit any course's quiz", async () => {
    const res = await putQuiz(course.lessonId, { questions: QUESTIONS }, admin.access_token);
    expect(res.status).toBe(200);
    expect(res.body.data.view).toBe("owner");
  });

  it("refuses students, enrolled learners and other creators (403) and guests (401)", async () => {
    const other = await userWithRole(ctx, "other@example.com", "creator");
    for (const token of [outsider.access_token, learner.access_token, other.access_token]) {
      const res = await putQuiz(course.lessonId, { questions: QUESTIONS }, token);
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBe("FORBIDDEN");
    }
    const guest = await putQuiz(course.lessonId, { questions: QUESTIONS });
    expect(guest.status).toBe(401);
    expect(guest.body.error?.code).toBe("UNAUTHORIZED");
  });

  it("answers 404 for an unknown lesson and 400 for an id that isn't a uuid", async () => {
    const missing = await putQuiz(
      "00000000-0000-4000-8000-000000000000",
      { questions: QUESTIONS },
      creator.access_token,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe("NOT_FOUND");
    expect((await putQuiz("nope", { questions: QUESTIONS }, creator.access_token)).status).toBe(400);
  });

  const single = QUESTIONS[0] as Record<string, unknown>;
  const multiple = QUESTIONS[1] as Record<string, unknown>;
  const short = QUESTIONS[3] as Record<string, unknown>;
  it.each([
    [
      "a correct_index past the last option",
      [single, single, { ...single, correct_index: 3 }],
      "questions.2.correct_index",
    ],
    ["a negative correct_index", [{ ...single, correct_index: -1 }], "questions.0.correct_index"],
    ["a fractional correct_index", [{ ...single, correct_index: 0.5 }], "questions.0.correct_index"],
    ["a single option", [{ ...single, options: ["Paris"], correct_index: 0 }], "questions.0.options"],
    ["nine options", [{ ...single, options: "abcdefghi".split("") }], "questions.0.options"],
    ["an empty option", [{ ...single, options: ["Paris", " "] }], "questions.0.options.1"],
    ["the same option twice", [{ ...single, options: ["Paris", "paris"] }], "questions.0.options.1"],
    ["no correct indexes", [{ ...multiple, correct_indexes: [] }], "questions.0.correct_indexes"],
    ["a repeated correct index", [{ ...multiple, correct_indexes: [0, 0] }], "questions.0.correct_indexes"],
    ["a correct index out of range", [single, { ...multiple, correct_indexes: [0, 4] }], "questions.1.correct_indexes"],
    ["a true/false key that is a string", [{ ...QUESTIONS[2], correct: "true" }], "questions.0.correct"],
    ["no accepted answers", [{ ...short, accepted_answers: [] }], "questions.0.accepted_answers"],
    [
      "21 accepted answers",
      [{ ...short, accepted_answers: Array.from({ length: 21 }, (_, i) => `a${i}`) }],
      "questions.0.accepted_answers",
    ],
    ["a missing explanation", [{ ...single, explanation: undefined }], "questions.0.explanation"],
    ["an explanation over 2000 characters", [{ ...single, explanation: "x".repeat(2001) }], "questions.0.explanation"],
    ["an empty question", [{ ...single, question: "" }], "questions.0.question"],
    ["an unknown question type", [{ ...single, type: "essay" }], "questions.0.type"],
    ["no questions", [], "questions"],
    ["51 questions", Array.from({ length: 51 }, () => single), "questions"],
  ])("rejects %s and names the field", async (_label, questions, field) => {
    const res = await putQuiz(course.lessonId, { questions }, creator.access_token);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(fieldsOf(res.body))).toContain(field);
  });

  it.each([0, 101, 50.5, "70"])("rejects a pass mark of %j", async (pass_mark) => {
    const res = await putQuiz(course.lessonId, { pass_mark, questions: QUESTIONS }, creator.access_token);
    expect(res.status).toBe(400);
    expect(Object.keys(fieldsOf(res.body))).toContain("pass_mark");
  });
});

describe("GET /lessons/:id/quiz", () => {
  it("never shows an enrolled learner the answers or explanations, only questions, options and their progress", async () => {
    await withQuiz();
    const res = await getQuiz(course.lessonId, learner.access_token);
    expect(res.status).toBe(200);
    expectNoKey(res.res.body);
    expect(res.body.data).toMatchObject({ view: "learner", pass_mark: 70, question_count: 4 });
    expect(res.body.data.questions[0]).toEqual({
      id: "capital",
      type: "single_choice",
      question: "Which city is the capital of France?",
      options: ["Lyon", "Paris", "Nice"],
    });
    expect(res.body.data.questions[2]).toEqual({
      id: expect.any(String),
      type: "true_false",
      question: "Mont Blanc lies in the Alps.",
    });
    expect(res.body.data.quiz_progress).toEqual({
      attempts: 0,
      best_score: null,
      passed: false,
      last_attempt_at: null,
    });
  });

  it("shows a guest a preview lesson's quiz without the key and without progress", async () => {
    await withQuiz(course.previewLessonId);
    const res = await getQuiz(course.previewLessonId);
    expect(res.status).toBe(200);
    expectNoKey(res.res.body);
    expect(res.body.data.view).toBe("learner");
    expect(res.body.data.quiz_progress).toBeNull();
    const signedIn = await getQuiz(course.previewLessonId, outsider.access_token);
    expectNoKey(signedIn.res.body);
    expect(signedIn.body.data.quiz_progress).toBeNull();
  });

  it("keeps a locked lesson's quiz from guests (401) and from users who aren't enrolled (403)", async () => {
    await withQuiz();
    expect((await getQuiz(course.lessonId)).status).toBe(401);
    const res = await getQuiz(course.lessonId, outsider.access_token);
    expect(res.status).toBe(403);
    expectNoKey(res.res.body);
  });

  it("shows the course's creator and admins the full key", async () => {
    await withQuiz();
    for (const token of [creator.access_token, admin.access_token]) {
      const res = await getQuiz(course.lessonId, token);
      expect(res.body.data.view).toBe("owner");
      expect(res.body.data.questions[3]).toMatchObject({ accepted_answers: ["Atlantic Ocean", "The Atlantic"] });
    }
  });

  it("answers 200 with null when the lesson has no quiz yet, and hides a draft course's quiz", async () => {
    // "None yet" is an answer, not an error: the lesson editor and the learning room ask before there is one.
    for (const token of [learner.access_token, creator.access_token]) {
      const none = await getQuiz(course.lessonId, token);
      expect(none.status).toBe(200);
      expect(none.body.success).toBe(true);
      expect(none.body.data).toBeNull();
    }
    expect((await getQuiz(course.lessonId)).status).toBe(401);
    const draft = await createCourse(creator.user.id, "draft");
    await withQuiz(draft.previewLessonId);
    expect((await getQuiz(draft.previewLessonId)).status).toBe(404);
    expect((await getQuiz(draft.previewLessonId, creator.access_token)).status).toBe(200);
  });
});

describe("DELETE /lessons/:id/quiz", () => {
  it("lets only the owner or an admin delete a quiz, and its attempts go with it", async () => {
    const quiz = await withQuiz();
    await attempt(course.lessonId, answersFor(quiz, ALL_RIGHT), learner.access_token);
    const url = quizUrl(course.lessonId);
    expect((await call(ctx.app, { method: "DELETE", url })).status).toBe(401);
    expect((await call(ctx.app, { method: "DELETE", url, token: learner.access_token })).status).toBe(403);
    const res = await call(ctx.app, { method: "DELETE", url, token: creator.access_token });
    expect(res.status).toBe(200);
    expect(res.body.data).toBeNull();
    expect((await getQuiz(course.lessonId, learner.access_token)).body.data).toBeNull();
    const rows = await execRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from quiz_attempts`);
    expect(rows.rows[0]?.n).toBe(0);
    expect((await call(ctx.app, { method: "DELETE", url, token: admin.access_token })).status).toBe(404);
  });
});

describe("POST /lessons/:id/quiz/attempts", () => {
  it("scores on the server and reveals the key and the explanation of each answered question afterwards", async () => {
    const quiz = await withQuiz();
    const res = await attempt(course.lessonId, answersFor(quiz, [1, [0, 2], true, undefined]), learner.access_token);
    expect(res.status).toBe(201);
    const data = res.body.data;
    expect(data).toMatchObject({ score: 50, passed: false, pass_mark: 70, correct_count: 2, total: 4 });
    expect(data.attempt_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(data.results).toEqual([
      {
        question_id: "capital",
        correct: true,
        your_answer: 1,
        correct_answer: 1,
        explanation: "SECRET-EXPLANATION-1",
      },
      {
        question_id: quiz.questions[1]?.id,
        correct: false,
        your_answer: [0, 2],
        correct_answer: [0, 2, 3],
        explanation: "SECRET-EXPLANATION-2",
      },
      {
        question_id: quiz.questions[2]?.id,
        correct: true,
        your_answer: true,
        correct_answer: true,
        explanation: "SECRET-EXPLANATION-3",
      },
      {
        question_id: quiz.questions[3]?.id,
        correct: false,
        your_answer: null,
        // Left unanswered on a failed first attempt: its key is not given away.
        correct_answer: null,
        explanation: null,
      },
    ]);
    expect(data.quiz_progress).toMatchObject({ attempts: 1, best_score: 50, passed: false });
    // The key stays hidden on the next read of the quiz.
    expectNoKey((await getQuiz(course.lessonId, learner.access_token)).res.body);
  });

  it("rounds the score to 2 decimals and passes at the pass mark", async () => {
    const three = QUESTIONS.slice(0, 3);
    const quiz = await withQuiz(course.lessonId, { pass_mark: 66, questions: three });
    const res = await attempt(course.lessonId, answersFor(quiz, [1, [0, 2, 3], false]), learner.access_token);
    expect(res.body.data).toMatchObject({ score: 66.67, passed: true, correct_count: 2, total: 3 });
  });

  it.each([
    ["atlantic ocean", true],
    ["  The   ATLANTIC. ", true],
    ["Atlantic Ocean.", true],
    ["the atlantic ocean", false],
    ["", false],
  ])("compares the short answer %j leniently (correct: %s)", async (answer, correct) => {
    const quiz = await withQuiz(course.lessonId, { questions: [QUESTIONS[3]] });
    const res = await attempt(course.lessonId, answersFor(quiz, [answer]), learner.access_token);
    expect(res.status).toBe(201);
    expect(res.body.data.results[0]?.correct).toBe(correct);
  });

  it("keeps the best score and a pass across later, worse attempts", async () => {
    const quiz = await withQuiz();
    const first = await attempt(course.lessonId, answersFor(quiz, ALL_RIGHT), learner.access_token);
    expect(first.body.data).toMatchObject({ score: 100, passed: true });
    const second = await attempt(course.lessonId, answersFor(quiz, ALL_WRONG), learner.access_token);
    expect(second.body.data).toMatchObject({ score: 0, passed: false });
    expect(second.body.data.quiz_progress).toMatchObject({ attempts: 2, best_score: 100, passed: true });
    expect(Date.parse(second.body.data.quiz_progress.last_attempt_at as string)).toBeGreaterThanOrEqual(
      Date.parse(first.body.data.quiz_progress.last_attempt_at as string),
    );
    const view = await getQuiz(course.lessonId, learner.access_token);
    expect(view.body.data.quiz_progress).toMatchObject({ attempts: 2, best_score: 100, passed: true });
  });

  it("creates the learner's progress row with the course id, or keeps the video progress already there", async () => {
    const quiz = await withQuiz();
    await attempt(course.lessonId, answersFor(quiz, ALL_RIGHT), learner.access_token);
    const created = await execRows<{ course_id: string; quiz_progress: QuizProgress }>(
      ctx.database.db,
      sql`select course_id, quiz_progress from progress where user_id = ${learner.user.id} and lesson_id = ${course.lessonId}`,
    );
    expect(created.rows).toHaveLength(1);
    expect(created.rows[0]).toMatchObject({
      course_id: course.courseId,
      quiz_progress: { attempts: 1, best_score: 100 },
    });

    const other = await register(ctx.app, "watcher@example.com");
    await enroll(other.user.id, course.courseId);
    await ctx.database.db.insert(progress).values({
      userId: other.user.id,
      courseId: course.courseId,
      lessonId: course.lessonId,
      watchPercentage: 55,
      positionSeconds: 30,
    });
    const res = await attempt(course.lessonId, answersFor(quiz, ALL_WRONG), other.access_token);
    expect(res.body.data.quiz_progress).toMatchObject({ attempts: 1, best_score: 0, passed: false });
    const kept = await execRows<{ watch_percentage: number }>(
      ctx.database.db,
      sql`select watch_percentage from progress where user_id = ${other.user.id} and lesson_id = ${course.lessonId}`,
    );
    expect(Number(kept.rows[0]?.watch_percentage)).toBe(55);
  });

  it("counts every one of 20 concurrent attempts", async () => {
    const quiz = await withQuiz();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        attempt(course.lessonId, answersFor(quiz, i === 7 ? ALL_RIGHT : ALL_WRONG), learner.access_token),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const view = await getQuiz(course.lessonId, learner.access_token);
    expect(view.body.data.quiz_progress).toMatchObject({ attempts: 20, best_score: 100, passed: true });
    const rows = await execRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from quiz_attempts where user_id = ${learner.user.id}`,
    );
    expect(rows.rows[0]?.n).toBe(20);
  });

  it("records a quiz_submitted event with the score and the outcome", async () => {
    const quiz = await withQuiz();
    await attempt(course.lessonId, answersFor(quiz, ALL_RIGHT), learner.access_token);
    const events = await execRows<{ user_id: string; course_id: string; lesson_id: string; data: unknown }>(
      ctx.database.db,
      sql`select user_id, course_id, lesson_id, data from analytics_events where type = 'quiz_submitted'`,
    );
    expect(events.rows).toEqual([
      {
        user_id: learner.user.id,
        course_id: course.courseId,
        lesson_id: course.lessonId,
        data: { score: 100, passed: true },
      },
    ]);
  });

  it("is for enrolled learners only: 401 for guests, 403 for others, the creator and cancelled enrollments", async () => {
    const quiz = await withQuiz(course.previewLessonId);
    const answers = answersFor(quiz, ALL_RIGHT);
    expect((await attempt(course.previewLessonId, answers)).status).toBe(401);
    const cancelled = await register(ctx.app, "cancelled@example.com");
    await enroll(cancelled.user.id, course.courseId, "cancelled");
    for (const token of [outsider.access_token, creator.access_token, cancelled.access_token]) {
      const res = await attempt(course.previewLessonId, answers, token);
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBe("FORBIDDEN");
      expectNoKey(res.res.body);
    }
    const rows = await execRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from quiz_attempts`);
    expect(rows.rows[0]?.n).toBe(0);
  });

  it("answers 404 when the lesson has no quiz", async () => {
    const res = await attempt(course.lessonId, [], learner.access_token);
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe("NOT_FOUND");
  });

  it("rejects answers to unknown questions, repeated answers and answers of the wrong type, naming each", async () => {
    const quiz = await withQuiz();
    const unknown = await attempt(
      course.lessonId,
      [...answersFor(quiz, ALL_RIGHT), { question_id: "nope", answer: 1 }],
      learner.access_token,
    );
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toHaveProperty(["answers.4.question_id"]);
    const repeated = await attempt(
      course.lessonId,
      [
        { question_id: "capital", answer: 1 },
        { question_id: "capital", answer: 0 },
      ],
      learner.access_token,
    );
    expect(fieldsOf(repeated.body)).toHaveProperty(["answers.1.question_id"]);
    const wrongType = await attempt(course.lessonId, answersFor(quiz, ["Paris", 1, "yes", 3]), learner.access_token);
    expect(Object.keys(fieldsOf(wrongType.body)).sort()).toEqual([
      "answers.0.answer",
      "answers.1.answer",
      "answers.2.answer",
      "answers.3.answer",
    ]);
    const outOfRange = await attempt(course.lessonId, answersFor(quiz, [3]), learner.access_token);
    expect(fieldsOf(outOfRange.body)).toHaveProperty(["answers.0.answer"]);
    const rows = await execRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from quiz_attempts`);
    expect(rows.rows[0]?.n).toBe(0);
  });

  it.each([
    ["a short answer over 500 characters", { answers: [{ question_id: "capital", answer: "x".repeat(501) }] }],
    ["an answer that is an object", { answers: [{ question_id: "capital", answer: { index: 1 } }] }],
    ["a missing question id", { answers: [{ answer: 1 }] }],
    ["answers that aren't a list", { answers: "all of them" }],
    ["no answers field", {}],
  ])("rejects %s with a validation error", async (_label, payload) => {
    await withQuiz();
    const res = await call(ctx.app, {
      method: "POST",
      url: `${quizUrl(course.lessonId)}/attempts`,
      payload,
      token: learner.access_token,
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe("VALIDATION_ERROR");
  });
});

describe("GET /lessons/:id/quiz/attempts", () => {
  it("lists the learner's own attempts newest first, with cursor pagination and without the key", async () => {
    const quiz = await withQuiz();
    for (const values of [ALL_WRONG, ALL_RIGHT, [1, [0], true, "x"]]) {
      await attempt(course.lessonId, answersFor(quiz, values), learner.access_token);
    }
    const url = `${quizUrl(course.lessonId)}/attempts`;
    const first = await call<AttemptList>(ctx.app, {
      method: "GET",
      url: `${url}?limit=2`,
      token: learner.access_token,
    });
    expect(first.status).toBe(200);
    expect(first.body.data.items.map((a) => a.score)).toEqual([50, 100]);
    expect(first.body.data.items[0]).toMatchObject({ passed: false, correct_count: 2, total: 4 });
    // Which questions were right, but never the key or the explanations.
    expect(first.res.body).not.toMatch(/correct_answer|correct_index|accepted_answers|explanation|SECRET|Atlantic/i);
    const second = await call<AttemptList>(ctx.app, {
      method: "GET",
      url: `${url}?limit=2&cursor=${first.body.data.next_cursor}`,
      token: learner.access_token,
    });
    expect(second.body.data.items.map((a) => a.score)).toEqual([0]);
    expect(second.body.data.next_cursor).toBeNull();

    const classmate = await register(ctx.app, "classmate@example.com");
    await enroll(classmate.user.id, course.courseId);
    const theirs = await call<AttemptList>(ctx.app, { method: "GET", url, token: classmate.access_token });
    expect(theirs.body.data.items).toEqual([]);
  });

  it("is closed to guests and to users who aren't enrolled, and rejects a bad cursor", async () => {
    await withQuiz();
    const url = `${quizUrl(course.lessonId)}/attempts`;
    expect((await call(ctx.app, { method: "GET", url })).status).toBe(401);
    expect((await call(ctx.app, { method: "GET", url, token: outsider.access_token })).status).toBe(403);
    const bad = await call(ctx.app, { method: "GET", url: `${url}?cursor=garbage`, token: learner.access_token });
    expect(bad.status).toBe(400);
    expect((await call(ctx.app, { method: "GET", url: `${url}?limit=0`, token: learner.access_token })).status).toBe(
      400,
    );
  });
});

describe("demo quizzes", () => {
  it("are seeded for every demo lesson that has one, with ids, keys and pass marks", async () => {
    await ctx.reset();
    await seedDemo(ctx.database.db, { hashPassword });
    const expected = demoCourses.flatMap((c) => c.modules.flatMap((m) => m.lessons)).filter((l) => l.quiz);
    expect(expected.length).toBeGreaterThan(0);
    const rows = await execRows<{ lesson_id: string; title: string; pass_mark: number; questions: Question[] }>(
      ctx.database.db,
      sql`select q.lesson_id, l.title, q.pass_mark, q.questions from quizzes q join lessons l on l.id = q.lesson_id`,
    );
    expect(rows.rows).toHaveLength(expected.length);
    for (const demo of expected) {
      const row = rows.rows.find((r) => r.title === demo.title);
      expect(row, demo.title).toBeDefined();
      expect(row?.pass_mark).toBe(demo.quiz?.pass_mark ?? 70);
      expect(row?.questions.map((q) => q.id)).toEqual(demo.quiz?.questions.map((_, i) => `q${i + 1}`));
    }

    // Sam, a demo student, is enrolled in the first course: he can take its quiz and pass with the key.
    const sam = DEMO_USERS.find((u) => u.key === "sam");
    const session = await login(ctx.app, sam?.email as string, sam?.password);
    const firstSlug = demoCourses[0]?.slug as string;
    const [quizRow] = (
      await execRows<{ lesson_id: string; questions: Array<Record<string, unknown> & { id: string; type: string }> }>(
        ctx.database.db,
        sql`select q.lesson_id, q.questions from quizzes q join courses c on c.id = q.course_id where c.slug = ${firstSlug} limit 1`,
      )
    ).rows;
    expect(quizRow).toBeDefined();
    const view = await getQuiz(quizRow?.lesson_id as string, session.body.data.access_token);
    expect(view.status).toBe(200);
    expectNoKey(view.res.body);
    const answers = (quizRow?.questions ?? []).map((q) => ({
      question_id: q.id,
      answer: q.type === "short_answer" ? (q.accepted_answers as string[])[0] : q.correct,
    }));
    const res = await attempt(quizRow?.lesson_id as string, answers, session.body.data.access_token);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ score: 100, passed: true });
  });
});
