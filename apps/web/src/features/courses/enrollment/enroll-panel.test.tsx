// @vitest-environment happy-dom
import type { CourseDetail, Enrollment, User } from "@lumen/contracts";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failure, ok, restoreApi, serveApi } from "@/test/fake-api";
import { courseSummary, testUser } from "@/test/fixtures";
import { renderWithRouter } from "@/test/router";
import { signInAs, signOut } from "@/test/session";
import { CourseViewerProvider } from "./course-viewer";
import { EnrollPanel } from "./enroll-panel";

const COURSE_ID = "c0a8012e-7d1f-4a55-9d0e-3f5b1c2a9e01";
const FIRST_LESSON = "l-1";
const NEXT_LESSON = "l-3";

function enrollment(overrides: Partial<Enrollment> = {}): Enrollment {
  return {
    id: "e-1",
    course_id: COURSE_ID,
    user_id: "u-sam",
    status: "active",
    progress_percentage: 40,
    completed_lessons: 2,
    last_accessed: "2026-01-05T00:00:00.000Z",
    completed_at: null,
    created_at: "2026-01-02T00:00:00.000Z",
    ...overrides,
  };
}

function courseDetail(overrides: Partial<CourseDetail> = {}): CourseDetail {
  return {
    ...courseSummary(),
    outcomes: [],
    certificates_enabled: true,
    modules: [
      {
        id: "m-1",
        title: "Light",
        position: 0,
        lessons: [
          {
            id: FIRST_LESSON,
            title: "Why",
            kind: "video",
            duration_seconds: 300,
            is_preview: true,
            position: 0,
            has_quiz: false,
          },
        ],
      },
    ],
    enrollment: null,
    access: { can_edit: false, can_view_content: false, requires_premium: false },
    ...overrides,
  };
}

/** Sam, signed in with a verified email. */
function signIn(overrides: Partial<User> = {}) {
  signInAs(testUser({ email_verified: true, ...overrides }), "token-sam");
}

function renderPanel(pricing = { is_free: true, price: 0 }) {
  return renderWithRouter(
    <CourseViewerProvider courseId={COURSE_ID}>
      <EnrollPanel courseId={COURSE_ID} pricing={pricing} lessonCount={5} firstLessonId={FIRST_LESSON} />
    </CourseViewerProvider>,
  );
}

beforeEach(() => {
  signOut();
});

afterEach(() => {
  cleanup();
  restoreApi();
});

