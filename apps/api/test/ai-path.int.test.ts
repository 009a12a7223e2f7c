import { execRows, type QuizQuestionRow } from "@lumen/db";
import { seedDemo } from "@lumen/db/seed";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/modules/auth/password.js";
import { call, createTestContext, elapseViewing, login, register, type Session, type TestContext } from "./helpers.js";

type Path = { items: Array<{ kind: string; course_id: string; lesson_id?: string; title: string; reason: string }> };

let ctx: TestContext;
let sam: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.database.db, { hashPassword });
  sam = (await login(ctx.app, "sam@lumen.dev", "lumen-student-demo")).body.data as Session;
});
afterAll(async () => ctx?.close());

const path = (who: Session) =>
  call<Path>(ctx.app, { method: "GET", url: "/api/v1/ai/learning-path", token: who.access_token });

describe("learning path", () => {
  it("resumes a half-watched lesson first, then reviews a failed quiz, then continues each course", async () => {
    const [lesson] = (
      await execRows<{ id: string; course_id: string; duration_seconds: number }>(
        ctx.database.db,
        sql`select l.id, l.course_id, l.duration_seconds from lessons l join enrollments e on e.course_id = l.course_id and e.user_id = ${sam.user.id}
            where l.kind = 'video' and not exists (select 1 from progress p where p.lesson_id = l.id and p.user_id = ${sam.user.id}) limit 1`,
      )
    ).rows;
    await elapseViewing(ctx, sam.user.id, lesson?.id as string, 60);
    await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/lessons/${lesson?.id}/progress`,
      token: sam.access_token,
      payload: { position_seconds: 60, segment: { from_seconds: 0, to_seconds: 60 } },
    });
    const [quiz] = (
      await execRows<{ lesson_id: string; questions: QuizQuestionRow[] }>(
        ctx.database.db,
        sql`select q.lesson_id, q.questions from quizzes q join enrollments e on e.course_id = q.course_id and e.user_id = ${sam.user.id} limit 1`,
      )
    ).rows;
    // A wrong answer of the right type for every question: the attempt fails.
    const answers = (quiz?.questions ?? []).map((q) => ({
      question_id: q.id,
      answer:
        q.type === "single_choice"
          ? (q.correct + 1) % q.options.length
          : q.type === "multiple_choice"
            ? q.options
                .map((_, i) => i)
                .filter((i) => !q.correct.includes(i))
                .slice(0, 1)
            : q.type === "true_false"
              ? !q.correct
              : "certainly not this",
    }));
    const attempt = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/lessons/${quiz?.lesson_id}/quiz/attempts`,
      token: sam.access_token,
      payload: { answers },
    });
    expect(attempt.status).toBe(201);
    const res = await path(sam);
    expect(res.status).toBe(200);
    const kinds = res.body.data.items.map((i) => i.kind);
    expect(kinds[0]).toBe("resume");
    expect(res.body.data.items[0]).toMatchObject({ lesson_id: lesson?.id });
    expect(res.body.data.items[0]?.reason).toMatch(/%/);
    expect(kinds[1]).toBe("review");
    expect(res.body.data.items[1]).toMatchObject({ lesson_id: quiz?.lesson_id });
    expect(kinds).toContain("continue");
    expect(kinds).toContain("next_course");
    for (const item of res.body.data.items) expect(item.reason.length).toBeGreaterThan(10);
  });

  it("suggests courses the learner is not in, never one they are enrolled in", async () => {
    const res = await path(sam);
    const enrolled = new Set(
      (
        await execRows<{ course_id: string }>(
          ctx.database.db,
          sql`select course_id from enrollments where user_id = ${sam.user.id}`,
        )
      ).rows.map((r) => r.course_id),
    );
    const suggested = res.body.data.items.filter((i) => i.kind === "next_course");
    expect(suggested.length).toBeGreaterThan(0);
    for (const s of suggested) expect(enrolled.has(s.course_id)).toBe(false);
  });

  it("gives a newcomer a start: well-rated courses with reasons", async () => {
    const fresh = await register(ctx.app, "new@example.com");
    const res = await path(fresh);
    expect(res.body.data.items.every((i) => i.kind === "next_course")).toBe(true);
    expect(res.body.data.items.length).toBeGreaterThan(0);
  });

  it("needs sign-in", async () => {
    expect((await call(ctx.app, { method: "GET", url: "/api/v1/ai/learning-path" })).status).toBe(401);
  });
});
