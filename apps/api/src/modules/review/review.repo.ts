import { courses, type Executor, reviews, users } from "@lumen/db";
import { and, desc, eq, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { transactions } from "../../lib/sql.js";

export type ReviewRow = typeof reviews.$inferSelect;
export type ReviewWithAuthor = {
  review: ReviewRow;
  authorName: string;
  authorAvatar: string | null;
  replierName: string | null;
  replierAvatar: string | null;
};

const replier = alias(users, "replier");
const withAuthor = {
  review: reviews,
  authorName: users.fullName,
  authorAvatar: sql<string | null>`${users.profile} ->> 'avatar_url'`,
  replierName: replier.fullName,
  replierAvatar: sql<string | null>`${replier.profile} ->> 'avatar_url'`,
};

/** Reviews with their author and the reply's author: the base of every read that presents a review. */
const withAuthors = (tx: Executor) =>
  tx
    .select(withAuthor)
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.userId))
    .leftJoin(replier, eq(replier.id, reviews.replyUserId));

export function createReviewRepo(db: Executor) {
  return {
    ...transactions(db),

    /**
     * Locks the course row until the transaction ends, so rating writes to one course run one after another and
     * each recount (a later statement, with a fresh snapshot) sees every review committed before it.
     */
    async lockCourse(courseId: string, tx: Executor = db): Promise<boolean> {
      const rows = await tx
        .select({ id: courses.id })
        .from(courses)
        .where(eq(courses.id, courseId))
        .for("no key update");
      return rows.length > 0;
    },

    /** Creates the user's review of the course or edits it; an undefined body keeps the current text. */
    async upsert(
      values: { userId: string; courseId: string; rating: number; body?: string | undefined },
      tx: Executor = db,
    ): Promise<{ id: string; created: boolean }> {
      const [row] = await tx
        .insert(reviews)
        .values({ userId: values.userId, courseId: values.courseId, rating: values.rating, body: values.body ?? "" })
        .onConflictDoUpdate({
          target: [reviews.userId, reviews.courseId],
          set: {
            rating: values.rating,
            ...(values.body !== undefined ? { body: values.body } : {}),
            updatedAt: new Date(),
          },
        })
        // xmax is 0 only on a freshly inserted row version.
        .returning({ id: reviews.id, created: sql<boolean>`(xmax = 0)` });
      if (!row) throw new Error("upsert returned no row");
      return row;
    },

    async delete(userId: string, courseId: string, tx: Executor = db): Promise<boolean> {
      const rows = await tx
        .delete(reviews)
        .where(and(eq(reviews.userId, userId), eq(reviews.courseId, courseId)))
        .returning({ id: reviews.id });
      return rows.length > 0;
    },

    /** Recounts the course's rating from its reviews: exact whatever happened before. */
    async refreshCourseRating(courseId: string, tx: Executor = db): Promise<void> {
      await tx
        .update(courses)
        .set({
          ratingAvg: sql`coalesce((select avg(${reviews.rating}) from ${reviews} where ${reviews.courseId} = ${courseId}), 0)`,
          ratingCount: sql`(select count(*) from ${reviews} where ${reviews.courseId} = ${courseId})`,
        })
        .where(eq(courses.id, courseId));
    },

    async findOwn(userId: string, courseId: string, tx: Executor = db): Promise<ReviewWithAuthor | undefined> {
      const [row] = await withAuthors(tx)
        .where(and(eq(reviews.userId, userId), eq(reviews.courseId, courseId)))
        .limit(1);
      return row;
    },

    /** One review of the course, with its author and the course's title (undefined: no such review there). */
    async findInCourse(
      reviewId: string,
      courseId: string,
      tx: Executor = db,
    ): Promise<(ReviewWithAuthor & { courseTitle: string }) | undefined> {
      const [row] = await tx
        .select({ ...withAuthor, courseTitle: courses.title })
        .from(reviews)
        .innerJoin(users, eq(users.id, reviews.userId))
        .innerJoin(courses, eq(courses.id, reviews.courseId))
        .leftJoin(replier, eq(replier.id, reviews.replyUserId))
        .where(and(eq(reviews.id, reviewId), eq(reviews.courseId, courseId)))
        .limit(1);
      return row;
    },

    /**
     * Writes the reply to one review of the course; the first posting time is kept across edits. The review's own
     * updated_at (the reviewer's edits) is left alone. Returns when the reply was first posted and whether this
     * write posted it, or undefined when the review is not the course's.
     */
    async setReply(
      reviewId: string,
      courseId: string,
      reply: { userId: string; body: string },
      tx: Executor = db,
    ): Promise<{ repliedAt: Date; posted: boolean } | undefined> {
      const now = new Date();
      const [row] = await tx
        .update(reviews)
        .set({
          replyBody: reply.body,
          replyUserId: reply.userId,
          repliedAt: sql`coalesce(${reviews.repliedAt}, ${now.toISOString()}::timestamptz)`,
          replyUpdatedAt: now,
        })
        .where(and(eq(reviews.id, reviewId), eq(reviews.courseId, courseId)))
        .returning({ repliedAt: reviews.repliedAt });
      if (!row?.repliedAt) return undefined;
      return { repliedAt: row.repliedAt, posted: row.repliedAt.getTime() === now.getTime() };
    },

    /** Removes the reply to one review of the course; false when the review is not the course's. */
    async clearReply(reviewId: string, courseId: string, tx: Executor = db): Promise<boolean> {
      const rows = await tx
        .update(reviews)
        .set({ replyBody: null, replyUserId: null, repliedAt: null, replyUpdatedAt: null })
        .where(and(eq(reviews.id, reviewId), eq(reviews.courseId, courseId)))
        .returning({ id: reviews.id });
      return rows.length > 0;
    },

    /** A course's reviews, newest first, after the keyset position. */
    async listByCourse(
      filter: { courseId: string; after?: { t: string; id: string } | undefined; limit: number },
      tx: Executor = db,
    ): Promise<ReviewWithAuthor[]> {
      const where: SQL[] = [eq(reviews.courseId, filter.courseId)];
      if (filter.after) {
        const t = new Date(filter.after.t);
        where.push(or(lt(reviews.createdAt, t), and(eq(reviews.createdAt, t), lt(reviews.id, filter.after.id))) as SQL);
      }
      return withAuthors(tx)
        .where(and(...where))
        .orderBy(desc(reviews.createdAt), desc(reviews.id))
        .limit(filter.limit);
    },
  };
}
export type ReviewRepo = ReturnType<typeof createReviewRepo>;
