import type { CourseDetail } from "@lumen/contracts";

/** Plain text from the description's Markdown, for the meta description. */
export function metaDescription(course: CourseDetail): string {
  if (course.subtitle.trim()) return course.subtitle.trim();
  const text = course.description
    .replace(/[#>*_`~[\]()!-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text;
}
