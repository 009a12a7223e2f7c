"use client";

import { useEffect, useRef, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { usePopWhen } from "@/components/motion/use-pop";

/**
 * "Mark as complete", and once the lesson is complete (by the button or by watching) a "Completed" badge that
 * pops in. A keyboard user who pressed the button lands on the badge, not on nothing.
 */
export function CompletionControl({ completed, onComplete }: { completed: boolean; onComplete: () => Promise<void> }) {
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
