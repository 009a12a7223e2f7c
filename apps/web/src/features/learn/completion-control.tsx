"use client";

import { VIDEO_COMPLETE_AT_PERCENT } from "@lumen/contracts";
import { useEffect, useRef, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { usePopWhen } from "@/components/motion/use-pop";

/**
 * "Mark as complete" (or, for a video, when it will complete), and once the lesson is complete (by the button or
 * by watching) a "Completed" badge that pops in. A keyboard user who pressed the button lands on the badge, not on
 * nothing.
 */
export function CompletionControl({
  completed,
  onComplete,
  video = false,
}: {
  completed: boolean;
  onComplete: () => Promise<void>;
  /** A video lesson completes by itself once enough of it is watched: no button, say so instead. */
  video?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const pressed = useRef(false);
  const badge = useRef<HTMLSpanElement>(null);
  const pop = usePopWhen<HTMLDivElement>(completed);

  useEffect(() => {
    if (completed && pressed.current) badge.current?.focus();
  }, [completed]);

  async function complete() {
    if (busy) return;
    pressed.current = true;
    setBusy(true);
    try {
      await onComplete();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div ref={pop} className="flex items-center gap-2">
      {completed ? (
        <span
          ref={badge}
          tabIndex={-1}
          className="inline-flex h-9 items-center gap-1.5 rounded-full bg-primary-soft px-4 text-sm font-medium text-primary focus-visible:outline-hidden"
        >
          <span aria-hidden="true">✓</span> Completed
        </span>
      ) : video ? (
        <span className="inline-flex h-9 items-center rounded-full border border-border px-4 text-sm text-muted">
          Completes at {VIDEO_COMPLETE_AT_PERCENT}% watched
        </span>
      ) : (
        <button
          type="button"
          onClick={() => void complete()}
          aria-disabled={busy || undefined}
          className={`${buttonClasses("secondary", "sm")} aria-disabled:cursor-progress aria-disabled:opacity-70`}
        >
          {busy ? "Saving…" : "Mark as complete"}
        </button>
      )}
    </div>
  );
}
