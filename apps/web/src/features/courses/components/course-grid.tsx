import type { CourseSummary } from "@lumen/contracts";
import { CourseCard } from "./course-card";

export function CourseGrid({ courses }: { courses: CourseSummary[] }) {
  return (
    <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
      {courses.map((course) => (
        <li key={course.id}>
          <CourseCard course={course} />
        </li>
      ))}
    </ul>
  );
}
