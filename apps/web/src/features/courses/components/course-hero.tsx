import type { CourseDetail } from "@lumen/contracts";
import Link from "next/link";
import { RatingStars } from "@/components/ui/rating-stars";
import { catalogHref, EMPTY_CATALOG_STATE } from "@/features/catalog/catalog-params";
import { formatCategory, formatDuration, formatLevel, formatRating } from "../course-format";

const publishedFormat = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

/** The top of a course page: where it sits in the catalog, its title, rating, creator and key facts. */
export function CourseHero({ course }: { course: CourseDetail }) {
  const rating = formatRating(course.stats);
  const learners = course.stats.enrollment_count;
  return (
    <div>
      <nav aria-label="Breadcrumb">
        <ol className="flex flex-wrap items-center gap-2 text-sm text-muted">
          <li>
            <Link href="/courses" className="rounded-md font-medium hover:text-foreground hover:underline">
              Catalog
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <Link
              href={catalogHref({ ...EMPTY_CATALOG_STATE, category: course.category })}
              className="rounded-md font-medium hover:text-foreground hover:underline"
            >
              {formatCategory(course.category)}
            </Link>
          </li>
        </ol>
      </nav>

      <h1 className="mt-5 font-display text-4xl leading-[1.1] font-semibold tracking-tight text-balance sm:text-5xl">
        {course.title}
      </h1>
      {course.subtitle && (
        <p className="mt-4 max-w-2xl text-lg leading-relaxed text-pretty text-muted sm:text-xl">{course.subtitle}</p>
      )}

      <p className="mt-6 flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
        {rating ? (
          <a href="#reviews" className="inline-flex items-center gap-2 rounded-md hover:underline">
            <span className="font-semibold text-accent" aria-hidden="true">
              {rating.value}
            </span>
            <RatingStars value={course.stats.rating_avg} size="sm" />
            <span className="sr-only">{rating.label}</span>
            <span className="text-muted" aria-hidden="true">
              ({rating.count} {course.stats.rating_count === 1 ? "rating" : "ratings"})
            </span>
          </a>
        ) : (
          <span className="text-muted">No ratings yet</span>
        )}
        {learners > 0 && (
          <span className="text-muted">
            {new Intl.NumberFormat("en-US").format(learners)} {learners === 1 ? "learner" : "learners"}
          </span>
        )}
        <span className="text-muted">
          Created by{" "}
          <Link
            href={`/instructors/${encodeURIComponent(course.creator.id)}`}
            className="font-medium text-foreground underline-offset-4 hover:underline"
          >
            {course.creator.full_name}
          </Link>
        </span>
      </p>

      <dl className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          { term: "Level", value: formatLevel(course.level) },
          { term: "Length", value: formatDuration(course.stats.total_duration_seconds) },
          { term: "Lessons", value: String(course.stats.lesson_count) },
          {
            term: "Published",
            value: course.published_at ? publishedFormat.format(new Date(course.published_at)) : "Not yet",
          },
        ].map((fact) => (
          <div key={fact.term} className="rounded-2xl border border-border bg-surface px-4 py-3">
            <dt className="text-xs font-medium tracking-[0.06em] text-muted uppercase">{fact.term}</dt>
            <dd className="mt-1 font-semibold">{fact.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
