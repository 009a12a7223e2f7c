import { formatClock } from "@/features/learn/format-time";

/** Where the studio's pages live. */
export const studioHref = () => "/studio";
export const courseEditorHref = (courseId: string) => `/studio/courses/${encodeURIComponent(courseId)}`;
export const courseAnalyticsHref = (courseId: string) => `${courseEditorHref(courseId)}/analytics`;
export const lessonEditorHref = (courseId: string, lessonId: string) =>
  `${courseEditorHref(courseId)}/lessons/${encodeURIComponent(lessonId)}`;
export const publicCourseHref = (courseId: string) => `/courses/${encodeURIComponent(courseId)}`;

export { plural } from "@/lib/format";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

/** "14 Mar 2026", or "today at 14:05" for today's edits. */
export function formatEdited(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (date.toDateString() === now.toDateString()) return `today at ${timeFormat.format(date)}`;
  return dateFormat.format(date);
}

/** A length or a cue's end, "1:06" for 65.5 s: to the nearest second (formatClock floors, as a playhead does). */
export const formatSeconds = (total: number): string => formatClock(Math.round(total));
