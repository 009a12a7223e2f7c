import type { CourseSummary, InstructorProfile } from "@lumen/contracts";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { StatusPanel } from "@/components/status-panel";
import { CourseGrid } from "@/features/courses/components/course-grid";
import { listCourses } from "@/features/courses/courses.api";
import { absoluteUrl, siteOrigin } from "@/features/courses/site-origin";
import { InstructorHeader } from "@/features/instructors/instructor-header";
import { getInstructor } from "@/features/instructors/instructors.api";
import { type ApiError, isApiError } from "@/lib/api-client";

// Rendered per request, so its CSP nonce (src/proxy.ts) reaches Next's scripts: see app/layout.tsx.
export const dynamic = "force-dynamic";

type Params = Promise<{ instructorId: string }>;

type Loaded = { instructor: InstructorProfile; courses: CourseSummary[]; more: boolean } | { error: ApiError };

/** One pair of API calls per request, shared by the metadata and the page. */
const loadInstructor = cache(async (id: string): Promise<Loaded> => {
  try {
    const [instructor, page] = await Promise.all([
      getInstructor(id, { cache: "no-store" }),
      listCourses({ creator_id: id, sort: "popular", limit: 24 }, { cache: "no-store" }),
    ]);
    return { instructor, courses: page.items, more: page.next_cursor !== null };
  } catch (error) {
    if (!isApiError(error)) throw error;
    // Unknown, malformed, or someone who doesn't teach (yet): the same "not found".
    if (error.code === "NOT_FOUND" || error.code === "VALIDATION_ERROR") notFound();
    console.error(`[instructor] ${id} unavailable: ${error.code} (HTTP ${error.status}) ${error.message}`);
    return { error };
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const result = await loadInstructor((await params).instructorId);
  if ("error" in result) return { title: "Instructor" };
  const { instructor } = result;
  const description =
    instructor.bio.replace(/\s+/g, " ").trim().slice(0, 160) ||
    `${instructor.full_name} teaches ${instructor.stats.course_count} ${instructor.stats.course_count === 1 ? "course" : "courses"} on Lumen.`;
  const url = absoluteUrl(siteOrigin(), `/instructors/${encodeURIComponent(instructor.id)}`);
  return {
    title: instructor.full_name,
    description,
    alternates: { canonical: url },
    openGraph: { type: "profile", siteName: "Lumen", url, title: instructor.full_name, description },
  };
}

export default async function InstructorPage({ params }: { params: Params }) {
  const result = await loadInstructor((await params).instructorId);
  if ("error" in result) {
    return (
      <div className="mx-auto max-w-page px-4 py-20 sm:px-6 lg:px-8">
        <StatusPanel headingLevel={1} title="This page can't load right now">
          Please try again in a moment.
        </StatusPanel>
      </div>
    );
  }
  const { instructor, courses, more } = result;
  return (
    <div className="mx-auto max-w-page px-4 py-12 sm:px-6 sm:py-16 lg:px-8">
      <InstructorHeader instructor={instructor} />
      <section aria-labelledby="instructor-courses" className="mt-14">
        <h2 id="instructor-courses" className="font-display text-2xl font-semibold tracking-tight">
          Courses by {instructor.full_name}
        </h2>
        <div className="mt-6">
          <CourseGrid courses={courses} />
        </div>
        {more ? <p className="mt-6 text-sm text-muted">Showing the {courses.length} most popular courses.</p> : null}
      </section>
    </div>
  );
}
