import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failure, ok, restoreApi, serveApi } from "@/test/fake-api";
import { testUser } from "@/test/fixtures";
import { signInAs } from "@/test/session";
import { getMyReview } from "./reviews.api";

const COURSE = "c0a8012e-7d1f-4a55-9d0e-3f5b1c2a9e01";
const ME = `GET /courses/${COURSE}/reviews/me`;

beforeEach(() => {
  signInAs(testUser({ email_verified: true }));
});
afterEach(restoreApi);

describe("the learner's own review", () => {
  it("is null when the API answers that there is none yet (200, no error in the console)", async () => {
    serveApi({ [ME]: ok(null) });
    expect(await getMyReview(COURSE)).toBeNull();
  });

  it("is the review when there is one", async () => {
    const review = {
      id: "r-1",
      course_id: COURSE,
      rating: 5,
      body: "Clear",
      created_at: "2026-01-02T00:00:00.000Z",
      updated_at: "2026-01-02T00:00:00.000Z",
      user: { id: "u-sam", full_name: "Sam Rivera" },
      reply: null,
    };
    serveApi({ [ME]: ok(review) });
    expect(await getMyReview(COURSE)).toEqual(review);
  });

  it("fails when the course itself is gone", async () => {
    serveApi({ [ME]: failure(404, "NOT_FOUND", "Course not found") });
    await expect(getMyReview(COURSE)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
