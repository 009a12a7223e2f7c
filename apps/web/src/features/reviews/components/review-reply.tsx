"use client";

import { MAX_REVIEW_REPLY_LENGTH, type Review } from "@lumen/contracts";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { ConfirmStrip } from "@/components/ui/confirm-strip";
import { errorText, fieldErrors } from "@/lib/error-text";
import { formatReviewDate } from "../review-format";
import { deleteReviewReply, saveReviewReply } from "../reviews.api";

type Mode = "read" | "writing" | "confirming-removal";

/**
 * The course creator's public reply under a review. Everyone reads it; the course's creator (and admins, `canReply`)
 * write, edit or remove it in place. `onChange` receives the review as the API returns it after each change.
 */
export function ReviewReply({
  review,
  canReply,
  onChange,
}: {
  review: Review;
  canReply: boolean;
  onChange: (review: Review) => void;
}) {
  const { reply } = review;
  const [mode, setMode] = useState<Mode>("read");
  const [draft, setDraft] = useState(reply?.body ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const fieldId = useId();
  const hintId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  // Back to the button that opened the form once it is drawn again, so keyboard users keep their place.
  const [returnFocus, setReturnFocus] = useState(false);

  useEffect(() => {
    if (mode === "writing") field.current?.focus();
    if (mode === "read" && returnFocus) {
      opener.current?.focus();
      setReturnFocus(false);
    }
  }, [mode, returnFocus]);

  function close() {
    setMode("read");
    setError(null);
    setReturnFocus(true);
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const body = draft.trim();
    if (!body) {
      setError("Write a reply.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await saveReviewReply(review.course_id, review.id, { body });
      onChange(updated);
      setDraft(updated.reply?.body ?? body);
      setNotice(reply ? "Your reply is updated." : "Your reply is posted. The reviewer will be notified.");
      close();
    } catch (failure) {
      setError(fieldErrors(failure).body ?? errorText(failure, "We couldn't save your reply. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await deleteReviewReply(review.course_id, review.id);
      onChange(updated);
      setDraft("");
      setNotice("Your reply is removed.");
      close();
    } catch (failure) {
      setError(errorText(failure, "We couldn't remove your reply. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  const author = reply?.author?.full_name ?? "the creator";
  return (
    <div className="mt-4">
      {reply && mode !== "writing" && (
        <div className="rounded-xl border-l-4 border-primary/60 bg-surface-muted px-4 py-3">
          <p className="text-sm font-semibold">
            Response from {author}{" "}
            <span className="font-normal text-muted">
              · <time dateTime={reply.created_at}>{formatReviewDate(reply.created_at)}</time>
            </span>
          </p>
          <p className="mt-1.5 leading-relaxed whitespace-pre-line text-pretty text-foreground">{reply.body}</p>
        </div>
      )}

      {canReply && mode === "writing" && (
        <form onSubmit={save} noValidate className="space-y-3">
          <label htmlFor={fieldId} className="text-sm font-semibold">
            {reply ? "Edit your reply" : `Reply to ${review.user.full_name}`}
          </label>
          <textarea
            id={fieldId}
            ref={field}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            maxLength={MAX_REVIEW_REPLY_LENGTH}
            rows={3}
            aria-describedby={hintId}
            aria-invalid={error ? true : undefined}
            placeholder="Thank them, answer their question, or say what you changed."
            className="block w-full rounded-xl border border-border-strong/50 bg-surface px-4 py-3 text-foreground placeholder:text-muted focus-visible:border-primary"
          />
          <p id={hintId} className={`text-sm ${error ? "text-danger" : "text-muted"}`}>
            {error ??
              `Shown publicly under the review. ${draft.length.toLocaleString("en-US")} of ${MAX_REVIEW_REPLY_LENGTH.toLocaleString("en-US")} characters`}
          </p>
          <div className="flex flex-wrap gap-3">
            <button
              type="submit"
              aria-disabled={busy || undefined}
              className={`${buttonClasses("primary", "sm")} aria-disabled:opacity-70`}
            >
              {busy ? "Saving…" : reply ? "Save reply" : "Post reply"}
            </button>
            <button type="button" onClick={close} className={buttonClasses("ghost", "sm")}>
              Cancel
            </button>
          </div>
        </form>
      )}

      {canReply && mode === "confirming-removal" && (
        <ConfirmStrip
          className="mt-3"
          question="Remove your reply? The reviewer keeps their review."
          confirmLabel="Yes, remove it"
          busyLabel="Removing…"
          busy={busy}
          onConfirm={remove}
          onCancel={close}
          error={error}
        />
      )}

      {canReply && mode === "read" && (
        <div className={`flex flex-wrap gap-2 ${reply ? "mt-2" : ""}`}>
          <button
            type="button"
            ref={opener}
            onClick={() => {
              setDraft(reply?.body ?? "");
              setNotice("");
              setMode("writing");
            }}
            className={buttonClasses("ghost", "sm")}
          >
            {reply ? "Edit reply" : "Reply"}
            <span className="sr-only"> to {review.user.full_name}'s review</span>
          </button>
          {reply && (
            <button
              type="button"
              onClick={() => {
                setNotice("");
                setMode("confirming-removal");
              }}
              className={buttonClasses("ghost", "sm")}
            >
              Remove reply
            </button>
          )}
        </div>
      )}

      <p role="status" className="sr-only">
        {notice}
      </p>
    </div>
  );
}
