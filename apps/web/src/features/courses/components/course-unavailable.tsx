import { ButtonLink, buttonClasses } from "@/components/button-link";
import { StatusPanel } from "@/components/status-panel";
import type { ApiError } from "@/lib/api-client";

/** The course page when the API failed: whose side the problem is on, and a retry that asks the server again. */
export function CourseUnavailable({ courseId, error }: { courseId: string; error: Pick<ApiError, "code"> }) {
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
        {error.code === "NETWORK_ERROR" || error.code === "SERVICE_UNAVAILABLE"
          ? "Our course service isn't answering at the moment. It's on our side, not yours: please try again in a minute."
          : "Something went wrong on our side while loading this course. Please try again in a minute."}
      </StatusPanel>
    </div>
  );
}
