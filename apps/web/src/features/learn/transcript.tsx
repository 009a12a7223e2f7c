"use client";

import type { VttCue } from "@lumen/contracts";
import { type FocusEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { formatClock } from "./format-time";

/** The index of the cue playing at `time`, or -1. Cues are in time order. */
export function activeCueIndex(cues: VttCue[], time: number): number {
  let low = 0;
  let high = cues.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const cue = cues[mid] as VttCue;
    if (cue.start <= time) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found !== -1 && time < (cues[found] as VttCue).end + 0.5 ? found : -1;
}

/**
 * The interactive transcript: every line seeks the video to its start; the line being spoken is highlighted
 * and kept in view inside the list (never scrolling the page), unless the learner is reading elsewhere in it.
 * The list is one tab stop (a roving tabindex): Tab lands on the line being spoken, the arrow keys, Home and End
 * move between lines, Enter or Space plays from one, and the next Tab leaves the transcript.
 */
export function Transcript({
  cues,
  currentTime,
  onSeek,
}: {
  cues: VttCue[];
  currentTime: number;
  onSeek: (seconds: number) => void;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const lastUserScroll = useRef(0);
  const hintId = useId();
  const active = activeCueIndex(cues, currentTime);
  // The line the learner moved to with the keys while inside the list; outside it, the stop follows the video.
  const [focused, setFocused] = useState<number | null>(null);
  const stop = Math.min(focused ?? Math.max(active, 0), cues.length - 1);

  useEffect(() => {
    const list = listRef.current;
    if (!list || active < 0 || Date.now() - lastUserScroll.current < 4000) return;
    const item = list.children[active] as HTMLElement | undefined;
    if (!item) return;
    const top = item.offsetTop - list.offsetTop - list.clientHeight / 3;
    const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    list.scrollTo({ top: Math.max(0, top), behavior: reduce ? "auto" : "smooth" });
  }, [active]);

  if (cues.length === 0) return <p className="text-sm text-muted">This lesson has no transcript.</p>;

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(cues.length - 1, index));
    setFocused(next);
    listRef.current?.children[next]?.querySelector("button")?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    const from = focused ?? stop;
    const to =
      event.key === "ArrowDown" || event.key === "ArrowRight"
        ? from + 1
        : event.key === "ArrowUp" || event.key === "ArrowLeft"
          ? from - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? cues.length - 1
              : null;
    if (to === null) return;
    event.preventDefault();
    moveTo(to);
  }

  function onBlur(event: FocusEvent<HTMLOListElement>) {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(null);
  }

  return (
    <>
      <p id={hintId} className="sr-only">
        Arrow keys move between lines; Enter plays the video from a line.
      </p>
      <ol
        ref={listRef}
        aria-label="Transcript"
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        onWheel={() => (lastUserScroll.current = Date.now())}
        onTouchMove={() => (lastUserScroll.current = Date.now())}
        className="max-h-96 space-y-0.5 overflow-y-auto pr-1"
      >
        {cues.map((cue, index) => (
          <li key={`${cue.start}-${cue.end}-${cue.text.length}`}>
            <button
              type="button"
              tabIndex={index === stop ? 0 : -1}
              aria-describedby={index === stop ? hintId : undefined}
              onClick={() => {
                setFocused(index);
                onSeek(cue.start);
              }}
              aria-current={index === active ? "true" : undefined}
              className={`flex w-full gap-3 rounded-xl px-3 py-2 text-left text-[0.95rem] leading-relaxed transition-colors ${
                index === active
                  ? "bg-primary-soft text-foreground"
                  : "text-muted hover:bg-surface-muted hover:text-foreground"
              }`}
            >
              <span className="w-12 shrink-0 pt-0.5 font-mono text-xs tabular-nums text-muted">
                {formatClock(cue.start)}
              </span>
              <span>{cue.text}</span>
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}
