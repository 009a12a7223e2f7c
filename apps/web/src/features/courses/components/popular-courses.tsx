import { RefreshUntilBuilt } from "@/components/refresh-until-built";
import { StatusPanel } from "@/components/status-panel";
import { CATALOG_TAG, publicRead, readForCachedPage } from "@/lib/public-cache";
import { listCourses } from "../courses.api";
import { CourseCardPlaceholder } from "./course-card-placeholder";
import { CourseGrid } from "./course-grid";

const HOME_COURSE_COUNT = 12;

/**
 * The home page's course list, from Next's cache of the catalog (tag `catalog`). An API failure is thrown (see
 * readForCachedPage): the last good home page stays in the cache. During the build: the skeleton, which refreshes
 * itself in the first visitor's browser until the regenerated page is there.
 */
export async function PopularCourses() {
  const page = await readForCachedPage(
    () => listCourses({ limit: HOME_COURSE_COUNT, sort: "popular" }, publicRead([CATALOG_TAG])),
    "popular courses",
  );
  if (page === null)
    return (
      <>
        <PopularCoursesSkeleton />
        <RefreshUntilBuilt />
      </>
    );
  if (page.items.length === 0) {
    return (
      <StatusPanel headingLevel={3} title="No courses yet" role="status">
        The first courses are being prepared. Check back soon.
      </StatusPanel>
    );
  }
  return <CourseGrid courses={page.items} />;
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
