import { describe, expect, it, vi } from "vitest";
import { AppError } from "../../lib/errors.js";
import { FAKE_TX, recordingTransaction } from "../../lib/sql.testing.js";
import type { CourseAccessRow } from "../access/access.repo.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { ReviewRow, ReviewWithAuthor } from "./review.repo.js";
import { createReviewService, type ReviewStore } from "./review.service.js";

const COURSE: CourseAccessRow = { id: "course-1", status: "published", creatorId: "ada", isFree: true };
const as = (userId: string, role = "student"): AuthContext => ({ userId, role }) as AuthContext;

const reviewRow = (over: Partial<ReviewRow> = {}): ReviewWithAuthor & { courseTitle: string } => ({
  review: {
    id: "review-1",
    userId: "lea",
    courseId: COURSE.id,
    rating: 3,
    body: "Too fast.",
    createdAt: new Date("2026-11-02T10:00:00Z"),
    updatedAt: new Date("2026-11-02T10:00:00Z"),
    replyBody: null,
    replyUserId: null,
    repliedAt: null,
    replyUpdatedAt: null,
    ...over,
  },
  authorName: "Lea Learner",
  authorAvatar: null,
  replierName: null,
  replierAvatar: null,
  courseTitle: "Watercolour",
});

/** The service over in-memory collaborators; `store` overrides what a test needs of the repository. */
function setup(store: Partial<ReviewStore> = {}, opts: { enrolled?: boolean } = {}) {
  const order: string[] = [];
  const reviews: ReviewStore = {
    transaction: recordingTransaction(order),
    lockCourse: vi.fn(async () => {
      order.push("lock");
      return true;
    }),
    upsert: vi.fn(async () => {
      order.push("upsert");
      return { id: "review-1", created: true };
    }),
    delete: vi.fn(async () => {
      order.push("delete");
      return true;
    }),
    refreshCourseRating: vi.fn(async () => void order.push("recount")),
    findOwn: vi.fn(async () => reviewRow()),
    findInCourse: vi.fn(async () => reviewRow()),
    listByCourse: vi.fn(async () => []),
    setReply: vi.fn(async () => ({ repliedAt: new Date("2026-11-03T09:00:00Z"), posted: true })),
    clearReply: vi.fn(async () => true),
    ...store,
  };
  const cache = {
    course: vi.fn(),
    courseChanged: vi.fn(async () => void order.push("cache")),
  };
  const notifier = { notify: vi.fn(async () => {}) };
  const service = createReviewService({
    reviews,
    access: {
      visibleCourse: async (_auth, courseId) => {
        if (courseId !== COURSE.id) throw new AppError("NOT_FOUND", "Course not found");
        return COURSE;
      },
      canManage: (auth, course) => Boolean(auth && (auth.role === "admin" || auth.userId === course.creatorId)),
    },
    enrollments: { isEnrolled: async () => opts.enrolled ?? true },
    cache,
    notifier,
  });
  return { service, reviews, cache, notifier, order };
}

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (err) {
    return err instanceof AppError ? `${err.status} ${err.code}` : String(err);
  }
  return "resolved";
};

describe("reviews", () => {
  it("writes, recounts the rating under the course lock in one transaction, then invalidates the cache", async () => {
    const { service, order, reviews } = setup();
    const { created } = await service.upsert(as("lea"), COURSE.id, { rating: 4, body: "Good" });
    expect(created).toBe(true);
    expect(order).toEqual(["begin", "lock", "upsert", "recount", "commit", "cache"]);
    expect(reviews.upsert).toHaveBeenCalledWith(
      { userId: "lea", courseId: COURSE.id, rating: 4, body: "Good" },
      FAKE_TX,
    );
  });

  it("refuses the course's own creator and learners without an enrollment, writing nothing", async () => {
    const own = setup();
    expect(await codeOf(own.service.upsert(as("ada", "creator"), COURSE.id, { rating: 5 }))).toBe("403 FORBIDDEN");
    const stranger = setup({}, { enrolled: false });
    expect(await codeOf(stranger.service.upsert(as("tom"), COURSE.id, { rating: 1 }))).toBe("403 FORBIDDEN");
    expect([...own.order, ...stranger.order]).toEqual([]);
  });

  it("answers 404 when the course row is gone by the time it is locked, and leaves the cache alone", async () => {
    const { service, order } = setup({ lockCourse: async () => false });
    expect(await codeOf(service.upsert(as("lea"), COURSE.id, { rating: 4 }))).toBe("404 NOT_FOUND");
    expect(order).not.toContain("cache");
  });

  it("deleting a review that isn't there is 404", async () => {
    const { service } = setup({ delete: async () => false });
    expect(await codeOf(service.remove(as("lea"), COURSE.id))).toBe("404 NOT_FOUND");
  });
});

