// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  COURSE_ID,
  courseAnalytics,
  failure,
  lessonAnalytics,
  NOW,
  ok,
  renderWithRouter,
  restoreApi,
  serveApi,
  signInAsCreator,
  signOut,
  TEXT_ID,
  VIDEO_ID,
} from "../creator-analytics.test-support";
import { CourseAnalyticsView } from "./course-analytics-view";

const COURSE = `GET /analytics/courses/${COURSE_ID}`;
const VIDEO = `GET /analytics/courses/${COURSE_ID}/lessons/${VIDEO_ID}`;
const TEXT = `GET /analytics/courses/${COURSE_ID}/lessons/${TEXT_ID}`;

beforeEach(signInAsCreator);

afterEach(() => {
  cleanup();
  restoreApi();
  signOut();
});

const view = () => renderWithRouter(<CourseAnalyticsView courseId={COURSE_ID} now={NOW} />);

describe("CourseAnalyticsView", () => {
  it("loads, then shows the headline figures, the charts in words, and the hardest lesson's timeline", async () => {
    const { calls } = serveApi({ [COURSE]: ok(courseAnalytics()), [VIDEO]: ok(lessonAnalytics()) });
    view();
    expect(screen.getByRole("status").textContent).toContain("Loading the course's analytics…");

    const glance = await screen.findByLabelText("This period at a glance");
    expect(within(glance).getByText("New enrollments").nextSibling?.textContent).toBe("9");
    expect(within(glance).getByText("Course completion").nextSibling?.textContent).toBe("33%");
    expect(screen.getByText("Photosynthesis Essentials")).toBeTruthy();
    expect(calls[0]?.query.get("from")).toBe("2026-03-01");
    expect(calls[0]?.query.get("to")).toBe("2026-03-30");

    for (const title of [
      "Enrollments and active learners",
      "Completion funnel by lesson",
      "Quiz pass rate by lesson",
      "Average watch coverage by lesson",
    ]) {
      expect(screen.getByRole("figure", { name: title })).toBeTruthy();
    }
    expect(
      screen.getByText(
        "From Mar 1 to Mar 30: 10 new enrollments, the most on Mar 4 (5); 1.7 active learners a day on average, 3 at most on Mar 1.",
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(/The steepest drop-off is at lesson 2, “Reading: the Calvin cycle”: 40% of those who started/),
    ).toBeTruthy();

    // The lesson with the most rewatching and questions opens first, with its timeline and questions.
    expect((screen.getByLabelText("Lesson") as HTMLSelectElement).value).toBe(VIDEO_ID);
    expect(await screen.findByRole("figure", { name: "Timeline of “The light reactions”" })).toBeTruthy();
    const questions = screen.getByRole("region", { name: "Questions learners asked" });
    expect(within(questions).getAllByRole("listitem")).toHaveLength(3);
    expect(within(questions).getByRole("link", { name: "Open the lesson at 0:47" }).getAttribute("href")).toBe(
      `/learn/${COURSE_ID}/${VIDEO_ID}?t=47`,
    );
    expect(screen.getByRole("link", { name: /Back to the course/ }).getAttribute("href")).toBe(
      `/studio/courses/${COURSE_ID}`,
    );
  });

  it("filters the questions to a stretch picked on the timeline, and back", async () => {
    serveApi({ [COURSE]: ok(courseAnalytics()), [VIDEO]: ok(lessonAnalytics()) });
    const user = userEvent.setup();
    view();
    await user.click(await screen.findByRole("button", { name: "2 questions at 0:10–0:15" }));
    const questions = screen.getByRole("region", { name: "Questions learners asked" });
    expect(within(questions).getByText("2 questions at 0:10–0:15")).toBeTruthy();
    expect(
      within(questions)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringContaining("Why is water split here?"),
      expect.stringContaining("Where does the oxygen go?"),
    ]);
    await user.click(within(questions).getByRole("button", { name: "Show all questions" }));
    expect(within(questions).getAllByRole("listitem")).toHaveLength(3);
  });

  it("says in words when a new course has no data yet", async () => {
    serveApi({
      [COURSE]: ok(courseAnalytics({ quiet: true })),
      [VIDEO]: ok({
        ...lessonAnalytics(),
        timeline: lessonAnalytics().timeline.map((b) => ({
          ...b,
          rewatch_learners: 0,
          rewatched_seconds: 0,
          rewatches: 0,
          questions: 0,
        })),
        rewatch_totals: { learners: 0, rewatched_seconds: 0 },
        questions: { total: 0, items: [] },
      }),
    });
    view();
    expect(await screen.findByText(/No one enrolled or learned in this period yet/)).toBeTruthy();
    expect(screen.getByText(/No one started a lesson in this period yet/)).toBeTruthy();
    expect(screen.getByText(/No one took a quiz in this period yet/)).toBeTruthy();
    expect(screen.getByText(/No one watched a video in this period yet/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Show table of enrollments/ })).toBeNull();
    expect(
      await screen.findByText("No one rewatched any part of this video or asked the tutor at a moment of it."),
    ).toBeTruthy();
    expect(screen.getByText("No one asked the tutor about this lesson in this period.")).toBeTruthy();
  });

  it("shows a failure in words with a retry that loads the page", async () => {
    let attempts = 0;
    serveApi({
      [COURSE]: () => {
        attempts += 1;
        return attempts === 1 ? failure(500, "INTERNAL_ERROR", "boom") : ok(courseAnalytics());
      },
      [VIDEO]: ok(lessonAnalytics()),
    });
    const user = userEvent.setup();
    view();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("We couldn't load the analytics");
    expect(alert.textContent).toContain("Something went wrong on our side. Please try again.");
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Photosynthesis Essentials")).toBeTruthy();
    expect(attempts).toBe(2);
  });

  it("tells another creator these analytics aren't theirs", async () => {
    serveApi({ [COURSE]: failure(403, "FORBIDDEN", "Only the course's creator or an admin can change it") });
    view();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("These analytics aren't yours to see");
    expect(within(alert).getByRole("link", { name: "Go to your courses" }).getAttribute("href")).toBe("/studio");
  });

  it("reloads for another period, and checks custom days before asking", async () => {
    const { calls } = serveApi({ [COURSE]: ok(courseAnalytics()), [VIDEO]: ok(lessonAnalytics()) });
    const user = userEvent.setup();
    view();
    await screen.findByText("Photosynthesis Essentials");
    await user.click(screen.getByRole("button", { name: "7 days" }));
    await screen.findByText("Photosynthesis Essentials");
    const last = () => calls.filter((c) => c.key === COURSE).at(-1)?.query;
    expect([last()?.get("from"), last()?.get("to")]).toEqual(["2026-03-24", "2026-03-30"]);
    expect(screen.getByRole("button", { name: "7 days" }).getAttribute("aria-pressed")).toBe("true");

    await user.click(screen.getByRole("button", { name: "Custom" }));
    const first = screen.getByLabelText("First day (UTC)");
    const lastDay = screen.getByLabelText("Last day (UTC)");
    await user.clear(first);
    await user.type(first, "2026-03-20");
    await user.clear(lastDay);
    await user.type(lastDay, "2026-03-10");
    await user.click(screen.getByRole("button", { name: "Apply" }));
    expect(screen.getByText("The last day can't be before the first day.")).toBeTruthy();
    expect(lastDay.getAttribute("aria-invalid")).toBe("true");
    const before = calls.length;

    await user.clear(lastDay);
    await user.type(lastDay, "2026-03-25");
    await user.click(screen.getByRole("button", { name: "Apply" }));
    await screen.findByText("Photosynthesis Essentials");
    expect(calls.length).toBeGreaterThan(before);
    expect([last()?.get("from"), last()?.get("to")]).toEqual(["2026-03-20", "2026-03-25"]);
  });

  it("opens another lesson from the picker: a reading lesson has its questions but no timeline", async () => {
    serveApi({
      [COURSE]: ok(courseAnalytics()),
      [VIDEO]: ok(lessonAnalytics()),
      [TEXT]: ok({
        ...lessonAnalytics(),
        lesson: { id: TEXT_ID, title: "Reading: the Calvin cycle", kind: "text", position: 2, duration_seconds: 300 },
        average_watch_percentage: null,
        quiz: { attempts: 10, pass_rate: 0.4 },
        timeline: [],
        questions: {
          total: 1,
          items: [{ question: "Is RuBisCO an enzyme?", position_seconds: null, asked_at: "2026-03-21T09:00:00.000Z" }],
        },
      }),
    });
    const user = userEvent.setup();
    view();
    await screen.findByRole("figure", { name: "Timeline of “The light reactions”" });
    await user.selectOptions(screen.getByLabelText("Lesson"), TEXT_ID);
    expect(await screen.findByText(/This is a reading lesson, so there is no video timeline/)).toBeTruthy();
    const questions = screen.getByRole("region", { name: "Questions learners asked" });
    expect(within(questions).getByText("No video time")).toBeTruthy();
    expect(within(questions).getByText("“Is RuBisCO an enzyme?”")).toBeTruthy();
    expect(screen.getByLabelText("Figures for “Reading: the Calvin cycle”").textContent).toContain("Quiz pass rate40%");
  });
});
