"use client";

import type { DailyReviewStats, RecallRating } from "@lumen/contracts";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { ButtonLink, buttonClasses } from "@/components/button-link";
import { SectionError } from "@/components/ui/section";
import { errorText } from "@/lib/error-text";
import { useAuthResource } from "@/lib/use-auth-resource";
import { gradeCard, momentHref, todaysCards } from "./daily-review.api";
import { newReviewId } from "./review-id";

const RATINGS: Array<{ rating: RecallRating; label: string; hint: string; key: string }> = [
  { rating: "again", label: "Again", hint: "I didn't remember", key: "1" },
  { rating: "hard", label: "Hard", hint: "With effort", key: "2" },
  { rating: "good", label: "Good", hint: "I remembered", key: "3" },
  { rating: "easy", label: "Easy", hint: "Instantly", key: "4" },
];

const formatCue = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, "0")}`;

/**
 * Today's review: one card at a time, the term first; "Show meaning" turns it over, then the learner rates how
 * well they remembered (buttons, or keys 1–4). Each card's review id is made once, so a double click or a resend
 * after a network error grades it once.
 */
export function ReviewSession() {
  const today = useAuthResource(todaysCards);
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [pending, setPending] = useState(false);
  const [gradeError, setGradeError] = useState<unknown>(null);
  const [finished, setFinished] = useState<DailyReviewStats | null>(null);
  const reviewIds = useRef(new Map<string, string>());
  const showButton = useRef<HTMLButtonElement>(null);
  const meaningRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  const cards = today.status === "ready" ? today.data.items : [];
  const card = cards[index];

  // Focus follows the review: to the meaning once shown (what the learner checks their answer against), to the next
  // card's button after a rating, to the closing note at the end; so the whole review runs from the keyboard.
  useEffect(() => {
    if (revealed) meaningRef.current?.focus();
  }, [revealed]);
  useEffect(() => {
    if (index > 0) showButton.current?.focus();
  }, [index]);
  useEffect(() => {
    if (finished) doneRef.current?.focus();
  }, [finished]);
  const reveal = () => setRevealed(true);

  const grade = useCallback(
    async (rating: RecallRating) => {
      if (!card || pending) return;
      setPending(true);
      setGradeError(null);
      let reviewId = reviewIds.current.get(card.id);
      if (!reviewId) {
        reviewId = newReviewId();
        reviewIds.current.set(card.id, reviewId);
      }
      try {
        const result = await gradeCard(card.id, reviewId, rating);
        if (index + 1 >= cards.length) {
          setFinished(result.stats);
        } else {
          setIndex(index + 1);
          setRevealed(false);
        }
      } catch (error) {
        setGradeError(error);
      } finally {
        setPending(false);
      }
    },
    [card, cards.length, index, pending],
  );

  useEffect(() => {
    if (!revealed || finished) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      const choice = RATINGS.find((r) => r.key === event.key);
      if (!choice) return;
      event.preventDefault();
      void grade(choice.rating);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [revealed, finished, grade]);

  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6 sm:py-12">
      <p className="text-sm">
        <Link
          href="/dashboard"
          className="inline-flex min-h-11 items-center text-muted underline-offset-4 hover:underline"
        >
          ← My learning
        </Link>
      </p>
      <h1 className="mt-2 font-display text-3xl font-semibold tracking-tight">5-minute review</h1>

      {today.status === "loading" && (
        <p role="status" className="mt-6 text-muted">
          Loading today's cards…
        </p>
      )}
      {today.status === "error" && (
        <div className="mt-6">
          <SectionError what="today's review" error={today.error} onRetry={today.retry} />
        </div>
      )}
      {today.status === "ready" && cards.length === 0 && !finished && (
        <div className="mt-6 rounded-card border border-border bg-surface p-6 text-center shadow-card">
          <h2 className="text-lg font-semibold">All caught up</h2>
          <p className="mt-1 text-muted">
            Nothing to review right now. Complete a lesson and its key ideas come back here.
          </p>
          <ButtonLink href="/dashboard" variant="secondary" className="mt-4">
            Back to my learning
          </ButtonLink>
        </div>
      )}

      {finished && (
        <div className="mt-6 rounded-card border border-primary/20 bg-primary-soft p-6 text-center shadow-card">
          <h2 ref={doneRef} tabIndex={-1} className="text-xl font-semibold outline-none">
            Review done!
          </h2>
          <p className="mt-1 text-muted">
            You reviewed {finished.done_today} {finished.done_today === 1 ? "card" : "cards"} today
            {finished.session_completed ? ", and today counts toward your learning streak." : "."}
          </p>
          <ButtonLink href="/dashboard" className="mt-4">
            Back to my learning
          </ButtonLink>
        </div>
      )}

      {card && !finished && (
        <section aria-labelledby="review-term" className="mt-6">
          <p className="text-sm font-medium text-muted" aria-live="polite">
            Card {index + 1} of {cards.length}
          </p>
          <div
            role="progressbar"
            aria-label="Review progress"
            aria-valuemin={0}
            aria-valuemax={cards.length}
            aria-valuenow={index}
            className="mt-2 h-2 overflow-hidden rounded-full bg-surface-muted"
          >
            <div
              className="h-full bg-primary transition-[width]"
              style={{ width: `${(index / cards.length) * 100}%` }}
            />
          </div>

          <div className="mt-5 rounded-card border border-border bg-surface p-6 shadow-card sm:p-8">
            <p className="text-xs font-semibold tracking-[0.08em] text-primary uppercase">
              {card.kind === "definition" ? "What does it mean?" : "What did the lesson say about it?"}
            </p>
            <h2 id="review-term" className="mt-2 font-display text-2xl font-semibold tracking-tight wrap-anywhere">
              {card.term}
            </h2>
            <p className="mt-1 text-sm text-muted">
              {card.lesson_title} · {card.course_title}
            </p>

            {revealed ? (
              <div ref={meaningRef} tabIndex={-1} className="mt-5 border-t border-border pt-5 outline-none">
                <h3 className="sr-only">Meaning</h3>
                <p className="text-lg leading-relaxed">{card.meaning}</p>
                <Link
                  href={momentHref(card)}
                  className="mt-3 inline-flex min-h-11 items-center text-sm font-medium text-primary underline-offset-4 hover:underline"
                >
                  {card.cue_seconds === null ? "Open the lesson" : `Watch this moment (${formatCue(card.cue_seconds)})`}
                </Link>
              </div>
            ) : (
              <button
                ref={showButton}
                type="button"
                onClick={reveal}
                className={`${buttonClasses("primary")} mt-6 w-full sm:w-auto`}
              >
                Show meaning
              </button>
            )}
          </div>

          {revealed && (
            <fieldset className="mt-5" disabled={pending}>
              <legend className="text-sm font-medium">
                How well did you remember? <span className="text-muted">(keys 1–4)</span>
              </legend>
              <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
                {RATINGS.map((r) => (
                  <button
                    key={r.rating}
                    type="button"
                    aria-keyshortcuts={r.key}
                    onClick={() => void grade(r.rating)}
                    className={`${buttonClasses(r.rating === "good" ? "primary" : "secondary")} h-auto min-h-14 flex-col gap-0 rounded-2xl py-2`}
                  >
                    <span>
                      <span aria-hidden="true" className="mr-1 text-xs opacity-70">
                        {r.key}
                      </span>
                      {r.label}
                    </span>
                    <span className="text-xs font-normal opacity-80">{r.hint}</span>
                  </button>
                ))}
              </div>
            </fieldset>
          )}
          {gradeError !== null && (
            <p role="alert" className="mt-3 text-sm text-danger">
              That rating wasn't saved: {errorText(gradeError)} Try again.
            </p>
          )}
        </section>
      )}
    </div>
  );
}
