"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/button-link";
import { StatusPanel } from "@/components/status-panel";
import { isApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";

/** The room's shape while the lesson loads. */
export function RoomSkeleton() {
  return (
    <div
      className="mx-auto grid max-w-[90rem] gap-6 px-4 py-6 sm:px-6 lg:grid-cols-[minmax(0,1fr)_24rem] lg:px-8"
      role="status"
      aria-live="polite"
    >
      <span className="sr-only">Loading the lesson…</span>
      <div className="space-y-4">
        <div className="aspect-video w-full animate-pulse rounded-card bg-surface-muted" />
        <div className="h-8 w-2/3 animate-pulse rounded-xl bg-surface-muted" />
        <div className="h-24 animate-pulse rounded-card bg-surface-muted" />
      </div>
      <div className="h-[32rem] animate-pulse rounded-card bg-surface-muted" />
    </div>
  );
}

/** Why the lesson can't be shown, in words, with the way forward (log in, enroll, the catalog, or try again). */
export function RoomError({ error, courseId, retry }: { error: unknown; courseId: string; retry: () => void }) {
  const here = typeof window === "undefined" ? "" : window.location.pathname + window.location.search;
  const wrap = (panel: ReactNode) => <div className="mx-auto max-w-page px-4 py-16 sm:px-6 lg:px-8">{panel}</div>;
  if ((isApiError(error) && error.status === 404) || (error as { notInCourse?: boolean })?.notInCourse) {
    return wrap(
      <StatusPanel
        headingLevel={1}
        title="This lesson isn't here"
        actions={
          <Link href="/courses" className={buttonClasses()}>
            Browse the catalog
          </Link>
        }
      >
        <p>It may have been moved or unpublished.</p>
      </StatusPanel>,
    );
  }
  if (isApiError(error) && error.status === 401) {
    return wrap(
      <StatusPanel
        headingLevel={1}
        title="Log in to open this lesson"
        actions={
          <>
            <Link href={`/login?next=${encodeURIComponent(here)}`} className={buttonClasses()}>
              Log in
            </Link>
            <Link href={`/courses/${courseId}`} className={buttonClasses("secondary")}>
              About this course
            </Link>
          </>
        }
      >
        <p>Free preview lessons are open to everyone; the others are for enrolled learners.</p>
      </StatusPanel>,
    );
  }
  if (isApiError(error) && (error.status === 403 || error.status === 402)) {
    return wrap(
      <StatusPanel
        headingLevel={1}
        title="Enroll to open this lesson"
        actions={
          <Link href={`/courses/${courseId}`} className={buttonClasses()}>
            See the course and enroll
          </Link>
        }
      >
        <p>{error.message}</p>
      </StatusPanel>,
    );
  }
  return wrap(
    <StatusPanel
      tone="danger"
      role="alert"
      headingLevel={1}
      title="The lesson didn't load"
      actions={
        <button type="button" onClick={retry} className={buttonClasses()}>
          Try again
        </button>
      }
    >
      <p>{errorText(error)}</p>
    </StatusPanel>,
  );
}
