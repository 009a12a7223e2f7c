import type { Review } from "@lumen/contracts";
import { publicAvatarUrl } from "../user/user.presenter.js";
import type { ReviewWithAuthor } from "./review.repo.js";

export function presentReview({ review: r, authorName, authorAvatar }: ReviewWithAuthor): Review {
  return {
    id: r.id,
    course_id: r.courseId,
    rating: r.rating,
    body: r.body,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
    user: { id: r.userId, full_name: authorName, avatar_url: publicAvatarUrl(authorAvatar) },
  };
}
