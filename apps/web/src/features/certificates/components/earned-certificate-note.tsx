"use client";

import Link from "next/link";
import { useCourseViewer } from "@/features/courses/enrollment/course-viewer";
import { useAuthResource } from "@/lib/use-auth-resource";
import { certificatePath, myCertificateFor } from "../certificates.api";

/**
 * "You earned a certificate — view", once the signed-in learner holds a valid certificate for the course. Asking
 * also issues a certificate that is due (a completion from before certificates existed). Shows nothing otherwise,
 * and nothing on a failed request: the note is a bonus, not part of the page's job.
 */
export function EarnedCertificateNote({ courseId }: { courseId: string }) {
  const resource = useAuthResource(myCertificateFor(courseId));
  if (resource.status !== "ready") return null;
  const valid = resource.data.items.find((c) => c.course_id === courseId && c.status === "valid");
  if (!valid) return null;
  return (
    <p className="rounded-xl border border-border bg-accent-soft px-4 py-3 text-sm">
      <span className="font-medium">You earned a certificate</span> <span aria-hidden="true">—</span>{" "}
      <Link
        href={certificatePath(valid.code)}
        className="inline-flex min-h-11 items-center font-semibold underline underline-offset-4"
      >
        view<span className="sr-only"> your certificate</span>
      </Link>
    </p>
  );
}

/** The note on the course page: asked only for a signed-in learner enrolled in the course. */
export function CourseCertificateNote({ courseId }: { courseId: string }) {
  const { viewer } = useCourseViewer();
  if (viewer.status !== "ready" || !viewer.course.enrollment) return null;
  return <EarnedCertificateNote courseId={courseId} />;
}
