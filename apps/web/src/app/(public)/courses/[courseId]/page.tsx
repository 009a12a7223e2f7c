import type { CourseDetail } from "@lumen/contracts";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ButtonLink, buttonClasses } from "@/components/button-link";
import { CourseThumb } from "@/components/course-thumb";
import { StatusPanel } from "@/components/status-panel";
import { RatingStars } from "@/components/ui/rating-stars";
import { catalogHref, EMPTY_CATALOG_STATE } from "@/features/catalog/catalog-params";
import { CourseDescription } from "@/features/courses/components/course-description";
import { CourseOutline } from "@/features/courses/components/course-outline";
import {
  formatCategory,
  formatDuration,
  formatLessonCount,
  formatLevel,
  formatRating,
} from "@/features/courses/course-format";
import { firstLessonId, getCourse } from "@/features/courses/courses.api";
import { CourseViewerProvider } from "@/features/courses/enrollment/course-viewer";
import { EnrollPanel } from "@/features/courses/enrollment/enroll-panel";
import { absoluteUrl, siteOrigin } from "@/features/courses/site-origin";
import { CourseReviews } from "@/features/reviews/components/course-reviews";
import { type ApiError, apiMediaUrl, isApiError } from "@/lib/api-client";

type Params = Promise<{ courseId: string }>;

/** One API call per request, shared by the metadata and the page. Not cached: enrollments and ratings move. */
const loadCourse = cache(async (courseId: string): Promise<{ course: CourseDetail } | { error: ApiError }> => {
  try {
    return { course: await getCourse(courseId, { cache: "no-store" }) };
  } catch (error) {
    if (!isApiError(error)) throw error;
    // A malformed id is a link to nothing, like an unknown one; drafts are hidden from visitors the same way.
    if (error.code === "NOT_FOUND" || error.code === "VALIDATION_ERROR") notFound();
    console.error(`[course] ${courseId} unavailable: ${error.code} (HTTP ${error.status}) ${error.message}`);
    return { error };
  }
});

/** Plain text from the description's Markdown, for the meta description. */
function summary(course: CourseDetail): string {
  if (course.subtitle.trim()) return course.subtitle.trim();
  const text = course.description
    .replace(/[#>*_`~[\]()!-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const result = await loadCourse((await params).courseId);
  if ("error" in result) return { title: "Course" };
  const { course } = result;
  const origin = siteOrigin();
  const url = absoluteUrl(origin, `/courses/${encodeURIComponent(course.id)}`);
  const thumbnail = apiMediaUrl(course.thumbnail_url);
  const image = thumbnail ? absoluteUrl(origin, thumbnail) : null;
  const description = summary(course);
  return {
    title: course.title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: "website",
      siteName: "Lumen",
      locale: "en_US",
      url,
      title: course.title,
      description,
      ...(image ? { images: [{ url: image, alt: course.title }] } : {}),
    },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      title: course.title,
      description,
      ...(image ? { images: [image] } : {}),
    },
  };
}

function CheckIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className="mt-0.5 size-5 shrink-0 text-primary"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M4.5 10.5l3.5 3.5 7.5-8" />
    </svg>
  );
}

/** The creator's outcomes; a course without them lists its modules instead, under an honest heading. */
function Outcomes({ course }: { course: CourseDetail }) {
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

function Includes({ course }: { course: CourseDetail }) {
  const lessons = course.modules.flatMap((module) => module.lessons);
  const quizzes = lessons.filter((lesson) => lesson.has_quiz).length;
  const previews = lessons.filter((lesson) => lesson.is_preview).length;
  const videos = lessons.filter((lesson) => lesson.kind === "video").length;
  const items = [
    `${formatLessonCount(course.stats.lesson_count)}, ${formatDuration(course.stats.total_duration_seconds)} in total`,
    videos > 0 && videos < lessons.length ? `${videos} video and ${lessons.length - videos} reading lessons` : null,
    quizzes > 0 ? `${quizzes} ${quizzes === 1 ? "quiz" : "quizzes"} to check what stuck` : null,
    previews > 0 ? `${previews} free ${previews === 1 ? "preview" : "previews"} to try first` : null,
    "An AI tutor in every lesson that cites the moment it answers from",
  ].filter((item): item is string => item !== null);
  return (
    <div className="border-t border-border pt-5">
      <h2 className="text-sm font-semibold">This course includes</h2>
      <ul className="mt-3 space-y-2.5 text-sm text-muted">
        {items.map((item) => (
          <li key={item} className="flex gap-2.5">
            <CheckIcon />
            <span>{item}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

const publishedFormat = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

function Hero({ course }: { course: CourseDetail }) {
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

export default async function CoursePage({ params }: { params: Params }) {
  const { courseId } = await params;
  const result = await loadCourse(courseId);

  if ("error" in result) {
    return (
      <div className="mx-auto max-w-page px-4 py-20 sm:px-6 sm:py-28 lg:px-8">
        <StatusPanel
          tone="danger"
          role="alert"
          headingLevel={1}
          title="We can't show this course right now"
          actions={
            <>
              {/* A full page load on purpose: it asks the server again. */}
              <a href={`/courses/${encodeURIComponent(courseId)}`} className={buttonClasses("primary")}>
                Try again
              </a>
              <ButtonLink href="/courses" variant="secondary">
                Browse the catalog
              </ButtonLink>
            </>
          }
        >
          {result.error.code === "NETWORK_ERROR" || result.error.code === "SERVICE_UNAVAILABLE"
            ? "Our course service isn't answering at the moment. It's on our side, not yours: please try again in a minute."
            : "Something went wrong on our side while loading this course. Please try again in a minute."}
        </StatusPanel>
      </div>
    );
  }

  const { course } = result;
  const first = firstLessonId(course);

  return (
    <CourseViewerProvider courseId={course.id}>
      <div className="mx-auto max-w-page px-4 pt-8 pb-20 sm:px-6 sm:pt-12 lg:px-8">
        <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_22rem] lg:gap-x-14 xl:grid-cols-[minmax(0,1fr)_24rem]">
          <Hero course={course} />

          <aside aria-label="Enrollment" className="lg:col-start-2 lg:row-span-2 lg:row-start-1">
            <div className="overflow-hidden rounded-card border border-border bg-surface shadow-card lg:sticky lg:top-24">
              <CourseThumb
                url={course.thumbnail_url}
                title={course.title}
                className="aspect-[16/9] border-b border-border"
                initialClassName="text-6xl"
                loading="eager"
              />
              <div className="space-y-5 p-6">
                <EnrollPanel
                  courseId={course.id}
                  pricing={course.pricing}
                  lessonCount={course.stats.lesson_count}
                  firstLessonId={first}
                />
                <Includes course={course} />
              </div>
            </div>
          </aside>

          <div className="min-w-0 space-y-14 lg:col-start-1">
            <Outcomes course={course} />

            <section aria-labelledby="content-title">
              <div className="mb-5 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <h2 id="content-title" className="font-display text-2xl font-semibold tracking-tight sm:text-3xl">
                  Course content
                </h2>
                <p className="text-sm text-muted">
                  {course.modules.length} {course.modules.length === 1 ? "module" : "modules"} ·{" "}
                  {formatLessonCount(course.stats.lesson_count)} · {formatDuration(course.stats.total_duration_seconds)}
                </p>
              </div>
              <CourseOutline courseId={course.id} modules={course.modules} />
            </section>

            {course.description.trim() && (
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
            )}

            <CourseReviews courseId={course.id} stats={course.stats} />
          </div>
        </div>
      </div>
    </CourseViewerProvider>
  );
}
