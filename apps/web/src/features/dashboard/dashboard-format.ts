import { lessonHref } from "@/features/courses/enrollment/lesson-href";
import type { LearningPathItem, MyCourse } from "./dashboard.api";

export { plural } from "@/lib/format";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "just now", "5 minutes ago", "3 hours ago", "yesterday", "12 days ago"; future times read "in 4 hours". */
export function formatRelativeTime(iso: string, now: Date = new Date()): string {
  const diff = new Date(iso).getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < MINUTE) return "just now";
  if (abs < HOUR) return relative.format(Math.round(diff / MINUTE), "minute");
  if (abs < DAY) return relative.format(Math.round(diff / HOUR), "hour");
  if (abs < 30 * DAY) return relative.format(Math.round(diff / DAY), "day");
  if (abs < 365 * DAY) return relative.format(Math.round(diff / (30 * DAY)), "month");
  return relative.format(Math.round(diff / (365 * DAY)), "year");
}

/** "45 min", "2 h", "3 h 5 min". */
export function formatMinutes(total: number): string {
  const minutes = Math.max(0, Math.round(total));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function formatPercent(value: number): string {
  return `${Math.round(Math.min(100, Math.max(0, value)))}%`;
}

export function courseHref(courseId: string): string {
  return `/courses/${encodeURIComponent(courseId)}`;
}

/** Where a course row leads: its next lesson, or the course page once every lesson is done. */
export function continueHref(course: MyCourse): string {
  return course.next_lesson_id ? lessonHref(course.course_id, course.next_lesson_id) : courseHref(course.course_id);
}

/** Whether the learner has begun the course: a lesson opened, or any progress ("Continue" rather than "Start"). */
export function hasStarted(course: MyCourse): boolean {
  return course.started || course.completed_lessons > 0 || course.progress_percentage > 0;
}

export function pathItemHref(item: LearningPathItem): string {
  return item.lesson_id ? lessonHref(item.course_id, item.lesson_id) : courseHref(item.course_id);
}

/**
 * The course to resume: the one opened most recently that still has a lesson to do (the most recently joined
 * one when none has been opened yet). Null when every course is finished.
 */
export function courseToResume(courses: readonly MyCourse[]): MyCourse | null {
  const open = courses.filter((c) => c.next_lesson_id);
  const time = (c: MyCourse) => new Date(c.last_accessed ?? c.enrolled_at).getTime();
  const opened = open.filter((c) => c.last_accessed);
  const pool = opened.length > 0 ? opened : open;
  return pool.reduce<MyCourse | null>((best, c) => (!best || time(c) > time(best) ? c : best), null);
}

/** My courses, most recently studied first (never-opened ones by when they were joined, after). */
export function sortByRecent(courses: readonly MyCourse[]): MyCourse[] {
  const key = (c: MyCourse) => [c.last_accessed ? 1 : 0, new Date(c.last_accessed ?? c.enrolled_at).getTime()];
  return [...courses].sort((a, b) => {
    const [ao, at] = key(a) as [number, number];
    const [bo, bt] = key(b) as [number, number];
    return bo - ao || bt - at;
  });
}

export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? fullName;
}
