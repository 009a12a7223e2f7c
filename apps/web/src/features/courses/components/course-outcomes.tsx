import type { CourseDetail } from "@lumen/contracts";
import { CheckIcon } from "./check-icon";

/** The creator's outcomes; a course without them lists its modules instead, under an honest heading. */
export function CourseOutcomes({ course }: { course: CourseDetail }) {
  const fromOutline = course.outcomes.length === 0;
  const items = fromOutline ? course.modules.map((module) => module.title) : course.outcomes;
  if (items.length === 0) return null;
  return (
    <section
      aria-labelledby="learn-title"
      className="rounded-card border border-border bg-surface p-6 shadow-card sm:p-8"
    >
      <h2 id="learn-title" className="font-display text-2xl font-semibold tracking-tight sm:text-3xl">
        {fromOutline ? "What the course covers" : "What you'll learn"}
      </h2>
      <ul className="mt-6 grid gap-x-8 gap-y-4 md:grid-cols-2">
        {items.map((item) => (
          <li key={item} className="flex gap-3 leading-relaxed">
            <CheckIcon />
            <span>{item}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
