"use client";

import type { VttCue } from "@lumen/contracts";
import { useEffect, useRef, useState } from "react";
import { type ConfusionState, initialConfusionState, observeSeek, type Stretch } from "./confusion-detector";
import { formatClock } from "./format-time";
import { touchButton } from "./note-anchors";

const MAX_CONTEXT_CHARS = 1500;

/** What the transcript says between `start` and `end`, joined, cut at a word near the limit. */
export function transcriptWindow(cues: VttCue[], stretch: Stretch): string {
  const text = cues
    .filter((cue) => cue.end > stretch.start && cue.start < stretch.end)
    .map((cue) => cue.text.trim())
    .join(" ");
  if (text.length <= MAX_CONTEXT_CHARS) return text;
  const cut = text.slice(0, MAX_CONTEXT_CHARS);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : cut.length)}…`;
}

/** The question the nudge puts in the tutor's box: the stretch's times and what is said there. */
export function explainQuestion(cues: VttCue[], stretch: Stretch): string {
  const span = `${formatClock(stretch.start)}–${formatClock(stretch.end)}`;
  const said = transcriptWindow(cues, stretch);
  return said
    ? `I rewound ${span} twice. Can you explain this part more simply?\n\nWhat the video says there: "${said}"`
    : `I rewound ${span} twice. Can you explain this part more simply?`;
}

/**
 * Watches a video's seeks for the confusion pattern (see confusion-detector.ts) and returns the stretch to offer
 * help with. The detector keeps its memory for as long as the page does: once per stretch per session.
 */
export function useConfusionNudge(video: HTMLVideoElement | null, enabled: boolean) {
  const [offer, setOffer] = useState<Stretch | null>(null);
  const state = useRef<ConfusionState>(initialConfusionState);

  useEffect(() => {
    if (!video || !enabled) return;
    let last = video.currentTime;
    const onTime = () => {
      if (!video.seeking) last = video.currentTime;
    };
    const onSeeking = () => {
      const result = observeSeek(state.current, { from: last, to: video.currentTime, at: performance.now() });
      state.current = result.state;
      last = video.currentTime;
      if (result.offer) setOffer(result.offer);
    };
    video.addEventListener("timeupdate", onTime);
    video.addEventListener("seeking", onSeeking);
    return () => {
      video.removeEventListener("timeupdate", onTime);
      video.removeEventListener("seeking", onSeeking);
    };
  }, [video, enabled]);

  return { offer, dismiss: () => setOffer(null) };
}

/**
 * "Want this part explained?": a polite, non-modal offer under the video. The live region is always in the page so
 * screen readers announce the offer when it appears; nothing takes focus.
 */
export function ConfusionNudge({
  offer,
  onExplain,
  onDismiss,
}: {
  offer: Stretch | null;
  onExplain: (stretch: Stretch) => void;
  onDismiss: () => void;
}) {
  return (
    <div aria-live="polite" aria-atomic="true">
      {offer && (
        <div className="flex flex-wrap items-center gap-3 rounded-2xl border border-border bg-accent-soft px-4 py-3 text-sm">
          <p className="min-w-0 flex-1">
            Want this part explained?{" "}
            <span className="text-muted">
              ({formatClock(offer.start)}–{formatClock(offer.end)})
            </span>
          </p>
          <span className="flex gap-2">
            <button type="button" onClick={() => onExplain(offer)} className={touchButton("primary")}>
              Ask the tutor
            </button>
            <button type="button" onClick={onDismiss} className={touchButton("ghost")}>
              Dismiss
            </button>
          </span>
        </div>
      )}
    </div>
  );
}
