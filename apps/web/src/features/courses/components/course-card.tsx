import type { CourseSummary } from "@lumen/contracts";
import Link from "next/link";
import { CourseThumb } from "@/components/course-thumb";
import {
  formatCategory,
  formatDuration,
  formatLessonCount,
  formatLevel,
  formatPrice,
  formatRating,
} from "../course-format";

const LEVEL_BARS: Record<CourseSummary["level"], number> = { beginner: 1, intermediate: 2, advanced: 3 };

function LevelIcon({ level }: { level: CourseSummary["level"] }) {
  const filled = LEVEL_BARS[level];
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" className="size-3" fill="currentColor">
      {[0, 1, 2].map((i) => (
        <rect key={i} x={i * 4.5} y={8 - i * 3} width="3" height={4 + i * 3} rx="1" opacity={i < filled ? 1 : 0.3} />
      ))}
    </svg>
  );
}

export function CourseCard({ course }: { course: CourseSummary }) {
  const rating = formatRating(course.stats);
  const price = formatPrice(course.pricing);
  const isFree = price === "Free";

  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-card border border-border bg-surface shadow-card transition duration-200 hover:border-border-strong/60 hover:shadow-card-hover has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-4 has-[a:focus-visible]:outline-focus motion-safe:hover:-translate-y-0.5">
      <CourseThumb
        url={course.thumbnail_url}
        title={course.title}
        className="relative aspect-[16/9] border-b border-border"
        initialClassName="text-5xl"
        imageClassName="transition-transform duration-500 motion-safe:group-hover:scale-[1.03]"
      />

      <div className="flex flex-1 flex-col p-5 sm:p-6">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs font-medium">
          <span className="uppercase tracking-[0.08em] text-primary">{formatCategory(course.category)}</span>
          <span aria-hidden="true" className="text-border-strong">
            •
          </span>
          <span className="inline-flex items-center gap-1.5 text-muted">
            <LevelIcon level={course.level} />
            {formatLevel(course.level)}
          </span>
        </p>

        <h3 className="mt-3 text-lg font-semibold leading-snug tracking-tight text-balance">
          <Link
            href={`/courses/${encodeURIComponent(course.id)}`}
            className="after:absolute after:inset-0 after:content-[''] focus-visible:outline-hidden"
          >
            {course.title}
          </Link>
        </h3>
        <p className="mt-2 line-clamp-2 text-sm leading-relaxed text-muted">{course.subtitle}</p>
        <div className="mt-3 flex flex-wrap items-center justify-between gap-x-3 gap-y-1 text-sm">
          <p className="text-foreground">
            <span className="text-muted">by </span>
            {course.creator.full_name}
          </p>
          {rating && (
            <p className="inline-flex items-center gap-1 whitespace-nowrap text-muted">
              <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 text-accent" fill="currentColor">
                <path d="M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9L10 1.5z" />
              </svg>
              <span className="sr-only">{rating.label}</span>
              <span aria-hidden="true">
                <span className="font-medium text-foreground">{rating.value}</span> ({rating.count})
              </span>
            </p>
          )}
        </div>

        <div className="mt-auto pt-5">
          <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-t border-border pt-4">
            <p className="flex flex-wrap items-center gap-x-2 text-sm text-muted">
              <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
                <svg
                  aria-hidden="true"
                  viewBox="0 0 20 20"
                  className="size-4"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.6"
                >
                  <rect x="2.5" y="4" width="15" height="12" rx="2.5" />
                  <path d="M8.5 7.8v4.4l3.6-2.2z" fill="currentColor" stroke="none" />
                </svg>
                {formatLessonCount(course.stats.lesson_count)}
              </span>
              <span aria-hidden="true" className="text-border-strong">
                ·
              </span>
              <span className="whitespace-nowrap">
                <span className="sr-only">, total length </span>
                {formatDuration(course.stats.total_duration_seconds)}
              </span>
            </p>
            <p
              className={
                isFree
                  ? "rounded-full bg-primary-soft px-2.5 py-0.5 text-sm font-semibold text-primary"
                  : "text-base font-semibold text-foreground"
              }
            >
              <span className="sr-only">Price: </span>
              {price}
            </p>
          </div>
        </div>
      </div>
    </article>
  );
}
