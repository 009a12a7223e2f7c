import type { CourseDetail } from "@lumen/contracts";
import { formatDuration, formatLessonCount } from "../course-format";
import { CheckIcon } from "./check-icon";

/** What enrolling gets a learner, counted from the outline: lines only for what the course really has. */
export function includedItems(course: CourseDetail): string[] {
  const lessons = course.modules.flatMap((module) => module.lessons);
  const quizzes = lessons.filter((lesson) => lesson.has_quiz).length;
  const previews = lessons.filter((lesson) => lesson.is_preview).length;
  const videos = lessons.filter((lesson) => lesson.kind === "video").length;
  return [
    `${formatLessonCount(course.stats.lesson_count)}, ${formatDuration(course.stats.total_duration_seconds)} in total`,
    videos > 0 && videos < lessons.length ? `${videos} video and ${lessons.length - videos} reading lessons` : null,
    quizzes > 0 ? `${quizzes} ${quizzes === 1 ? "quiz" : "quizzes"} to check what stuck` : null,
    previews > 0 ? `${previews} free ${previews === 1 ? "preview" : "previews"} to try first` : null,
    "An AI tutor in every lesson that cites the moment it answers from",
    course.certificates_enabled ? "A certificate of completion to share" : null,
  ].filter((item): item is string => item !== null);
}

export function CourseIncludes({ course }: { course: CourseDetail }) {
  return (
    <div className="border-t border-border pt-5">
      <h2 className="text-sm font-semibold">This course includes</h2>
      <ul className="mt-3 space-y-2.5 text-sm text-muted">
        {includedItems(course).map((item) => (
          <li key={item} className="flex gap-2.5">
            <CheckIcon />
            <span>{item}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
