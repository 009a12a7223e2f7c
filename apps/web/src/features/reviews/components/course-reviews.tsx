import type { CourseSummary, Page, Review } from "@lumen/contracts";
import { RatingStars } from "@/components/ui/rating-stars";
import { formatRating } from "@/features/courses/course-format";
import { courseTag, publicRead } from "@/lib/public-cache";
import { listReviews } from "../reviews.api";
import { ReviewComposer } from "./review-composer";
import { ReviewList } from "./review-list";

/**
 * The first page of reviews, cached with the course page under its tag: the API asks for a regeneration after a
 * review is posted, edited, deleted or answered (the learner sees their own at once in the composer). A failure is
 * thrown so that the cached page is never one without its reviews.
 */
function firstPage(courseId: string): Promise<Page<Review>> {
  return listReviews(courseId, {}, publicRead([courseTag(courseId)]));
}

/** The course's rating, the signed-in learner's own review (when enrolled), and everyone's reviews. */
export async function CourseReviews({ courseId, stats }: { courseId: string; stats: CourseSummary["stats"] }) {
  const page = await firstPage(courseId);
  const rating = formatRating(stats);

  return (
    <section aria-labelledby="reviews-title" className="scroll-mt-24" id="reviews">
      <h2 id="reviews-title" className="font-display text-2xl font-semibold tracking-tight sm:text-3xl">
        Reviews
      </h2>
      {rating ? (
        <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2">
          <p className="font-display text-5xl font-semibold tracking-tight" aria-hidden="true">
            {rating.value}
          </p>
          <div>
            <RatingStars value={stats.rating_avg} size="lg" />
            <p className="mt-1 text-sm text-muted">
              <span className="sr-only">{rating.label}</span>
              <span aria-hidden="true">
                {rating.count} {stats.rating_count === 1 ? "rating" : "ratings"}
              </span>
            </p>
          </div>
        </div>
      ) : (
        <p className="mt-3 text-muted">No ratings yet. Learners who take the course can leave the first review.</p>
      )}

      <div className="mt-8">
        <ReviewComposer courseId={courseId} />
      </div>

      <div className="mt-8">
        {page.items.length > 0 ? (
          <ReviewList
            // A refresh after posting brings a new first page: start the list again from it.
            key={page.items.map((review) => `${review.id}@${review.updated_at}`).join(",")}
            courseId={courseId}
            initial={page.items}
            initialCursor={page.next_cursor}
          />
        ) : rating ? (
          <p className="text-muted">Learners have rated this course but not written about it yet.</p>
        ) : null}
      </div>
    </section>
  );
}
