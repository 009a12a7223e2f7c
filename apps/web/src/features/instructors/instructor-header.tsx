import type { InstructorProfile } from "@lumen/contracts";
import { Avatar } from "@/components/ui/avatar";
import { RatingStars } from "@/components/ui/rating-stars";
import { formatRating } from "@/features/courses/course-format";

const count = new Intl.NumberFormat("en-US");

/** The top of an instructor's page: who they are, in their words, and what their teaching adds up to. */
export function InstructorHeader({ instructor }: { instructor: InstructorProfile }) {
  const { stats } = instructor;
  const rating = formatRating({ rating_avg: stats.rating_avg, rating_count: stats.review_count });
  const since = new Date(instructor.teaching_since).toLocaleDateString("en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return (
    <header className="flex flex-col gap-6 sm:flex-row sm:items-start">
      <Avatar name={instructor.full_name} url={instructor.avatar_url} size="lg" />
      <div className="min-w-0">
        <p className="text-sm font-medium text-muted">Instructor</p>
        <h1 className="mt-1 font-display text-4xl font-semibold tracking-tight text-balance">{instructor.full_name}</h1>
        <p className="mt-2 text-sm text-muted">Teaching on Lumen since {since}</p>
        <dl className="mt-5 flex flex-wrap gap-x-8 gap-y-3 text-sm">
          <div>
            <dt className="text-muted">Courses</dt>
            <dd className="font-semibold text-foreground">{count.format(stats.course_count)}</dd>
          </div>
          <div>
            <dt className="text-muted">Learners</dt>
            <dd className="font-semibold text-foreground">{count.format(stats.learner_count)}</dd>
          </div>
          <div>
            <dt className="text-muted">Rating</dt>
            <dd className="flex items-center gap-2 font-semibold text-foreground">
              {rating ? (
                <>
                  <span aria-hidden="true">{rating.value}</span>
                  <RatingStars value={stats.rating_avg} size="sm" />
                  <span className="sr-only">{rating.label}</span>
                  <span className="font-normal text-muted" aria-hidden="true">
                    ({rating.count} {stats.review_count === 1 ? "rating" : "ratings"})
                  </span>
                </>
              ) : (
                <span className="font-normal text-muted">No ratings yet</span>
              )}
            </dd>
          </div>
        </dl>
        {instructor.bio ? (
          <div className="mt-6 max-w-2xl space-y-3 leading-relaxed text-foreground">
            {instructor.bio.split(/\n{2,}/).map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </div>
        ) : null}
      </div>
    </header>
  );
}