describe("EnrollPanel", () => {
  it("asks guests to sign up or log in, and brings them back to the course", async () => {
    const { fetch } = serveApi({});
    signOut("anonymous");
    renderPanel();

    const signUp = screen.getByRole("link", { name: "Sign up to enroll" });
    expect(signUp.getAttribute("href")).toBe(`/register?next=${encodeURIComponent(`/courses/${COURSE_ID}`)}`);
    expect(screen.getByRole("link", { name: "Log in" }).getAttribute("href")).toBe(
      `/login?next=${encodeURIComponent(`/courses/${COURSE_ID}`)}`,
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it("waits for the session before deciding", () => {
    serveApi({});
    renderPanel();
    expect(screen.getByRole("status").textContent).toBe("Checking whether you're enrolled…");
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.queryByRole("link")).toBeNull();
  });

  it("sends enrolled learners on to the lesson they are up to", async () => {
    const { calls } = serveApi({
      [`GET /courses/${COURSE_ID}`]: ok(courseDetail({ enrollment: enrollment() })),
      "GET /enrollments/me": ok({
        items: [
          {
            course_id: COURSE_ID,
            title: "Photosynthesis",
            thumbnail_url: null,
            level: "beginner",
            category: "biology",
            progress_percentage: 40,
            completed_lessons: 2,
            total_lessons: 5,
            last_accessed: null,
            enrolled_at: "2026-01-02T00:00:00.000Z",
            next_lesson_id: NEXT_LESSON,
            started: true,
          },
        ],
      }),
    });
    signIn();
    renderPanel();

    const link = await screen.findByRole("link", { name: "Continue learning" });
    expect(link.getAttribute("href")).toBe(`/learn/${COURSE_ID}/${NEXT_LESSON}`);
    expect(screen.getByText("2 of 5 lessons done")).toBeTruthy();
    expect(screen.getByRole("progressbar", { name: "Course progress" }).getAttribute("aria-valuenow")).toBe("40");
    expect(calls.every((call) => call.headers.get("authorization") === "Bearer token-sam")).toBe(true);
  });

  it("enrolls in a free course and opens its first lesson", async () => {
    const { calls } = serveApi({
      [`GET /courses/${COURSE_ID}`]: ok(courseDetail()),
      [`POST /courses/${COURSE_ID}/enroll`]: ok(enrollment({ progress_percentage: 0, completed_lessons: 0 }), 201),
    });
    signIn();
    const { router } = renderPanel();

    await userEvent.setup().click(await screen.findByRole("button", { name: "Enroll for free" }));

    await waitFor(() => expect(router.push).toHaveBeenCalledWith(`/learn/${COURSE_ID}/${FIRST_LESSON}`));
    expect(calls.map((call) => call.key)).toContain(`POST /courses/${COURSE_ID}/enroll`);
    expect(await screen.findByRole("link", { name: "Continue learning" })).toBeTruthy();
  });

  it("offers a paid course for sale or with Premium, and starts the checkout at the API's price", async () => {
    const { calls } = serveApi({
      [`GET /courses/${COURSE_ID}`]: ok(
        courseDetail({
          pricing: { is_free: false, price: 39 },
          access: { can_edit: false, can_view_content: false, requires_premium: true },
        }),
      ),
      "POST /payments/checkout": ok(
        { session_id: "s-1", checkout_url: "http://localhost:3000/checkout/test/s-1" },
        201,
      ),
    });
    signIn({ premium_status: false });
    const { router } = renderPanel({ is_free: false, price: 39 });

    const buy = await screen.findByRole("button", { name: "Buy for $39.00" });
    expect(screen.getByRole("link", { name: "Included with Premium" }).getAttribute("href")).toBe(
      `/pricing?course=${COURSE_ID}`,
    );
    await userEvent.setup().click(buy);

    await waitFor(() => expect(router.push).toHaveBeenCalledWith("/checkout/test/s-1"));
    const started = calls.find((call) => call.key === "POST /payments/checkout");
    expect(started?.body).toEqual({ kind: "course", course_id: COURSE_ID });
  });

  it("turns a 402 on enroll into the ways in, never a dead end", async () => {
    serveApi({
      [`GET /courses/${COURSE_ID}`]: ok(courseDetail({ pricing: { is_free: false, price: 39 } })),
      [`POST /courses/${COURSE_ID}/enroll`]: failure(402, "PAYMENT_REQUIRED", "This is a paid course"),
    });
    // The session still says Premium, but it has just ended: the API refuses.
    signIn({ premium_status: true });
    const { router } = renderPanel({ is_free: false, price: 39 });

    await userEvent.setup().click(await screen.findByRole("button", { name: "Enroll with Premium" }));

    expect(await screen.findByRole("button", { name: "Buy for $39.00" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Included with Premium" })).toBeTruthy();
    expect(router.push).not.toHaveBeenCalled();
  });

  it("offers Premium members the paid course at no extra cost", async () => {
    serveApi({ [`GET /courses/${COURSE_ID}`]: ok(courseDetail({ pricing: { is_free: false, price: 39 } })) });
    signIn({ premium_status: true });
    renderPanel({ is_free: false, price: 39 });

    expect(await screen.findByRole("button", { name: "Enroll with Premium" })).toBeTruthy();
    expect(screen.getByText(/Included with your Premium membership/)).toBeTruthy();
  });

  it("says so in words when the enrollment can't be checked, and tries again on request", async () => {
    const { fetch } = serveApi({
      [`GET /courses/${COURSE_ID}`]: failure(500, "INTERNAL_ERROR", "boom"),
    });
    signIn();
    renderPanel();

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "We couldn't check your enrollment. Something went wrong on our side. Please try again.",
    );
    await userEvent.setup().click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
  });
});

describe("leaving a course", () => {
  it("asks first, then leaves through the API and offers to enroll again", async () => {
    signIn();
    const { callsTo } = serveApi({
      [`GET /courses/${COURSE_ID}`]: ok(courseDetail({ enrollment: enrollment() })),
      "GET /enrollments/me": ok({ items: [], next_cursor: null }),
      [`DELETE /courses/${COURSE_ID}/enroll`]: ok(enrollment({ status: "cancelled" })),
    });
    const { user } = renderPanel();

    await user.click(await screen.findByRole("button", { name: "Leave course" }));
    const confirm = screen.getByRole("group", { name: "Leave this course?" });
    expect(callsTo(`DELETE /courses/${COURSE_ID}/enroll`)).toHaveLength(0);
    await user.click(within(confirm).getByRole("button", { name: "Leave course" }));

    expect(await screen.findByRole("button", { name: /Enroll/ })).toBeTruthy();
    expect(callsTo(`DELETE /courses/${COURSE_ID}/enroll`)).toHaveLength(1);
    expect(screen.queryByText("You're enrolled in this course")).toBeNull();
  });

  it("keeps the learner enrolled when they change their mind", async () => {
    signIn();
    const { callsTo } = serveApi({
      [`GET /courses/${COURSE_ID}`]: ok(courseDetail({ enrollment: enrollment() })),
      "GET /enrollments/me": ok({ items: [], next_cursor: null }),
    });
    const { user } = renderPanel();
    await user.click(await screen.findByRole("button", { name: "Leave course" }));
    await user.click(screen.getByRole("button", { name: "Stay enrolled" }));
    expect(screen.getByText("You're enrolled in this course")).toBeTruthy();
    expect(callsTo(`DELETE /courses/${COURSE_ID}/enroll`)).toHaveLength(0);
  });
});
