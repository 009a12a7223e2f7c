"use client";

import type { Review } from "@lumen/contracts";
import { useEffect, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { useOptionalCourseViewer } from "@/features/courses/enrollment/course-viewer";
import { type ApiClient, api } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";
import { listReviews } from "../reviews.api";
import { ReviewItem } from "./review-item";

/** The first page arrives with the page; "Show more reviews" fetches the next ones and adds them below. */
export function ReviewList({
  courseId,
  initial,
  initialCursor,
  client = api,
}: {
  courseId: string;
  initial: Review[];
  initialCursor: string | null;
  client?: ApiClient;
}) {
  const [reviews, setReviews] = useState(initial);
  const [cursor, setCursor] = useState(initialCursor);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  /** The first newly loaded review takes focus, so keyboard users continue reading where the list grew. */
  const [focusId, setFocusId] = useState<string | null>(null);
  const viewer = useOptionalCourseViewer();
  // The course's creator and admins answer reviews (the API decides; this only shows the buttons).
  const canReply =
    viewer?.status === "ready" && (viewer.user.role === "admin" || viewer.user.id === viewer.course.creatorId);

  useEffect(() => {
    if (focusId) document.getElementById(`review-${focusId}`)?.focus();
  }, [focusId]);

  async function loadMore() {
    if (!cursor || loading) return;
    setLoading(true);
    setFailure(null);
    try {
      const page = await listReviews(courseId, { cursor }, {}, client);
      const seen = new Set(reviews.map((review) => review.id));
      const fresh = page.items.filter((review) => !seen.has(review.id));
      setReviews([...reviews, ...fresh]);
      setFocusId(fresh[0]?.id ?? null);
      setCursor(page.next_cursor);
    } catch (error) {
      setFailure(errorText(error, "We couldn't load more reviews. Please try again."));
    } finally {
      setLoading(false);
    }
  }

  return (
    <div>
      <ul className="divide-y divide-border">
        {reviews.map((review) => (
          <li key={review.id} id={`review-${review.id}`} tabIndex={-1} className="rounded-lg">
            <ReviewItem
              review={review}
              canReply={canReply}
              onChange={(updated) => setReviews((all) => all.map((r) => (r.id === updated.id ? updated : r)))}
            />
          </li>
        ))}
      </ul>
      {failure && (
        <p role="alert" className="mt-4 rounded-xl bg-danger-soft px-4 py-3 text-sm text-danger">
          {failure}
        </p>
      )}
      {cursor && (
        <button
          type="button"
          onClick={loadMore}
          aria-disabled={loading || undefined}
          className={`${buttonClasses("secondary")} mt-6 aria-disabled:opacity-70`}
        >
          {loading ? "Loading reviews…" : "Show more reviews"}
        </button>
      )}
      <p role="status" className="sr-only">
        {loading ? "Loading more reviews" : ""}
      </p>
    </div>
  );
}
