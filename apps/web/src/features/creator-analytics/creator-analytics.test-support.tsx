import { testUser } from "@/test/fixtures";
import { signInAs } from "@/test/session";
import type { CourseAnalytics, LessonAnalytics } from "./creator-analytics.api";

// Test helpers for the analytics page: the fake API and the router come from src/test; here are the creator and
// a course's figures.

export { failure, ok, restoreApi, serveApi } from "@/test/fake-api";
export { renderWithRouter } from "@/test/router";
export { signOut } from "@/test/session";

export const COURSE_ID = "00000000-0000-4000-8000-00000000c0de";
export const VIDEO_ID = "00000000-0000-4000-8000-0000000000a1";
export const TEXT_ID = "00000000-0000-4000-8000-0000000000a2";
export const NOW = new Date("2026-03-30T12:00:00Z");

export function signInAsCreator() {
  signInAs(
    testUser({
      id: "00000000-0000-4000-8000-0000000000ad",
      email: "ada@lumen.dev",
      full_name: "Ada Okafor",
      role: "creator",
      email_verified: true,
    }),
    "token-creator",
  );
}

const days = (counts: number[]) =>
  counts.map((count, i) => ({ date: `2026-03-${String(i + 1).padStart(2, "0")}`, count }));

/** A course's figures over 30 days; `quiet` gives a new course with no activity at all. */
export function courseAnalytics(opts: { quiet?: boolean } = {}): CourseAnalytics {
  const quiet = opts.quiet ?? false;
  const zeros = Array.from({ length: 30 }, () => 0);
  const enrollments = quiet ? zeros : zeros.map((_, i) => (i === 3 ? 5 : i % 7 === 0 ? 1 : 0));
  const active = quiet ? zeros : zeros.map((_, i) => (i < 10 ? 3 : 1));
  return {
    course: { id: COURSE_ID, title: "Photosynthesis Essentials", status: "published" },
    range: { from: "2026-03-01", to: "2026-03-30", days: 30 },
    totals: {
      enrollments: quiet ? 0 : 9,
      active_learners: quiet ? 0 : 6,
      lesson_completions: quiet ? 0 : 8,
      quiz_submissions: quiet ? 0 : 10,
      ai_requests: quiet ? 0 : 4,
    },
    enrollments_per_day: days(enrollments),
    active_learners_per_day: days(active),
    completions_per_day: days(zeros),
    average_completion_time_seconds: quiet ? null : 420,
    quiz_pass_rate: quiet ? null : 0.4,
    average_watch_coverage: quiet ? null : 72.5,
    completion: { enrolled: quiet ? 0 : 9, completed: quiet ? 0 : 3, rate: quiet ? null : 0.3333 },
    lesson_funnel: [
      {
        lesson_id: VIDEO_ID,
        title: "The light reactions",
        position: 1,
        started: quiet ? 0 : 6,
        completed: quiet ? 0 : 5,
        drop_off_rate: quiet ? null : 0.1667,
      },
      {
        lesson_id: TEXT_ID,
        title: "Reading: the Calvin cycle",
        position: 2,
        started: quiet ? 0 : 5,
        completed: quiet ? 0 : 3,
        drop_off_rate: quiet ? null : 0.4,
      },
    ],
    quiz_pass_rates: [
      {
        lesson_id: TEXT_ID,
        title: "Reading: the Calvin cycle",
        attempts: quiet ? 0 : 10,
        pass_rate: quiet ? null : 0.4,
      },
    ],
    watch_coverage_per_lesson: [
      { lesson_id: VIDEO_ID, title: "The light reactions", average_watch_percentage: quiet ? null : 72.5 },
    ],
    where_stuck: [
      {
        lesson_id: VIDEO_ID,
        title: "The light reactions",
        kind: "video",
        position: 1,
        rewatch_learners: quiet ? 0 : 3,
        rewatched_seconds: quiet ? 0 : 40,
        questions: quiet ? 0 : 3,
      },
      {
        lesson_id: TEXT_ID,
        title: "Reading: the Calvin cycle",
        kind: "text",
        position: 2,
        rewatch_learners: 0,
        rewatched_seconds: 0,
        questions: quiet ? 0 : 1,
      },
    ],
  };
}

/** A 60 s video cut in 5 s stretches: learners went back over 0:10–0:20, and asked at 0:12 (twice) and 0:47. */
export function lessonAnalytics(): LessonAnalytics {
  const timeline = Array.from({ length: 12 }, (_, i) => ({
    start_seconds: i * 5,
    end_seconds: i * 5 + 5,
    rewatch_learners: i === 2 ? 3 : i === 3 ? 1 : 0,
    rewatched_seconds: i === 2 ? 15 : i === 3 ? 5 : 0,
    rewatches: i === 2 ? 3 : i === 3 ? 1 : 0,
    questions: i === 2 ? 2 : i === 9 ? 1 : 0,
  }));
  return {
    course: { id: COURSE_ID, title: "Photosynthesis Essentials" },
    lesson: { id: VIDEO_ID, title: "The light reactions", kind: "video", position: 1, duration_seconds: 60 },
    range: { from: "2026-03-01", to: "2026-03-30", days: 30 },
    funnel: { started: 6, completed: 5, drop_off_rate: 0.1667 },
    average_watch_percentage: 72.5,
    quiz: null,
    bucket_seconds: 5,
    timeline,
    rewatch_totals: { learners: 3, rewatched_seconds: 20 },
    questions: {
      total: 3,
      items: [
        {
          question: "What happens after the electron chain?",
          position_seconds: 47,
          asked_at: "2026-03-20T10:00:00.000Z",
        },
        { question: "Why is water split here?", position_seconds: 12.5, asked_at: "2026-03-12T10:00:00.000Z" },
        { question: "Where does the oxygen go?", position_seconds: 12, asked_at: "2026-03-10T10:00:00.000Z" },
      ],
    },
  };
}
