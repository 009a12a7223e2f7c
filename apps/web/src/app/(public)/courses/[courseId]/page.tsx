import type { CourseDetail } from "@lumen/contracts";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CourseThumb } from "@/components/course-thumb";
import { CourseCertificateNote } from "@/features/certificates/components/earned-certificate-note";
import { CourseAbout } from "@/features/courses/components/course-about";
import { CourseHero } from "@/features/courses/components/course-hero";
import { CourseIncludes } from "@/features/courses/components/course-includes";
import { CourseOutcomes } from "@/features/courses/components/course-outcomes";
import { CourseOutline } from "@/features/courses/components/course-outline";
import { formatDuration, formatLessonCount } from "@/features/courses/course-format";
import { metaDescription } from "@/features/courses/course-meta";
import { firstLessonId, getCourse } from "@/features/courses/courses.api";
import { CourseViewerProvider } from "@/features/courses/enrollment/course-viewer";
import { EnrollPanel } from "@/features/courses/enrollment/enroll-panel";
import { absoluteUrl, siteOrigin } from "@/features/courses/site-origin";
import { CourseReviews } from "@/features/reviews/components/course-reviews";
import { apiMediaUrl, isApiError } from "@/lib/api-client";
import { courseTag, publicRead } from "@/lib/public-cache";

type Params = Promise<{ courseId: string }>;

// Served from Next's cache (lib/public-cache.ts), tagged `course:<id>`: the API asks for a regeneration whenever the
// course's public view changes (edit, outline, reviews, enrollment count, status); at the latest after this long.
// What depends on the visitor (enrollment, the enroll button, their review) is asked for in the browser
// (CourseViewerProvider), so the cached page is the same for everyone.
export const revalidate = 300;
// No course is rendered at build time (the API isn't running then): each is rendered on its first request, then
// served from the cache.
export const dynamicParams = true;
export function generateStaticParams(): { courseId: string }[] {
  return [];
}

/**
 * One API call per render, shared by the metadata and the page. Unknown ids, malformed ids and drafts are a cached
 * 404, regenerated with the tag when a draft is published. Any other failure is thrown, so it is never cached: the
 * last good page stays, or the visitor gets the error page.
 */
const loadCourse = cache(async (courseId: string): Promise<CourseDetail> => {
  try {
    return await getCourse(courseId, publicRead([courseTag(courseId)]));
  } catch (error) {
    if (isApiError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION_ERROR")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const course = await loadCourse((await params).courseId);
  const origin = siteOrigin();
  const url = absoluteUrl(origin, `/courses/${encodeURIComponent(course.id)}`);
  const thumbnail = apiMediaUrl(course.thumbnail_url);
  const image = thumbnail ? absoluteUrl(origin, thumbnail) : null;
  const description = metaDescription(course);
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

export default async function CoursePage({ params }: { params: Params }) {
  const course = await loadCourse((await params).courseId);
  const first = firstLessonId(course);

  return (
    <CourseViewerProvider courseId={course.id}>
      <div className="mx-auto max-w-page px-4 pt-8 pb-20 sm:px-6 sm:pt-12 lg:px-8">
        <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_22rem] lg:gap-x-14 xl:grid-cols-[minmax(0,1fr)_24rem]">
          <CourseHero course={course} />

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
                <CourseCertificateNote courseId={course.id} />
                <CourseIncludes course={course} />
              </div>
            </div>
          </aside>

          <div className="min-w-0 space-y-14 lg:col-start-1">
            <CourseOutcomes course={course} />

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

            <CourseAbout course={course} />

            <CourseReviews courseId={course.id} stats={course.stats} />
          </div>
        </div>
      </div>
    </CourseViewerProvider>
  );
}
