import type { Page, Review, ReviewReplyUpsert, ReviewUpsert } from "@lumen/contracts";
import type { Executor } from "@lumen/db";
import type { CacheEntry } from "../../lib/cache.js";
import type { PublicReads } from "../../lib/cache-public.js";
import { timePage } from "../../lib/cursor.js";
import { forbidden, notFound } from "../../lib/errors.js";
import type { AccessRepo } from "../access/access.repo.js";
import type { AccessService } from "../access/access.service.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { Notifier } from "../notification/notification.service.js";
import { presentReview } from "./review.presenter.js";
import type { ReviewRepo } from "./review.repo.js";

/** What the service asks of the review repository: the rules live here, the SQL there. */
export type ReviewStore = Pick<
  ReviewRepo,
  | "transaction"
  | "lockCourse"
  | "upsert"
  | "delete"
  | "refreshCourseRating"
  | "findOwn"
  | "findInCourse"
  | "listByCourse"
  | "setReply"
  | "clearReply"
>;

export function createReviewService(deps: {
  reviews: ReviewStore;
  access: Pick<AccessService, "visibleCourse" | "canManage">;
  enrollments: Pick<AccessRepo, "isEnrolled">;
  /** Reviews and the rating they add up to are public reads: a review write bumps the course's version. */
  cache: Pick<PublicReads, "course" | "courseChanged">;
  /** Tells a reviewer their review has a reply (in the bell, and by email if they chose it). */
  notifier?: Notifier;
}) {
  const { reviews, access, enrollments, cache } = deps;

  /** The review of a course the caller manages (its creator, or an admin): 403 for anyone else, 404 elsewhere. */
  async function managedReview(auth: AuthContext, courseId: string, reviewId: string) {
    const course = await access.visibleCourse(auth, courseId);
    if (!access.canManage(auth, course)) throw forbidden("Only the course's creator can reply to its reviews");
    const found = await reviews.findInCourse(reviewId, courseId);
    if (!found) throw notFound("Review");
    return found;
  }

  /** Only learners with an active enrollment review a course, and never its own creator. */
  async function reviewableCourse(auth: AuthContext, courseId: string) {
    const course = await access.visibleCourse(auth, courseId);
    if (course.creatorId === auth.userId) throw forbidden("You can't review your own course");
    if (!(await enrollments.isEnrolled(auth.userId, courseId))) throw forbidden("Enroll in the course to review it");
    return course;
  }

  /** Runs a review write and the course's rating recount in one transaction, serialised per course. */
  async function withRatingRefresh<T>(courseId: string, write: (tx: Executor) => Promise<T>) {
    const result = await reviews.transaction(async (tx) => {
      if (!(await reviews.lockCourse(courseId, tx))) throw notFound("Course");
      const result = await write(tx);
      await reviews.refreshCourseRating(courseId, tx);
      return result;
    });
    await cache.courseChanged(courseId);
    return result;
  }

  async function list(
    auth: AuthContext | null,
    courseId: string,
    page: { limit: number; after?: { t: string; id: string } | undefined },
  ): Promise<Page<Review>> {
    await access.visibleCourse(auth, courseId);
    const rows = await reviews.listByCourse({ courseId, after: page.after, limit: page.limit + 1 });
    return timePage(rows, page.limit, presentReview, (r) => ({ at: r.review.createdAt, id: r.review.id }));
  }

  return {
    async upsert(
      auth: AuthContext,
      courseId: string,
      input: ReviewUpsert,
    ): Promise<{ review: Review; created: boolean }> {
      await reviewableCourse(auth, courseId);
      return withRatingRefresh(courseId, async (tx) => {
        const { created } = await reviews.upsert(
          { userId: auth.userId, courseId, rating: input.rating, body: input.body },
          tx,
        );
        const row = await reviews.findOwn(auth.userId, courseId, tx);
        if (!row) throw notFound("Review");
        return { review: presentReview(row), created };
      });
    },

    async remove(auth: AuthContext, courseId: string): Promise<void> {
      await access.visibleCourse(auth, courseId);
      await withRatingRefresh(courseId, async (tx) => {
        if (!(await reviews.delete(auth.userId, courseId, tx))) throw notFound("Review");
      });
    },

    /** Null when the caller hasn't reviewed the course yet: "none yet" is an answer, not an error. */
    async mine(auth: AuthContext, courseId: string): Promise<Review | null> {
      await access.visibleCourse(auth, courseId);
      const row = await reviews.findOwn(auth.userId, courseId);
      return row ? presentReview(row) : null;
    },

    /**
     * Posts or edits the creator's reply to a review. The reviewer is notified when a reply is first posted (not on
     * each edit); the course's cached pages start over.
     */
    async reply(auth: AuthContext, courseId: string, reviewId: string, input: ReviewReplyUpsert): Promise<Review> {
      const found = await managedReview(auth, courseId, reviewId);
      const written = await reviews.setReply(reviewId, courseId, { userId: auth.userId, body: input.body });
      if (!written) throw notFound("Review");
      await cache.courseChanged(courseId);
      if (written.posted && found.review.userId !== auth.userId) {
        await deps.notifier?.notify(
          found.review.userId,
          "review.reply",
          { course_id: courseId, course_title: found.courseTitle, review_id: reviewId },
          // One per reply posted: a reply removed and posted again tells the reviewer again.
          `${reviewId}.${written.repliedAt.getTime()}`,
        );
      }
      const row = await reviews.findInCourse(reviewId, courseId);
      if (!row) throw notFound("Review");
      return presentReview(row);
    },

    /** Removes the creator's reply (idempotent: a review without one is answered as it is). */
    async removeReply(auth: AuthContext, courseId: string, reviewId: string): Promise<Review> {
      await managedReview(auth, courseId, reviewId);
      if (!(await reviews.clearReply(reviewId, courseId))) throw notFound("Review");
      await cache.courseChanged(courseId);
      const row = await reviews.findInCourse(reviewId, courseId);
      if (!row) throw notFound("Review");
      return presentReview(row);
    },

    /** Public for any course the caller may see; newest first. */
    list,

    /** A guest's page of a published course's reviews, cached until the course changes (404 for any other course). */
    publicList(
      courseId: string,
      page: { limit: number; cursor?: string | undefined; after?: { t: string; id: string } | undefined },
    ): Promise<CacheEntry<Page<Review>>> {
      return cache.course(courseId, `reviews:${page.limit}:${page.cursor ?? ""}`, () => list(null, courseId, page));
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
