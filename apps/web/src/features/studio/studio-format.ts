/** Where the studio's pages live. */
export const studioHref = () => "/studio";
export const courseEditorHref = (courseId: string) => `/studio/courses/${encodeURIComponent(courseId)}`;
export const courseAnalyticsHref = (courseId: string) => `${courseEditorHref(courseId)}/analytics`;
export const lessonEditorHref = (courseId: string, lessonId: string) =>
  `${courseEditorHref(courseId)}/lessons/${encodeURIComponent(lessonId)}`;
export const publicCourseHref = (courseId: string) => `/courses/${encodeURIComponent(courseId)}`;
export const learnHref = (courseId: string, lessonId: string) =>
  `/learn/${encodeURIComponent(courseId)}/${encodeURIComponent(lessonId)}`;

export { plural } from "@/lib/format";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

/** "14 Mar 2026", or "today at 14:05" for today's edits. */
export function formatEdited(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (date.toDateString() === now.toDateString()) return `today at ${timeFormat.format(date)}`;
  return dateFormat.format(date);
}

/** "3:05" or "1:02:03" from seconds. */
export function formatSeconds(total: number): string {
  const s = Math.max(0, Math.round(total));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** "2.4 MB" */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