describe("replies to reviews", () => {
  it("lets the course's creator and admins reply, nobody else", async () => {
    for (const [who, expected] of [
      [as("ada", "creator"), "resolved"],
      [as("root", "admin"), "resolved"],
      [as("lea"), "403 FORBIDDEN"],
      [as("rival", "creator"), "403 FORBIDDEN"],
    ] as const) {
      const { service, reviews } = setup();
      expect(await codeOf(service.reply(who, COURSE.id, "review-1", { body: "Thanks" })), who.userId).toBe(expected);
      expect(reviews.setReply).toHaveBeenCalledTimes(expected === "resolved" ? 1 : 0);
    }
  });

  it("tells the reviewer once, when the reply is first posted, keyed by that posting", async () => {
    const first = setup();
    await first.service.reply(as("ada", "creator"), COURSE.id, "review-1", { body: "Thanks" });
    expect(first.notifier.notify).toHaveBeenCalledWith(
      "lea",
      "review.reply",
      { course_id: COURSE.id, course_title: "Watercolour", review_id: "review-1" },
      `review-1.${Date.parse("2026-11-03T09:00:00Z")}`,
    );
    expect(first.cache.courseChanged).toHaveBeenCalledWith(COURSE.id);

    const edit = setup({ setReply: async () => ({ repliedAt: new Date("2026-11-03T09:00:00Z"), posted: false }) });
    await edit.service.reply(as("ada", "creator"), COURSE.id, "review-1", { body: "Thanks again" });
    expect(edit.notifier.notify).not.toHaveBeenCalled();
    expect(edit.cache.courseChanged).toHaveBeenCalledWith(COURSE.id);
  });

  it("does not notify an admin replying to their own review", async () => {
    const { service, notifier } = setup({ findInCourse: async () => reviewRow({ userId: "root" }) });
    await service.reply(as("root", "admin"), COURSE.id, "review-1", { body: "Noted" });
    expect(notifier.notify).not.toHaveBeenCalled();
  });

  it("answers 404 for a review of another course, and for an unknown course, writing nothing", async () => {
    const missing = setup({ findInCourse: async () => undefined });
    expect(await codeOf(missing.service.reply(as("ada", "creator"), COURSE.id, "review-9", { body: "Hi" }))).toBe(
      "404 NOT_FOUND",
    );
    expect(await codeOf(missing.service.removeReply(as("ada", "creator"), COURSE.id, "review-9"))).toBe(
      "404 NOT_FOUND",
    );
    expect(await codeOf(missing.service.reply(as("ada", "creator"), "course-2", "review-1", { body: "Hi" }))).toBe(
      "404 NOT_FOUND",
    );
    expect(missing.reviews.setReply).not.toHaveBeenCalled();
    expect(missing.reviews.clearReply).not.toHaveBeenCalled();
  });

  it("removing a reply clears it and starts the course's cached pages over", async () => {
    const { service, reviews, cache } = setup();
    const after = await service.removeReply(as("ada", "creator"), COURSE.id, "review-1");
    expect(reviews.clearReply).toHaveBeenCalledWith("review-1", COURSE.id);
    expect(cache.courseChanged).toHaveBeenCalledWith(COURSE.id);
    expect(after.reply).toBeNull();
  });
});
