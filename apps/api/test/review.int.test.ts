import { randomBytes } from "node:crypto";
import { courses, enrollments, execRows } from "@lumen/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  call,
  createTestContext,
  fieldsOf,
  markVerified,
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

type Review = {
  id: string;
  course_id: string;
  rating: number;
  body: string;
  created_at: string;
  updated_at: string;
  user: { id: string; full_name: string };
  reply: {
    body: string;
    created_at: string;
    updated_at: string;
    author: { id: string; full_name: string } | null;
  } | null;
};
type ReviewList = { items: Review[]; next_cursor: string | null };

async function createCourse(creatorId: string, status: "draft" | "published" = "published") {
  const [row] = await ctx.database.db
    .insert(courses)
    .values({
      creatorId,
      slug: `course-${randomBytes(4).toString("hex")}`,
      title: "Watercolour for beginners",
      category: "Art",
      level: "beginner",
      status,
    })
    .returning({ id: courses.id });
  return row?.id as string;
}

const enroll = (userId: string, courseId: string, status: "active" | "cancelled" = "active") =>
  ctx.database.db.insert(enrollments).values({ userId, courseId, status });

/** A new learner, enrolled in the course. */
async function learnerOf(courseId: string, email: string, fullName = "Learner") {
  const s = await register(ctx.app, email, undefined, fullName);
  await enroll(s.user.id, courseId);
  await markVerified(ctx, s);
  return s;
}

const reviewsUrl = (courseId: string) => `/api/v1/courses/${courseId}/reviews`;
const putReview = (courseId: string, payload: object, token?: string) =>
  call<Review>(ctx.app, { method: "PUT", url: `${reviewsUrl(courseId)}/me`, payload, ...(token ? { token } : {}) });

async function courseRating(courseId: string) {
  const { rows } = await execRows<{ rating_avg: number; rating_count: number }>(
    ctx.database.db,
    sql`select rating_avg, rating_count from courses where id = ${courseId}`,
  );
  return { avg: Number(rows[0]?.rating_avg), count: Number(rows[0]?.rating_count) };
}

let creator: Session;
let courseId: string;
let learner: Session;

beforeEach(async () => {
  await ctx.reset();
  creator = await userWithRole(ctx, "creator@example.com", "creator");
  courseId = await createCourse(creator.user.id);
  learner = await learnerOf(courseId, "learner@example.com", "Lea Learner");
});

