// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ok, restoreApi, serveApi } from "@/test/fake-api";
import { testUser } from "@/test/fixtures";
import { renderWithRouter } from "@/test/router";
import { signInAs } from "@/test/session";
import { COURSE_ID, FIRST, lessonProgress, roomLesson, roomRoutes } from "./learn.test-support";
import { LearningRoom } from "./learning-room";

beforeEach(() => {
  signInAs(testUser({ email_verified: true }), "token-sam");
});

afterEach(() => {
  cleanup();
  restoreApi();
});

describe("the learning room", () => {
  it("moves the course progress header as soon as a lesson is marked complete", async () => {
    serveApi({ ...roomRoutes(), [`POST /lessons/${FIRST}/complete`]: ok(lessonProgress(FIRST, true)) });
    const { user } = renderWithRouter(<LearningRoom courseId={COURSE_ID} lessonId={FIRST} startAt={null} />);

    const breadcrumb = await screen.findByRole("navigation", { name: "Breadcrumb" });
    expect(breadcrumb.textContent).toContain("0% of the course done");

    await user.click(screen.getByRole("button", { name: "Mark as complete" }));

    await screen.findByText("Lesson complete. Nice work!");
    expect(breadcrumb.textContent).toContain("50% of the course done");
  });

  it("offers the place the learner stopped at when the player starts at an earlier unwatched part", async () => {
    const video = roomLesson({ kind: "video", video_url: "https://videos.example.com/plants.webm" });
    const saved = lessonProgress(FIRST, false);
    saved.video_progress = { watch_percentage: 3, position_seconds: 128, resume_seconds: 5, is_completed: false };
    serveApi({
      ...roomRoutes(video),
      [`GET /courses/${COURSE_ID}/progress`]: ok({ course_id: COURSE_ID, progress_percentage: 0, lessons: [saved] }),
    });
    const { user } = renderWithRouter(<LearningRoom courseId={COURSE_ID} lessonId={FIRST} startAt={null} />);

    await screen.findByText("Started at 0:05, the first part you haven't watched yet.");
    await user.click(screen.getByRole("button", { name: "Jump to 2:08, where you stopped" }));
    expect(screen.queryByRole("button", { name: /Jump to/ })).toBeNull();
  });
});
