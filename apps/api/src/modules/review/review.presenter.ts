import type { Review } from "@lumen/contracts";
import { publicAvatarUrl } from "../user/user.presenter.js";
import type { ReviewWithAuthor } from "./review.repo.js";

export function presentReview({
  review: r,
  authorName,
  authorAvatar,
  replierName,
  replierAvatar,
}: ReviewWithAuthor): Review {
  return {
    id: r.id,
    course_id: r.courseId,
    rating: r.rating,
    body: r.body,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
    user: { id: r.userId, full_name: authorName, avatar_url: publicAvatarUrl(authorAvatar) },
    reply:
      r.replyBody !== null && r.repliedAt
        ? {
            body: r.replyBody,
            created_at: r.repliedAt.toISOString(),
            updated_at: (r.replyUpdatedAt ?? r.repliedAt).toISOString(),
            author:
              r.replyUserId && replierName !== null
                ? { id: r.replyUserId, full_name: replierName, avatar_url: publicAvatarUrl(replierAvatar) }
                : null,
          }
        : null,
  };
}
