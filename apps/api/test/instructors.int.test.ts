import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createTestContext,
  markVerified,
  register,
  type Session,
  type TestContext,
  userWithRole,
} from "./helpers.js";
import { buildCourse, enroll } from "./learning-fixtures.js";

type Instructor = {
  id: string;
  full_name: string;
  bio: string;
  avatar_url: string | null;
  teaching_since: string;
  stats: { course_count: number; learner_count: number; review_count: number; rating_avg: number };
};

let ctx: TestContext;
let ada: Session;
let draftOnly: Session;
let learners: Session[];
beforeAll(async () => {
  ctx = await createTestContext();
  ada = await userWithRole(ctx, "ada@instructors.test", "creator");
  draftOnly = await userWithRole(ctx, "drafts@instructors.test", "creator");
  await ctx.database.db.execute(
    sql`update users set full_name = 'Ada Lovelace', profile = ${JSON.stringify({ bio: "  Teaches analysis.  ", avatar_url: "javascript:alert(1)" })}::jsonb where id = ${ada.user.id}`,
  );
  const first = await buildCourse(ctx, ada, { title: "Engines" });
  const second = await buildCourse(ctx, ada, { title: "Notes on the engine" });
  await buildCourse(ctx, ada, { title: "Unfinished", publish: false });
  await buildCourse(ctx, draftOnly, { title: "Only a draft", publish: false });
  learners = [await register(ctx.app, "l1@instructors.test"), await register(ctx.app, "l2@instructors.test")];
  await markVerified(ctx, ...learners);
  // One learner in both courses counts once; ratings 5 and 4 on one course, 3 on the other.
  for (const l of learners) await enroll(ctx, l, first.courseId);
  await enroll(ctx, learners[0] as Session, second.courseId);
  const rate = (l: Session, courseId: string, rating: number) =>
    call(ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${courseId}/reviews/me`,
      token: l.access_token,
      payload: { rating },
    });
  expect((await rate(learners[0] as Session, first.courseId, 5)).status).toBe(201);
  expect((await rate(learners[1] as Session, first.courseId, 4)).status).toBe(201);
  expect((await rate(learners[0] as Session, second.courseId, 3)).status).toBe(201);
});
afterAll(async () => ctx?.close());

describe("GET /instructors/:id", () => {
  it("shows the public profile with figures over published courses only, to guests", async () => {
    const r = await call<Instructor>(ctx.app, { method: "GET", url: `/api/v1/instructors/${ada.user.id}` });
    expect(r.status).toBe(200);
    const p = r.body.data;
    expect(p).toMatchObject({ id: ada.user.id, full_name: "Ada Lovelace", bio: "Teaches analysis.", avatar_url: null });
    expect(p.stats).toEqual({ course_count: 2, learner_count: 2, review_count: 3, rating_avg: 4 });
    expect(Number.isNaN(Date.parse(p.teaching_since))).toBe(false);
    // Nothing personal travels.
    expect(JSON.stringify(r.body)).not.toContain("instructors.test");
  });

  it("answers 404 alike for learners, creators with nothing published, disabled accounts and unknown ids", async () => {
    const disabled = await userWithRole(ctx, "gone@instructors.test", "creator");
    await buildCourse(ctx, disabled, { title: "Was public" });
    await ctx.database.db.execute(sql`update users set disabled = true where id = ${disabled.user.id}`);
    for (const id of [
      (learners[0] as Session).user.id,
      draftOnly.user.id,
      disabled.user.id,
      "00000000-0000-4000-8000-000000000000",
    ]) {
      const r = await call(ctx.app, { method: "GET", url: `/api/v1/instructors/${id}` });
      expect(r.status, id).toBe(404);
      expect(r.body.error?.code).toBe("NOT_FOUND");
    }
  });

  it("rejects an id that is not a uuid in the envelope", async () => {
    const r = await call(ctx.app, { method: "GET", url: "/api/v1/instructors/not-a-uuid" });
    expect(r.status).toBe(400);
    expect(r.body.success).toBe(false);
    expect(r.body.error?.code).toBe("VALIDATION_ERROR");
  });
});
