"use client";

import { ButtonLink } from "@/components/button-link";
import { useAuthResource } from "@/lib/use-auth-resource";
import { reviewStats } from "./daily-review.api";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The dashboard's "5-minute review": how many recall cards are due and a way in. Learners without cards (no
 * completed lesson yet) don't see it; with nothing due it says so kindly. A failed load leaves the dashboard as it
 * was: the review is an extra, not the page's purpose.
 */
export function ReviewDashboardCard() {
  const stats = useAuthResource(reviewStats);
  if (stats.status !== "ready" || stats.data.total_cards === 0) return null;
  const { due_count: due, done_today: done } = stats.data;
  return (
    <section
      aria-labelledby="daily-review-title"
      className="rounded-card border border-border bg-surface p-5 shadow-card sm:p-6"
    >
      <h2 id="daily-review-title" className="text-lg font-semibold tracking-tight">
        5-minute review
      </h2>
      {due > 0 ? (
        <>
          <p className="mt-1 text-sm text-muted">
            <span className="font-medium text-foreground">{plural(due, "card")} due</span> from lessons you've
            completed. Recalling them now is what makes them stick.
          </p>
          <ButtonLink href="/review" className="mt-4 w-full sm:w-auto">
            Start review
          </ButtonLink>
        </>
      ) : (
        <p className="mt-1 text-sm text-muted">
          All caught up{done > 0 ? `: ${plural(done, "card")} reviewed today` : ""}. New cards arrive as you complete
          lessons.
        </p>
      )}
    </section>
  );
}
