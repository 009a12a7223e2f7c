"use client";

import { MAX_REVIEW_LENGTH, type Review } from "@lumen/contracts";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useEffect, useId, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { ConfirmStrip } from "@/components/ui/confirm-strip";
import { RatingStars } from "@/components/ui/rating-stars";
import { useCourseViewer } from "@/features/courses/enrollment/course-viewer";
import { errorText, fieldErrors } from "@/lib/error-text";
import { starsLabel } from "../review-format";
import { deleteMyReview, getMyReview, saveMyReview } from "../reviews.api";
import { StarRatingInput } from "./star-rating-input";

type Mine = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; review: Review | null };

function ReviewForm({
  courseId,
  existing,
  onSaved,
  onCancel,
}: {
  courseId: string;
  existing: Review | null;
  onSaved: (review: Review) => void;
  onCancel?: () => void;
}) {
  const bodyId = useId();
  const hintId = useId();
  const [rating, setRating] = useState<number | null>(existing?.rating ?? null);
  const [body, setBody] = useState(existing?.body ?? "");
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<{ rating?: string; body?: string; form?: string }>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    if (rating === null) {
      setErrors({ rating: "Choose from 1 to 5 stars." });
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      onSaved(await saveMyReview(courseId, { rating, body: body.trim() }));
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors({
        rating: fields.rating,
        body: fields.body,
        form:
          fields.rating || fields.body
            ? undefined
            : errorText(error, "We couldn't save your review. Please try again."),
      });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <StarRatingInput
        value={rating}
        onChange={(value) => {
          setRating(value);
          setErrors((current) => ({ ...current, rating: undefined }));
        }}
        error={errors.rating}
      />
      <div>
        <label htmlFor={bodyId} className="text-sm font-semibold">
          Your review <span className="font-normal text-muted">(optional)</span>
        </label>
        <textarea
          id={bodyId}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          maxLength={MAX_REVIEW_LENGTH}
          rows={4}
          aria-describedby={hintId}
          aria-invalid={errors.body ? true : undefined}
          placeholder="What did you learn? Who would you recommend it to?"
          className="mt-2 block w-full rounded-xl border border-border-strong/50 bg-surface px-4 py-3 text-foreground placeholder:text-muted focus-visible:border-primary"
        />
        <p id={hintId} className={`mt-1.5 text-sm ${errors.body ? "text-danger" : "text-muted"}`}>
          {errors.body ??
            `${body.length.toLocaleString("en-US")} of ${MAX_REVIEW_LENGTH.toLocaleString("en-US")} characters`}
        </p>
      </div>
      {errors.form && (
        <p role="alert" className="rounded-xl bg-danger-soft px-4 py-3 text-sm text-danger">
          {errors.form}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          aria-disabled={saving || undefined}
          className={`${buttonClasses("primary")} aria-disabled:opacity-70`}
        >
          {saving ? "Saving…" : existing ? "Save changes" : "Post review"}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} className={buttonClasses("ghost")}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/**
 * Enrolled learners rate the course and say why (PUT /courses/{id}/reviews/me creates or edits; one review
 * each). The course's creator never sees it: the API refuses reviews of one's own course.
 */
export function ReviewComposer({ courseId }: { courseId: string }) {
  const router = useRouter();
  const { viewer } = useCourseViewer();
  const eligible =
    viewer.status === "ready" &&
    viewer.course.enrollment?.status === "active" &&
    viewer.course.creatorId !== viewer.user.id;
  const [mine, setMine] = useState<Mine>({ status: "loading" });
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [notice, setNotice] = useState("");
  const [attempt, setAttempt] = useState(0);
  const headingId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's way to load again
  useEffect(() => {
    if (!eligible) return;
    let current = true;
    getMyReview(courseId).then(
      (review) => current && setMine({ status: "ready", review }),
      (error: unknown) => current && setMine({ status: "error", message: errorText(error) }),
    );
    return () => {
      current = false;
    };
  }, [eligible, courseId, attempt]);

  if (!eligible) return null;

  function saved(review: Review, created: boolean) {
    setMine({ status: "ready", review });
    setEditing(false);
    setNotice(created ? "Thank you! Your review is posted." : "Your review is updated.");
    // The course's rating and the review list come from the server.
    router.refresh();
  }

  async function remove() {
    setDeleting(true);
    try {
      await deleteMyReview(courseId);
      setMine({ status: "ready", review: null });
      setConfirmingDelete(false);
      setNotice("Your review is deleted.");
      router.refresh();
    } catch (error) {
      setNotice(errorText(error, "We couldn't delete your review. Please try again."));
    } finally {
      setDeleting(false);
    }
  }

  let content: ReactNode;
  if (mine.status === "loading") {
    content = <div className="h-24 rounded-xl bg-surface-muted motion-safe:animate-pulse" aria-hidden="true" />;
  } else if (mine.status === "error") {
    content = (
      <div className="space-y-3">
        <p role="alert" className="text-sm text-danger">
          {`We couldn't load your review. ${mine.message}`}
        </p>
        <button type="button" onClick={() => setAttempt((n) => n + 1)} className={buttonClasses("secondary", "sm")}>
          Try again
        </button>
      </div>
    );
  } else if (mine.review && !editing) {
    const { review } = mine;
    content = (
      <div className="space-y-3">
        <RatingStars value={review.rating} size="lg" label={starsLabel(review.rating)} />
        {review.body && <p className="leading-relaxed whitespace-pre-line text-foreground">{review.body}</p>}
        {confirmingDelete ? (
          <ConfirmStrip
            question="Delete your review? This can't be undone."
            confirmLabel="Yes, delete it"
            busyLabel="Deleting…"
            busy={deleting}
            onConfirm={remove}
            onCancel={() => setConfirmingDelete(false)}
          />
        ) : (
          <div className="flex flex-wrap gap-3 pt-1">
            <button type="button" onClick={() => setEditing(true)} className={buttonClasses("secondary", "sm")}>
              Edit your review
            </button>
            <button type="button" onClick={() => setConfirmingDelete(true)} className={buttonClasses("ghost", "sm")}>
              Delete
            </button>
          </div>
        )}
      </div>
    );
  } else {
    content = (
      <ReviewForm
        courseId={courseId}
        existing={mine.review}
        onSaved={(review) => saved(review, mine.review === null)}
        onCancel={mine.review ? () => setEditing(false) : undefined}
      />
    );
  }

  const heading = mine.status === "ready" && mine.review ? "Your review" : "Rate this course";
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-card border border-border bg-surface p-5 shadow-card sm:p-6"
    >
      <h3 id={headingId} className="mb-4 text-lg font-semibold tracking-tight">
        {heading}
      </h3>
      {content}
      <p role="status" className="mt-3 text-sm font-medium text-primary empty:hidden">
        {notice}
      </p>
    </section>
  );
}
