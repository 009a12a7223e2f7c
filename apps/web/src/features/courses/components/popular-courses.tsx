import type { CourseSummary } from "@lumen/contracts";
import { buttonClasses } from "@/components/button-link";
import { StatusPanel } from "@/components/status-panel";
import { type ApiError, isApiError } from "@/lib/api-client";
import { listCourses } from "../courses.api";
import { CourseCardPlaceholder } from "./course-card-placeholder";
import { CourseGrid } from "./course-grid";

const HOME_COURSE_COUNT = 12;

async function loadPopularCourses(): Promise<{ courses: CourseSummary[] } | { error: ApiError }> {
  try {
    const page = await listCourses(
      { limit: HOME_COURSE_COUNT, sort: "popular" },
      // Fresh on every visit, like the catalog: what is published now is what the home page shows.
      { cache: "no-store" },
    );
    return { courses: page.items };
  } catch (error) {
    if (!isApiError(error)) throw error;
    console.error(`[home] courses unavailable: ${error.code} (HTTP ${error.status}) ${error.message}`);
    return { error };
  }
}

/** The home page's course list. API trouble becomes a worded message; the rest of the page still renders. */
export async function PopularCourses() {
  const result = await loadPopularCourses();
  if ("error" in result) {
    const { error } = result;
    return (
      <StatusPanel
        tone="danger"
        role="alert"
        headingLevel={3}
        title="We can't show the courses right now"
        actions={
          <a href="/" className={buttonClasses("primary")}>
            Try again
          </a>
        }
      >
        {error.code === "NETWORK_ERROR"
          ? "Our course catalog isn't answering at the moment. It's on our side, not yours: please try again in a minute."
          : "Something went wrong on our side while loading the catalog. Please try again in a minute."}
      </StatusPanel>
    );
  }

  const { courses } = result;
  if (courses.length === 0) {
    return (
      <StatusPanel headingLevel={3} title="No courses yet" role="status">
        The first courses are being prepared. Check back soon.
      </StatusPanel>
    );
  }
  return <CourseGrid courses={courses} />;
}

export function PopularCoursesSkeleton() {
  return (
    <div role="status" aria-label="Loading courses">
      <ul aria-hidden="true" className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <CourseCardPlaceholder key={i} />
        ))}
      </ul>
    </div>
  );
}
