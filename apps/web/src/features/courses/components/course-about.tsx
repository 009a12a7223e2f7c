import type { CourseDetail } from "@lumen/contracts";
import Link from "next/link";
import { catalogHref, EMPTY_CATALOG_STATE } from "@/features/catalog/catalog-params";
import { CourseDescription } from "./course-description";

/** The creator's description and the topics (each a catalog search); nothing without a description. */
export function CourseAbout({ course }: { course: CourseDetail }) {
  if (!course.description.trim()) return null;
  return (
    <section aria-labelledby="about-title">
      <h2 id="about-title" className="font-display text-2xl font-semibold tracking-tight sm:text-3xl">
        About this course
      </h2>
      <div className="mt-5">
        <CourseDescription markdown={course.description} />
      </div>
      {course.tags.length > 0 && (
        <div className="mt-6">
          <h3 className="sr-only">Topics</h3>
          <ul className="flex flex-wrap gap-2">
            {course.tags.map((tag) => (
              <li key={tag}>
                <Link
                  href={catalogHref({ ...EMPTY_CATALOG_STATE, q: tag })}
                  className="inline-flex h-8 items-center rounded-full border border-border bg-surface px-3 text-sm text-muted transition-colors hover:border-border-strong hover:text-foreground"
                >
                  <span className="sr-only">Find courses about </span>
                  {tag}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
