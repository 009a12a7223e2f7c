"use client";

import type { CourseSummary } from "@lumen/contracts";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ButtonLink, buttonClasses } from "@/components/button-link";
import { BuyOptions } from "@/features/billing/components/buy-options";
import { isApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";
import { formatPrice } from "../course-format";
import { useCourseViewer } from "./course-viewer";
import { lessonHref } from "./lesson-href";
import { enrollInCourse, leaveCourse } from "./viewer.api";

export interface EnrollPanelProps {
  courseId: string;
  pricing: CourseSummary["pricing"];
  lessonCount: number;
  /** Where a new learner starts; null while the course has no lessons yet. */
  firstLessonId: string | null;
}

function Price({ pricing }: { pricing: CourseSummary["pricing"] }) {
  const price = formatPrice(pricing);
  return (
    <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <span className="sr-only">Price: </span>
      <span className="font-display text-4xl font-semibold tracking-tight">{price}</span>
      {price !== "Free" && <span className="text-sm font-medium text-accent">or included with Premium</span>}
    </p>
  );
}

function Alert({ children }: { children: string }) {
  return (
    <p role="alert" className="rounded-xl bg-danger-soft px-4 py-3 text-sm leading-relaxed text-danger">
      {children}
    </p>
  );
}

const fullWidth = "w-full";

/**
 * What a visitor can do with a course: guests are asked to sign up or log in, learners continue where they
 * stopped, and everyone else enrolls (free courses at once; paid ones with Premium, where the API has the
 * final word and its refusal is shown in words).
 */
export function EnrollPanel({ courseId, pricing, lessonCount, firstLessonId }: EnrollPanelProps) {
  const router = useRouter();
  const { viewer, retry, setEnrollment } = useCourseViewer();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [paymentNeeded, setPaymentNeeded] = useState(false);
  const here = `/courses/${encodeURIComponent(courseId)}`;
  const isFree = formatPrice(pricing) === "Free";

  async function enroll() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const enrollment = await enrollInCourse(courseId);
      setEnrollment(enrollment);
      if (firstLessonId) router.push(lessonHref(courseId, firstLessonId));
      else router.refresh();
    } catch (error) {
      // A paid course without an entitlement: offer the ways in instead of a dead end.
      if (isApiError(error) && error.code === "PAYMENT_REQUIRED") setPaymentNeeded(true);
      else setFailure(errorText(error, "We couldn't enroll you just now. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  if (viewer.status === "loading") {
    return (
      <div className="space-y-4" aria-busy="true">
        <Price pricing={pricing} />
        <div className="h-11 w-full rounded-full bg-surface-muted motion-safe:animate-pulse" />
        <p role="status" className="sr-only">
          Checking whether you're enrolled…
        </p>
      </div>
    );
  }

  if (viewer.status === "guest") {
    const next = encodeURIComponent(here);
    return (
      <div className="space-y-4">
        <Price pricing={pricing} />
        <p className="text-sm leading-relaxed text-muted">
          {isFree
            ? "Create a free account to enroll. Your progress and the tutor's answers are saved as you learn."
            : "Buy this course once, or get Lumen Premium for every paid course. Create an account to get started."}
        </p>
        <div className="flex flex-col gap-2.5">
          <ButtonLink href={`/register?next=${next}`} className={fullWidth}>
            Sign up to enroll
          </ButtonLink>
          <ButtonLink href={`/login?next=${next}`} variant="secondary" className={fullWidth}>
            Log in
          </ButtonLink>
        </div>
      </div>
    );
  }

  if (viewer.status === "error") {
    return (
      <div className="space-y-4">
        <Price pricing={pricing} />
        <Alert>{`We couldn't check your enrollment. ${viewer.message}`}</Alert>
        <button type="button" onClick={retry} className={`${buttonClasses("secondary")} ${fullWidth}`}>
          Try again
        </button>
      </div>
    );
  }

  const { user, course } = viewer;
  const enrolled = course.enrollment?.status === "active";
  // Enrolled but closed: a refunded purchase or Premium that ended. The progress is kept for a return.
  const enrollment = enrolled && (isFree || course.access.can_view_content) ? course.enrollment : null;

  if (!isFree && ((enrolled && !enrollment) || paymentNeeded)) {
    return (
      <div className="space-y-4">
        <Price pricing={pricing} />
        <BuyOptions
          courseId={courseId}
          price={pricing.price}
          note={
            enrolled
              ? "Your access to this course has ended. Your progress is kept: buy it or get Premium to continue."
              : "This is a paid course. Buy it once, or get Premium for every paid course."
          }
        />
      </div>
    );
  }

  if (enrollment) {
    const target = course.nextLessonId ?? firstLessonId;
    const done = Math.min(enrollment.completed_lessons, lessonCount);
    const percent = Math.round(Math.min(100, Math.max(0, enrollment.progress_percentage)));
    return (
      <div className="space-y-4">
        <p className="text-sm font-medium text-primary">You're enrolled in this course</p>
        <div>
          <div className="flex items-baseline justify-between text-sm">
            <span className="text-muted">
              {done} of {lessonCount} {lessonCount === 1 ? "lesson" : "lessons"} done
            </span>
            <span className="font-semibold">{percent}%</span>
          </div>
          <div
            role="progressbar"
            aria-label="Course progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="mt-2 h-2 overflow-hidden rounded-full bg-surface-muted"
          >
            <div className="h-full rounded-full bg-primary" style={{ width: `${percent}%` }} />
          </div>
        </div>
        {target ? (
          <ButtonLink href={lessonHref(courseId, target)} className={fullWidth}>
            Continue learning
          </ButtonLink>
        ) : (
          <p className="text-sm text-muted">The first lessons are on their way. We'll keep your place.</p>
        )}
        <LeaveCourse courseId={courseId} onLeft={setEnrollment} />
      </div>
    );
  }

  if (course.access.can_view_content) {
    return (
      <div className="space-y-4">
        <Price pricing={pricing} />
        <p className="text-sm leading-relaxed text-muted">
          {course.creatorId === user.id
            ? "This is your course, so every lesson is open to you."
            : "You can open every lesson of this course."}
        </p>
        {firstLessonId && (
          <ButtonLink href={lessonHref(courseId, firstLessonId)} className={fullWidth}>
            Open the first lesson
          </ButtonLink>
        )}
      </div>
    );
  }

  const premium = user.premium_status;
  if (!isFree && !premium) {
    return (
      <div className="space-y-4">
        <Price pricing={pricing} />
        <BuyOptions
          courseId={courseId}
          price={pricing.price}
          note="Buy this course once and keep it, or get Premium for every paid course."
        />
      </div>
    );
  }
  const label = busy ? "Enrolling…" : isFree ? "Enroll for free" : "Enroll with Premium";
  return (
    <div className="space-y-4">
      <Price pricing={pricing} />
      <p className="text-sm leading-relaxed text-muted">
        {isFree
          ? "Free for everyone with an account. Enroll and start the first lesson right away."
          : "Included with your Premium membership, at no extra cost."}
      </p>
      <button
        type="button"
        onClick={enroll}
        aria-disabled={busy || undefined}
        className={`${buttonClasses("primary")} ${fullWidth} aria-disabled:opacity-70`}
      >
        {label}
      </button>
      {failure && <Alert>{failure}</Alert>}
    </div>
  );
}

/** "Leave course", confirmed in place: the course leaves My learning, the progress stays for a return. */
function LeaveCourse({
  courseId,
  onLeft,
}: {
  courseId: string;
  onLeft: (enrollment: Awaited<ReturnType<typeof leaveCourse>>) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function leave() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      onLeft(await leaveCourse(courseId));
    } catch (error) {
      setFailure(errorText(error, "We couldn't take you off this course just now. Please try again."));
      setBusy(false);
    }
  }

  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="text-sm font-medium text-muted underline-offset-4 hover:text-foreground hover:underline"
      >
        Leave course
      </button>
    );
  }
  return (
    <fieldset aria-label="Leave this course?" className="space-y-2.5 rounded-2xl border border-border p-3.5">
      <p className="text-sm">Leave this course? It leaves My learning; your progress is kept if you come back.</p>
      {failure && <Alert>{failure}</Alert>}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => void leave()}
          aria-disabled={busy || undefined}
          className={`${buttonClasses("secondary", "sm")} aria-disabled:cursor-progress`}
        >
          {busy ? "Leaving…" : "Leave course"}
        </button>
        <button type="button" onClick={() => setConfirming(false)} className={buttonClasses("ghost", "sm")}>
          Stay enrolled
        </button>
      </div>
    </fieldset>
  );
}
