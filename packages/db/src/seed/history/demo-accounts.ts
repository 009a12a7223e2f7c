import { randomUUID } from "node:crypto";
import { type ActivityPlan, type CatalogCourse, emptyPlan } from "./plan.js";

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * The documented students' own little history, the same with or without the cohort: Sam enrolled in the first
 * three courses on three days in a row (the third is paid: the admin granted it to him) and watched the first lesson
 * of the first one to the end yesterday; Maya enrolled in the first course yesterday. Their events are recorded like everyone's, so the dashboards and the
 * counters agree about them.
 */
export function planDemoAccounts(
  catalog: CatalogCourse[],
  ids: { admin: string; sam: string; maya: string },
  now: number,
) {
  const plan = emptyPlan();
  const enroll = (userId: string, course: CatalogCourse, at: number, lastAccessedAt = at) => {
    plan.enrollments.push({
      id: randomUUID(),
      userId,
      courseId: course.id,
      createdAt: at,
      updatedAt: at,
      lastAccessedAt,
      completedAt: null,
      completedLessons: 0,
      progressPercentage: 0,
    });
    plan.events.push({ type: "enrollment", userId, courseId: course.id, lessonId: null, data: {}, at });
  };
  const [first, second, third] = catalog;
  if (!first || !second || !third) throw new Error("the demo catalog has fewer than three courses");
  // Sam isn't premium: a paid course is his through an admin's grant, as the enrollment rules require.
  if (!third.isFree) plan.grants.push({ userId: ids.sam, courseId: third.id, grantedBy: ids.admin, at: now - 4 * DAY });
  enroll(ids.sam, third, now - 3 * DAY);
  enroll(ids.sam, second, now - 2 * DAY);
  enroll(ids.maya, first, now - DAY);

  const lesson = first.lessons[0];
  if (!lesson) throw new Error("the first demo course has no lesson");
  const completedAt = now - DAY;
  const startedAt = completedAt - (lesson.durationSeconds + 15) * 1000;
  enroll(ids.sam, first, startedAt - 5 * MINUTE, completedAt);
  const samFirst = plan.enrollments.at(-1) as ActivityPlan["enrollments"][number];
  samFirst.completedLessons = 1;
  samFirst.progressPercentage = Math.round(10_000 / first.lessons.length) / 100;
  samFirst.updatedAt = completedAt;
  plan.progress.push({
    id: randomUUID(),
    userId: ids.sam,
    courseId: first.id,
    lessonId: lesson.id,
    durationSeconds: lesson.durationSeconds,
    watchedSegments: [[0, lesson.durationSeconds]],
    positionSeconds: lesson.durationSeconds,
    lastRewatch: [],
    isCompleted: true,
    completedAt,
    quizProgress: null,
    startedAt,
    updatedAt: completedAt,
  });
  const on = { userId: ids.sam, courseId: first.id, lessonId: lesson.id };
  plan.events.push({ type: "lesson_start", ...on, data: {}, at: startedAt });
  plan.events.push({
    type: "lesson_completion",
    ...on,
    data: { completion_time_seconds: lesson.durationSeconds + 15, duration_seconds: lesson.durationSeconds },
    at: completedAt,
  });
  return plan;
}