describe("PUT /courses/:id/reviews/me", () => {
  it("lets an enrolled learner post a review (201) and updates the course's rating", async () => {
    const res = await putReview(courseId, { rating: 4, body: "  Clear and friendly.  " }, learner.access_token);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      course_id: courseId,
      rating: 4,
      body: "Clear and friendly.",
      user: { id: learner.user.id, full_name: "Lea Learner" },
    });
    expect(await courseRating(courseId)).toEqual({ avg: 4, count: 1 });
  });

  it("edits the same review (200), keeping one row and recounting the average", async () => {
    const first = await putReview(courseId, { rating: 2, body: "Too fast." }, learner.access_token);
    const other = await learnerOf(courseId, "other@example.com");
    await putReview(courseId, { rating: 5 }, other.access_token);
    expect(await courseRating(courseId)).toEqual({ avg: 3.5, count: 2 });

    const edited = await putReview(courseId, { rating: 4, body: "Better on a second watch." }, learner.access_token);
    expect(edited.status).toBe(200);
    expect(edited.body.data.id).toBe(first.body.data.id);
    expect(edited.body.data).toMatchObject({ rating: 4, body: "Better on a second watch." });
    expect(edited.body.data.created_at).toBe(first.body.data.created_at);
    expect(Date.parse(edited.body.data.updated_at)).toBeGreaterThanOrEqual(Date.parse(first.body.data.updated_at));
    const { rows } = await execRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from reviews where user_id = ${learner.user.id}`,
    );
    expect(rows[0]?.n).toBe(1);
    expect(await courseRating(courseId)).toEqual({ avg: 4.5, count: 2 });
  });

  it("keeps the text when an edit changes only the rating", async () => {
    await putReview(courseId, { rating: 3, body: "Solid basics." }, learner.access_token);
    const res = await putReview(courseId, { rating: 5 }, learner.access_token);
    expect(res.body.data).toMatchObject({ rating: 5, body: "Solid basics." });
    const cleared = await putReview(courseId, { rating: 5, body: "" }, learner.access_token);
    expect(cleared.body.data.body).toBe("");
  });

  it("refuses users who aren't enrolled or whose enrollment was cancelled (403) and guests (401)", async () => {
    const outsider = await register(ctx.app, "outsider@example.com");
    const cancelled = await register(ctx.app, "cancelled@example.com");
    await enroll(cancelled.user.id, courseId, "cancelled");
    const admin = await userWithRole(ctx, "admin@example.com", "admin");
    await markVerified(ctx, outsider, cancelled, admin);
    for (const token of [outsider.access_token, cancelled.access_token, admin.access_token]) {
      const res = await putReview(courseId, { rating: 5 }, token);
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBe("FORBIDDEN");
    }
    const guest = await putReview(courseId, { rating: 5 });
    expect(guest.status).toBe(401);
    expect(await courseRating(courseId)).toEqual({ avg: 0, count: 0 });
  });

  it("doesn't let a creator review their own course, even when enrolled in it", async () => {
    await enroll(creator.user.id, courseId);
    await markVerified(ctx, creator);
    const res = await putReview(courseId, { rating: 5, body: "Best course ever" }, creator.access_token);
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe("FORBIDDEN");
  });

  it.each([0, 6, 3.5, -1, "5", null])("rejects a rating of %j and names the field", async (rating) => {
    const res = await putReview(courseId, { rating, body: "Hmm" }, learner.access_token);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(fieldsOf(res.body))).toContain("rating");
  });

  it("rejects a missing rating and a body over 5000 characters", async () => {
    expect(
      Object.keys(fieldsOf((await putReview(courseId, { body: "No stars" }, learner.access_token)).body)),
    ).toContain("rating");
    const long = await putReview(courseId, { rating: 4, body: "x".repeat(5001) }, learner.access_token);
    expect(long.status).toBe(400);
    expect(Object.keys(fieldsOf(long.body))).toContain("body");
    expect((await putReview(courseId, { rating: 4, body: "x".repeat(5000) }, learner.access_token)).status).toBe(201);
  });

  it("ignores fields a client may not set", async () => {
    const other = await register(ctx.app, "other@example.com");
    const res = await putReview(
      courseId,
      { rating: 4, user_id: other.user.id, id: "00000000-0000-4000-8000-000000000000", created_at: "2000-01-01" },
      learner.access_token,
    );
    expect(res.status).toBe(201);
    expect(res.body.data.user.id).toBe(learner.user.id);
    expect(res.body.data.id).not.toBe("00000000-0000-4000-8000-000000000000");
    expect(res.body.data.created_at).not.toMatch(/^2000/);
  });

  it("answers 404 for an unknown or draft course and 400 for an id that isn't a uuid", async () => {
    const missing = await putReview("00000000-0000-4000-8000-000000000000", { rating: 4 }, learner.access_token);
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe("NOT_FOUND");
    const draft = await createCourse(creator.user.id, "draft");
    await enroll(learner.user.id, draft);
    expect((await putReview(draft, { rating: 4 }, learner.access_token)).status).toBe(404);
    expect((await putReview("abc", { rating: 4 }, learner.access_token)).status).toBe(400);
  });

  it("keeps the average exact when many learners review at once", async () => {
    const learners = await Promise.all(
      Array.from({ length: 12 }, (_, i) => learnerOf(courseId, `crowd${i}@example.com`)),
    );
    const ratings = learners.map((_, i) => (i % 5) + 1);
    const results = await Promise.all(
      learners.map((s, i) => putReview(courseId, { rating: ratings[i] }, s.access_token)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const mean = ratings.reduce((a, b) => a + b, 0) / ratings.length;
    let rating = await courseRating(courseId);
    expect(rating.count).toBe(12);
    expect(rating.avg).toBeCloseTo(mean, 5);

    // Everyone changes their mind at the same time: still exact.
    await Promise.all(
      learners.map((s, i) => putReview(courseId, { rating: 6 - (ratings[i] as number) }, s.access_token)),
    );
    rating = await courseRating(courseId);
    expect(rating.count).toBe(12);
    expect(rating.avg).toBeCloseTo(6 - mean, 5);
  });
});

describe("DELETE /courses/:id/reviews/me", () => {
  it("removes the caller's review and recounts the rating; a second delete is 404", async () => {
    const other = await learnerOf(courseId, "other@example.com");
    await putReview(courseId, { rating: 1 }, learner.access_token);
    await putReview(courseId, { rating: 4 }, other.access_token);
    const url = `${reviewsUrl(courseId)}/me`;
    const res = await call(ctx.app, { method: "DELETE", url, token: learner.access_token });
    expect(res.status).toBe(200);
    expect(res.body.data).toBeNull();
    expect(await courseRating(courseId)).toEqual({ avg: 4, count: 1 });
    const again = await call(ctx.app, { method: "DELETE", url, token: learner.access_token });
    expect(again.status).toBe(404);
    expect(again.body.error?.code).toBe("NOT_FOUND");
    await call(ctx.app, { method: "DELETE", url, token: other.access_token });
    expect(await courseRating(courseId)).toEqual({ avg: 0, count: 0 });
    expect((await call(ctx.app, { method: "DELETE", url })).status).toBe(401);
  });
});

describe("GET /courses/:id/reviews", () => {
  it("lists a course's reviews publicly, newest first, with the author's name and cursor pagination", async () => {
    const names = ["Ana", "Ben", "Cleo"];
    for (const [i, name] of names.entries()) {
      const s = await learnerOf(courseId, `${name.toLowerCase()}@example.com`, name);
      await putReview(courseId, { rating: i + 3, body: `Review by ${name}` }, s.access_token);
    }
    const first = await call<ReviewList>(ctx.app, { method: "GET", url: `${reviewsUrl(courseId)}?limit=2` });
    expect(first.status).toBe(200);
    expect(first.body.data.items.map((r) => r.user.full_name)).toEqual(["Cleo", "Ben"]);
    expect(first.body.data.items[0]).toMatchObject({ rating: 5, body: "Review by Cleo" });
    expect(Object.keys(first.body.data.items[0]?.user ?? {}).sort()).toEqual(["avatar_url", "full_name", "id"]);
    const second = await call<ReviewList>(ctx.app, {
      method: "GET",
      url: `${reviewsUrl(courseId)}?limit=2&cursor=${first.body.data.next_cursor}`,
    });
    expect(second.body.data.items.map((r) => r.user.full_name)).toEqual(["Ana"]);
    expect(second.body.data.next_cursor).toBeNull();
  });

  it("hides a draft course's reviews and rejects bad paging", async () => {
    const draft = await createCourse(creator.user.id, "draft");
    expect((await call(ctx.app, { method: "GET", url: reviewsUrl(draft) })).status).toBe(404);
    expect((await call(ctx.app, { method: "GET", url: reviewsUrl(draft), token: creator.access_token })).status).toBe(
      200,
    );
    expect((await call(ctx.app, { method: "GET", url: `${reviewsUrl(courseId)}?cursor=bad` })).status).toBe(400);
    expect((await call(ctx.app, { method: "GET", url: `${reviewsUrl(courseId)}?limit=101` })).status).toBe(400);
  });
});

describe("GET /courses/:id/reviews/me", () => {
  it("returns the caller's own review, or 200 with null when they haven't written one yet", async () => {
    const url = `${reviewsUrl(courseId)}/me`;
    const none = await call(ctx.app, { method: "GET", url, token: learner.access_token });
    expect(none.status).toBe(200);
    expect(none.body.success).toBe(true);
    expect(none.body.data).toBeNull();
    const unknownCourse = `${reviewsUrl("99999999-9999-4999-8999-999999999999")}/me`;
    const missing = await call(ctx.app, { method: "GET", url: unknownCourse, token: learner.access_token });
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe("NOT_FOUND");
    await putReview(courseId, { rating: 5, body: "Loved it" }, learner.access_token);
    const mine = await call<Review>(ctx.app, { method: "GET", url, token: learner.access_token });
    expect(mine.status).toBe(200);
    expect(mine.body.data).toMatchObject({ rating: 5, body: "Loved it", user: { id: learner.user.id } });
    expect((await call(ctx.app, { method: "GET", url })).status).toBe(401);
  });
});

describe("PUT and DELETE /courses/:id/reviews/:reviewId/reply", () => {
  const replyUrl = (reviewId: string, course = courseId) => `${reviewsUrl(course)}/${reviewId}/reply`;
  const putReply = (reviewId: string, payload: object, token?: string, course = courseId) =>
    call<Review>(ctx.app, { method: "PUT", url: replyUrl(reviewId, course), payload, ...(token ? { token } : {}) });
  const bell = async (who: Session) => {
    await ctx.app.jobs.idle();
    const res = await call<{ items: Array<{ kind: string; title: string; link: string | null }> }>(ctx.app, {
      method: "GET",
      url: "/api/v1/notifications",
      token: who.access_token,
    });
    return res.body.data.items;
  };

  it("the creator replies under the review; the reviewer is told once, and edits keep the first posting", async () => {
    const review = (await putReview(courseId, { rating: 3, body: "Too fast." }, learner.access_token)).body.data;
    expect(review.reply).toBeNull();
    const posted = await putReply(
      review.id,
      { body: "  Thanks! Lesson 2 now has a slower part.  " },
      creator.access_token,
    );
    expect(posted.status).toBe(200);
    expect(posted.body.data.reply).toMatchObject({
      body: "Thanks! Lesson 2 now has a slower part.",
      author: { id: creator.user.id },
    });
    // The review itself is not "edited" by a reply.
    expect(posted.body.data.updated_at).toBe(review.updated_at);

    const listed = await call<ReviewList>(ctx.app, { method: "GET", url: reviewsUrl(courseId) });
    expect(listed.body.data.items[0]?.reply?.body).toBe("Thanks! Lesson 2 now has a slower part.");
    const mine = await call<Review>(ctx.app, {
      method: "GET",
      url: `${reviewsUrl(courseId)}/me`,
      token: learner.access_token,
    });
    expect(mine.body.data.reply?.author?.id).toBe(creator.user.id);

    const edited = await putReply(review.id, { body: "Thanks! Lessons 2 and 3 are slower now." }, creator.access_token);
    expect(edited.body.data.reply?.created_at).toBe(posted.body.data.reply?.created_at);
    expect(edited.body.data.reply?.body).toBe("Thanks! Lessons 2 and 3 are slower now.");

    const told = (await bell(learner)).filter((n) => n.kind === "review.reply");
    expect(told).toHaveLength(1);
    expect(told[0]?.link).toBe(`/courses/${courseId}#reviews`);
    expect(await bell(creator)).toEqual([]);

    // The learner editing their review keeps the reply.
    await putReview(courseId, { rating: 4 }, learner.access_token);
    const after = await call<ReviewList>(ctx.app, { method: "GET", url: reviewsUrl(courseId) });
    expect(after.body.data.items[0]).toMatchObject({
      rating: 4,
      reply: { body: "Thanks! Lessons 2 and 3 are slower now." },
    });
  });

  it("removes the reply (idempotently); a reply posted again tells the reviewer again", async () => {
    const review = (await putReview(courseId, { rating: 5 }, learner.access_token)).body.data;
    await putReply(review.id, { body: "Glad it helped." }, creator.access_token);
    for (let i = 0; i < 2; i++) {
      const removed = await call<Review>(ctx.app, {
        method: "DELETE",
        url: replyUrl(review.id),
        token: creator.access_token,
      });
      expect(removed.status).toBe(200);
      expect(removed.body.data.reply).toBeNull();
    }
    const listed = await call<ReviewList>(ctx.app, { method: "GET", url: reviewsUrl(courseId) });
    expect(listed.body.data.items[0]?.reply).toBeNull();
    await putReply(review.id, { body: "Glad it helped, really." }, creator.access_token);
    expect((await bell(learner)).filter((n) => n.kind === "review.reply")).toHaveLength(2);
  });

  it("only the course's creator and admins reply: others 403, guests 401, other courses' reviews 404", async () => {
    const review = (await putReview(courseId, { rating: 2 }, learner.access_token)).body.data;
    const other = await learnerOf(courseId, "other@example.com");
    const otherCreator = await userWithRole(ctx, "rival@example.com", "creator");
    for (const who of [learner, other, otherCreator]) {
      const res = await putReply(review.id, { body: "Not mine to answer" }, who.access_token);
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBe("FORBIDDEN");
      const del = await call(ctx.app, { method: "DELETE", url: replyUrl(review.id), token: who.access_token });
      expect(del.status).toBe(403);
    }
    expect((await putReply(review.id, { body: "Hi" })).status).toBe(401);

    const admin = await userWithRole(ctx, "admin@example.com", "admin");
    const byAdmin = await putReply(
      review.id,
      { body: "The creator is on leave; we have passed this on." },
      admin.access_token,
    );
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.data.reply?.author?.id).toBe(admin.user.id);

    // The review must be the course's own.
    const otherCourse = await createCourse(creator.user.id);
    const elsewhere = await putReply(review.id, { body: "Hi" }, creator.access_token, otherCourse);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error?.code).toBe("NOT_FOUND");
    const unknown = await putReply("00000000-0000-4000-8000-000000000000", { body: "Hi" }, creator.access_token);
    expect(unknown.status).toBe(404);
    expect((await putReply("not-a-uuid", { body: "Hi" }, creator.access_token)).status).toBe(400);
  });

  it("refuses an empty or overlong reply with the field named, keeping the one there", async () => {
    const review = (await putReview(courseId, { rating: 4 }, learner.access_token)).body.data;
    await putReply(review.id, { body: "Thank you." }, creator.access_token);
    for (const payload of [{ body: "   " }, { body: "x".repeat(2001) }, {}, { body: 42 }]) {
      const res = await putReply(review.id, payload, creator.access_token);
      expect(res.status, JSON.stringify(payload).slice(0, 40)).toBe(400);
      expect(fieldsOf(res.body)).toHaveProperty("body");
    }
    const listed = await call<ReviewList>(ctx.app, { method: "GET", url: reviewsUrl(courseId) });
    expect(listed.body.data.items[0]?.reply?.body).toBe("Thank you.");
  });

  it("a guest's cached page shows a new reply at once", async () => {
    const review = (await putReview(courseId, { rating: 4 }, learner.access_token)).body.data;
    const before = await call<ReviewList>(ctx.app, { method: "GET", url: reviewsUrl(courseId) });
    expect(before.body.data.items[0]?.reply).toBeNull();
    await putReply(review.id, { body: "Thanks for the kind words." }, creator.access_token);
    const after = await call<ReviewList>(ctx.app, { method: "GET", url: reviewsUrl(courseId) });
    expect(after.body.data.items[0]?.reply?.body).toBe("Thanks for the kind words.");
  });
});
