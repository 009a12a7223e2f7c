// @vitest-environment happy-dom
import type { Enrollment, Review } from "@lumen/contracts";
import { cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { courseDetail } from "@/features/courses/courses.test-support";
import { CourseViewerProvider } from "@/features/courses/enrollment/course-viewer";
import { failure, ok, restoreApi, serveApi } from "@/test/fake-api";
import { testUser } from "@/test/fixtures";
import { renderWithRouter } from "@/test/router";
import { signInAs, signOut } from "@/test/session";
import { ReviewComposer } from "./review-composer";

const COURSE_ID = courseDetail().id;
const MINE = `/courses/${COURSE_ID}/reviews/me`;

const enrollment: Enrollment = {
  id: "e-1",
  course_id: COURSE_ID,
  user_id: "u-sam",
  status: "active",
  progress_percentage: 40,
  completed_lessons: 1,
  last_accessed: "2026-11-05T00:00:00.000Z",
  completed_at: null,
  created_at: "2026-11-02T00:00:00.000Z",
};

const myReview: Review = {
  id: "r-1",
  course_id: COURSE_ID,
  rating: 4,
  body: "Clear and calm.",
  created_at: "2026-11-03T10:00:00.000Z",
  updated_at: "2026-11-03T10:00:00.000Z",
  user: { id: "u-sam", full_name: "Sam Learner", avatar_url: null },
  reply: null,
};

/** The learner's page as the viewer loads it: the course with their enrollment, and their course list. */
const viewerRoutes = {
  [`GET /courses/${COURSE_ID}`]: ok(courseDetail({ enrollment })),
  "GET /enrollments/me": ok({ items: [] }),
  [`GET ${MINE}`]: ok(myReview),
};

function renderComposer() {
  return renderWithRouter(
    <CourseViewerProvider courseId={COURSE_ID}>
      <ReviewComposer courseId={COURSE_ID} />
    </CourseViewerProvider>,
  );
}

beforeEach(() => {
  signInAs(testUser({ email_verified: true }), "token-sam");
});
afterEach(() => {
  cleanup();
  restoreApi();
  signOut();
});

describe("deleting one's own review", () => {
  it("asks first, and 'Keep it' leaves the review as it was", async () => {
    const { callsTo } = serveApi({
      ...viewerRoutes,
    });
    const { user } = renderComposer();

    await user.click(await screen.findByRole("button", { name: "Delete" }));
    expect(screen.getByText("Delete your review? This can't be undone.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Keep it" }));

    expect(screen.queryByText("Delete your review? This can't be undone.")).toBeNull();
    expect(screen.getByText("Clear and calm.")).toBeTruthy();
    expect(callsTo(`DELETE ${MINE}`)).toHaveLength(0);
  });

  it("deletes on 'Yes, delete it', says so, and offers to rate the course again", async () => {
    const { callsTo } = serveApi({
      ...viewerRoutes,
      [`DELETE ${MINE}`]: ok(null),
    });
    const { user } = renderComposer();

    await user.click(await screen.findByRole("button", { name: "Delete" }));
    await user.click(screen.getByRole("button", { name: "Yes, delete it" }));

    expect((await screen.findByRole("status")).textContent).toBe("Your review is deleted.");
    expect(callsTo(`DELETE ${MINE}`)).toHaveLength(1);
    expect(screen.getByRole("heading", { name: "Rate this course" })).toBeTruthy();
    expect(screen.queryByText("Clear and calm.")).toBeNull();
  });

  it("keeps the review and says why when the deletion fails", async () => {
    serveApi({
      ...viewerRoutes,
      [`DELETE ${MINE}`]: failure(503, "SERVICE_UNAVAILABLE", "The service is briefly unavailable"),
    });
    const { user } = renderComposer();

    await user.click(await screen.findByRole("button", { name: "Delete" }));
    await user.click(screen.getByRole("button", { name: "Yes, delete it" }));

    await waitFor(() => expect(screen.getByRole("status").textContent).not.toBe(""));
    expect(screen.getByText("Clear and calm.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Yes, delete it" }).getAttribute("aria-disabled")).toBeNull();
  });
});
