import { courses, type Executor, reviews, users } from "@lumen/db";
import { and, desc, eq, lt, or, type SQL, sql } from "drizzle-orm";

export type ReviewRow = typeof reviews.$inferSelect;
export type ReviewWithAuthor = { review: ReviewRow; authorName: string; authorAvatar: string | null };

const withAuthor = {
  review: reviews,
  authorName: users.fullName,
  authorAvatar: sql<string | null>`${users.profile} ->> 'avatar_url'`,
};

export function createReviewRepo(db: Executor) {
  return {
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
      const [row] = await tx
        .select(withAuthor)
        .from(reviews)
        .innerJoin(users, eq(users.id, reviews.userId))
        .where(and(eq(reviews.userId, userId), eq(reviews.courseId, courseId)))
        .limit(1);
      return row;
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
      return tx
        .select(withAuthor)
        .from(reviews)
        .innerJoin(users, eq(users.id, reviews.userId))
        .where(and(...where))
        .orderBy(desc(reviews.createdAt), desc(reviews.id))
        .limit(filter.limit);
    },
  };
}
export type ReviewRepo = ReturnType<typeof createReviewRepo>;
