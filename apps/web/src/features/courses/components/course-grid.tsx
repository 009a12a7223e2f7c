import type { CourseSummary } from "@lumen/contracts";
import { CourseCard } from "./course-card";

/** Three columns on a wide page; pass `columns` when the grid shares the row with a sidebar. */
export function CourseGrid({
  courses,
  columns = "sm:grid-cols-2 lg:grid-cols-3",
}: {
  courses: CourseSummary[];
  columns?: string;
}) {
  return (
    <ul className={`grid gap-6 ${columns}`}>
      {courses.map((course) => (
        <li key={course.id}>
          <CourseCard course={course} />
        </li>
      ))}
    </ul>
  );
}
