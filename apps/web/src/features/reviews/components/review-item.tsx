import type { Review } from "@lumen/contracts";
import { Avatar } from "@/components/ui/avatar";
import { RatingStars } from "@/components/ui/rating-stars";
import { formatReviewDate, starsLabel } from "../review-format";
import { ReviewReply } from "./review-reply";

/** One review, and the creator's reply under it (written here by the course's creator or an admin: `canReply`). */
export function ReviewItem({
  review,
  canReply = false,
  onChange = () => {},
}: {
  review: Review;
  canReply?: boolean;
  onChange?: (review: Review) => void;
}) {
  const edited = review.updated_at !== review.created_at;
  return (
    <article className="flex gap-4 py-6 first:pt-0">
      <Avatar name={review.user.full_name} url={review.user.avatar_url} />
      <div className="min-w-0 flex-1">
        <h3 className="font-semibold leading-snug">{review.user.full_name}</h3>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
          <RatingStars value={review.rating} size="sm" label={starsLabel(review.rating)} />
          <time dateTime={review.created_at}>{formatReviewDate(review.created_at)}</time>
          {edited && <span>(edited)</span>}
        </p>
        {review.body && (
          <p className="mt-3 leading-relaxed whitespace-pre-line text-pretty text-foreground">{review.body}</p>
        )}
        {(review.reply || canReply) && <ReviewReply review={review} canReply={canReply} onChange={onChange} />}
      </div>
    </article>
  );
}
