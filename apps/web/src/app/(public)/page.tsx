import Link from "next/link";
import { Suspense } from "react";
import { ButtonLink } from "@/components/button-link";
import { Reveal } from "@/components/motion/reveal";
import { PopularCourses, PopularCoursesSkeleton } from "@/features/courses/components/popular-courses";
import { FeatureList } from "@/features/home/feature-list";
import { TutorPreview } from "@/features/home/tutor-preview";

// Served from Next's cache (lib/public-cache.ts): regenerated when the API says the catalog changed, and at the
// latest after this many seconds. The build bakes a placeholder that expires at once (the API isn't running then).
export const revalidate = 300;

export default function HomePage() {
  return (
    <>
      <section aria-labelledby="hero-title" className="relative overflow-hidden">
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-x-0 -top-40 -z-10 h-[36rem] bg-[radial-gradient(60%_50%_at_70%_30%,var(--color-primary-soft),transparent_70%)]"
        />
        <div className="mx-auto grid max-w-page items-center gap-14 px-4 pt-14 pb-20 sm:px-6 sm:pt-20 lg:grid-cols-[1.05fr_1fr] lg:gap-16 lg:px-8 lg:pt-24 lg:pb-28">
          <div>
            <p className="inline-flex items-center gap-2 rounded-full border border-border bg-surface px-3.5 py-1.5 text-xs font-medium text-muted shadow-sm">
              <span aria-hidden="true" className="size-1.5 rounded-full bg-accent" />
              Video courses with an AI tutor built in
            </p>
            <h1
              id="hero-title"
              className="mt-6 font-display text-[2.6rem] leading-[1.05] font-semibold tracking-tight text-balance sm:text-6xl lg:text-[4.25rem]"
            >
              Learn with a tutor that shows you <span className="text-primary italic">the exact moment.</span>
            </h1>
            <p className="mt-6 max-w-xl text-lg leading-relaxed text-pretty text-muted">
              Ask a question in any lesson and get an answer from the course itself, with a link to the second of the
              video it comes from. Pick up where you stopped, and check what stuck with a short quiz.
            </p>
            <div className="mt-9 flex flex-wrap items-center gap-3">
              <ButtonLink href="/courses">Browse the catalog</ButtonLink>
              <ButtonLink href="/register" variant="secondary">
                Create a free account
              </ButtonLink>
            </div>
          </div>
          <TutorPreview />
        </div>
      </section>

      <section aria-labelledby="why-title" className="mx-auto max-w-page px-4 sm:px-6 lg:px-8">
        <h2 id="why-title" className="sr-only">
          Why learn on Lumen
        </h2>
        <FeatureList />
      </section>

      <section aria-labelledby="courses-title" className="mx-auto mt-24 max-w-page px-4 sm:px-6 lg:px-8">
        <div className="mb-10 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <h2 id="courses-title" className="font-display text-3xl font-semibold tracking-tight sm:text-4xl">
              Popular courses
            </h2>
            <p className="mt-3 max-w-xl text-muted">
              Start with a free course, or go deep with a full programme. Every lesson comes with the tutor.
            </p>
          </div>
          <Link
            href="/courses"
            className="group inline-flex items-center gap-1.5 self-start rounded-full text-sm font-semibold text-primary hover:text-primary-hover sm:self-auto"
          >
            See the full catalog
            <span aria-hidden="true" className="transition-transform motion-safe:group-hover:translate-x-0.5">
              →
            </span>
          </Link>
        </div>
        <Suspense fallback={<PopularCoursesSkeleton />}>
          {/* Cards that arrive after the page became interactive (a slow catalog) rise in; painted ones stay. */}
          <Reveal items=":scope > ul > li">
            <PopularCourses />
          </Reveal>
        </Suspense>
      </section>
    </>
  );
}
