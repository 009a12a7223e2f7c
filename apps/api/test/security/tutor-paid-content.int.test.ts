import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, type TestContext } from "../helpers.js";
import { askTutor, buildTutorWorld, enrollDirectly, learner, PAID_MARKER, type TutorWorld } from "./tutor-fixtures.js";

/**
 * OWASP API1/API5 (issue 11 item 1): the tutor's retrieval only ever sees lessons the caller may read, for every
 * scope, so a paid lesson's text can't be read through a free preview lesson or a question with no scope.
 */
describe("the tutor never quotes lessons the caller may not read", () => {
  let ctx: TestContext;
  let world: TutorWorld;
  let stranger: Session;
  let buyer: Session;

  beforeAll(async () => {
    ctx = await createTestContext();
    world = await buildTutorWorld(ctx);
    stranger = await learner(ctx, "stranger@example.com");
    buyer = await learner(ctx, "buyer@example.com");
    await enrollDirectly(ctx, buyer, world.paidCourseId);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const leaks = (data: unknown) => JSON.stringify(data).includes(PAID_MARKER);

  it("through a preview lesson of a paid course, a non-buyer gets nothing from the paid lessons", async () => {
    const res = await askTutor(ctx, stranger, { message: "Why do quasars shine?", lesson_id: world.previewLessonId });
    expect(res.status).toBe(200);
    expect(leaks(res.body.data)).toBe(false);
    expect(res.body.data.citations.every((c) => c.lesson_id === world.previewLessonId)).toBe(true);
  });

  it("with no scope, a non-buyer is answered from free courses and previews only", async () => {
    const paid = await askTutor(ctx, stranger, { message: "Why do quasars shine? What is an accretion disc?" });
    expect(paid.status).toBe(200);
    expect(leaks(paid.body.data)).toBe(false);
    expect(paid.body.data.citations.some((c) => c.lesson_id === world.paidLessonId)).toBe(false);
    const free = await askTutor(ctx, stranger, { message: "What are comets made of?" });
    expect(free.status).toBe(200);
    expect(free.body.data.citations.map((c) => c.lesson_id)).toContain(world.freeLessonId);
  });

  it("the whole paid course as scope is refused to a non-buyer", async () => {
    const res = await askTutor(ctx, stranger, { message: "Why do quasars shine?", course_id: world.paidCourseId });
    expect(res.status).toBe(403);
    expect(leaks(res.body)).toBe(false);
  });

  it("a buyer asking with no scope reaches the paid lesson of their own enrollment", async () => {
    const res = await askTutor(ctx, buyer, { message: "Why do quasars shine?" });
    expect(res.status).toBe(200);
    expect(res.body.data.citations.map((c) => c.lesson_id)).toContain(world.paidLessonId);
  });
  it("an enrolled learner gets the paid lesson's answer (the control)", async () => {
    const res = await askTutor(ctx, buyer, { message: "Why do the quasars shine?", lesson_id: world.previewLessonId });
    expect(res.status).toBe(200);
    expect(res.body.data.grounded).toBe(true);
    expect(res.body.data.citations.map((c) => c.lesson_id)).toContain(world.paidLessonId);
    expect(leaks(res.body.data)).toBe(true);
  });
});
