import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../helpers.js";
import { askTutor, buildTutorWorld, enrollDirectly, learner, type TutorWorld } from "./tutor-fixtures.js";

/**
 * Issue 11 item 7: an open (unsubmitted) quiz anywhere in the tutor's scope keeps it in hint mode. Asking the
 * quiz's question with only the course in scope, or with no scope at all, must not give the answer away.
 */
describe("open quizzes keep the tutor in hint mode in every scope", () => {
  let ctx: TestContext;
  let world: TutorWorld;
  let student: Session;
  const question = "How is the distance of a quasar measured?";

  beforeAll(async () => {
    ctx = await createTestContext();
    world = await buildTutorWorld(ctx);
    const quiz = await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${world.quizLessonId}/quiz`,
      token: world.creator.access_token,
      payload: {
        pass_mark: 70,
        questions: [
          {
            id: "q1",
            type: "short_answer",
            question: "What is used to measure the distance of a quasar?",
            accepted_answers: ["redshift"],
            explanation: "The lesson measures distance with redshift.",
          },
        ],
      },
    });
    expect(quiz.status).toBe(200);
    student = await learner(ctx, "student@example.com");
    await enrollDirectly(ctx, student, world.paidCourseId);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const givesAway = (text: string) => /redshift/i.test(text);

  it("with the quiz's lesson in scope (the control)", async () => {
    const res = await askTutor(ctx, student, { message: question, lesson_id: world.quizLessonId });
    expect(res.status).toBe(200);
    expect(givesAway(res.body.data.answer)).toBe(false);
    expect(res.body.data.citations.every((c) => !givesAway(c.excerpt))).toBe(true);
  });

  it("with only the course in scope", async () => {
    const res = await askTutor(ctx, student, { message: question, course_id: world.paidCourseId });
    expect(res.status).toBe(200);
    expect(res.body.data.grounded).toBe(true);
    expect(givesAway(res.body.data.answer)).toBe(false);
    expect(res.body.data.citations.every((c) => !givesAway(c.excerpt))).toBe(true);
  });

  it("with another lesson of the course in scope", async () => {
    const res = await askTutor(ctx, student, { message: question, lesson_id: world.previewLessonId });
    expect(res.status).toBe(200);
    expect(givesAway(JSON.stringify(res.body.data))).toBe(false);
  });

  it("with no scope at all", async () => {
    const res = await askTutor(ctx, student, { message: question });
    expect(res.status).toBe(200);
    expect(givesAway(JSON.stringify(res.body.data))).toBe(false);
  });
});
