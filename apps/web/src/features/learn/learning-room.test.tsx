// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ok, restoreApi, serveApi } from "@/test/fake-api";
import { testUser } from "@/test/fixtures";
import { renderWithRouter } from "@/test/router";
import { signInAs } from "@/test/session";
import { COURSE_ID, FIRST, lessonProgress, roomRoutes } from "./learn.test-support";
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
});
