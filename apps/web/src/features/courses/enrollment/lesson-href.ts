/** The learning room's address for a lesson. */
export function lessonHref(courseId: string, lessonId: string): string {
  return `/learn/${encodeURIComponent(courseId)}/${encodeURIComponent(lessonId)}`;
}
