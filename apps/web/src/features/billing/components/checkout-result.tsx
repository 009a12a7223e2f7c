"use client";

import type { CheckoutStatus } from "@lumen/contracts";
import { useEffect, useState } from "react";
import { ButtonLink } from "@/components/button-link";
import { StatusPanel } from "@/components/status-panel";
import { Spinner } from "@/components/ui/spinner";
import { refreshSession } from "@/features/auth/session";
import { errorText } from "@/lib/error-text";
import { getCheckout } from "../billing.api";

/** How often the success page asks whether fulfilment has landed, and for how long before it says so. */
export const POLL_MS = 1500;
const MAX_POLLS = 80;

/**
 * After the payment page: the redirect alone grants nothing, so this asks the API until the payment is
 * confirmed (the webhook, or the test checkout, has fulfilled it), then opens the way in.
 */
export function CheckoutSuccess({ sessionId, pollMs = POLL_MS }: { sessionId: string; pollMs?: number }) {
  const [status, setStatus] = useState<CheckoutStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [polls, setPolls] = useState(0);

  useEffect(() => {
    if (status?.fulfilled || status?.status === "expired" || polls >= MAX_POLLS) return;
    const controller = new AbortController();
    const timer = setTimeout(
      () => {
        getCheckout(sessionId, controller.signal).then(
          (next) => {
            setStatus(next);
            setError(null);
            // Premium changes the user record: fetch it again so the header and the course pages know.
            if (next.fulfilled && next.kind === "premium") void refreshSession();
            setPolls((n) => n + 1);
          },
          (e: unknown) => {
            if (!controller.signal.aborted) {
              setError(e);
              setPolls((n) => n + 1);
            }
          },
        );
      },
      polls === 0 ? 0 : pollMs,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [sessionId, status, polls, pollMs]);

  if (status?.fulfilled) {
    const course = status.kind === "course" && status.course_id;
    return (
      <StatusPanel
        role="status"
        headingLevel={1}
        title={course ? "Payment confirmed: the course is yours" : "Welcome to Premium"}
        actions={
          course ? (
            <ButtonLink href={`/courses/${encodeURIComponent(status.course_id ?? "")}`}>Start learning</ButtonLink>
          ) : (
            <ButtonLink href="/courses">Browse every course</ButtonLink>
          )
        }
      >
        {course
          ? `${status.course_title ?? "Your course"} is yours: every lesson is open. A receipt is on its way to your inbox.`
          : "Every paid course is now included. Manage your plan any time under Account → Billing."}
      </StatusPanel>
    );
  }
  if (status?.status === "expired") {
    return (
      <StatusPanel tone="danger" role="alert" headingLevel={1} title="The payment didn't go through">
        Nothing was charged and nothing changed. You can try again from the course page or the pricing page.
      </StatusPanel>
    );
  }
  if (polls >= MAX_POLLS) {
    return (
      <StatusPanel role="status" headingLevel={1} title="Still confirming your payment">
        It is taking longer than usual. We'll open your purchase as soon as the payment is confirmed; check Account →
        Billing in a few minutes.
      </StatusPanel>
    );
  }
  return (
    <StatusPanel role="status" headingLevel={1} title="Confirming your payment…">
      <span className="inline-flex items-center gap-2">
        <Spinner />
        We're waiting for the payment provider to confirm it. This page updates by itself.
      </span>
      {error !== null && <span className="mt-2 block text-sm text-muted">{errorText(error)}</span>}
    </StatusPanel>
  );
}

export function CheckoutCancelled({ sessionId }: { sessionId: string | null }) {
  const [courseId, setCourseId] = useState<string | null>(null);
  useEffect(() => {
    if (!sessionId) return;
    getCheckout(sessionId).then(
      (s) => setCourseId(s.course_id),
      () => setCourseId(null),
    );
  }, [sessionId]);
  return (
    <StatusPanel
      headingLevel={1}
      title="Checkout cancelled"
      actions={
        courseId ? (
          <ButtonLink href={`/courses/${encodeURIComponent(courseId)}`}>Back to the course</ButtonLink>
        ) : (
          <ButtonLink href="/pricing">See plans</ButtonLink>
        )
      }
    >
      Nothing was charged. You can come back whenever you like.
    </StatusPanel>
  );
}
