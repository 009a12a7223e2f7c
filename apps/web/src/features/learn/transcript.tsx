"use client";

import type { VttCue } from "@lumen/contracts";
import {
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
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

/** The indices of the cues whose text contains `query` (case-insensitive); none for a blank query. */
export function transcriptMatches(cues: VttCue[], query: string): number[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return [];
  return cues.flatMap((cue, index) => (cue.text.toLocaleLowerCase().includes(needle) ? [index] : []));
}

/** The cue's text with each occurrence of `query` marked. */
function highlighted(text: string, query: string): ReactNode {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return text;
  const parts: ReactNode[] = [];
  const lower = text.toLocaleLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, from)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(
      <mark key={at} className="rounded bg-accent-soft text-foreground">
        {text.slice(at, at + needle.length)}
      </mark>,
    );
    from = at + needle.length;
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * The interactive transcript: every line seeks the video to its start; the line being spoken is highlighted
 * and kept in view inside the list (never scrolling the page), unless the learner is reading elsewhere in it.
 * The list is one tab stop (a roving tabindex): Tab lands on the line being spoken, the arrow keys, Home and End
 * move between lines, Enter or Space plays from one, and the next Tab leaves the transcript. A search box above it
 * marks the lines that match and says "n of m"; Enter plays from the next match, Shift+Enter from the previous.
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
  const [query, setQuery] = useState("");
  const matches = useMemo(() => transcriptMatches(cues, query), [cues, query]);
  const matching = useMemo(() => new Set(matches), [matches]);
  // The match the search is on, and whether the video has been sent there yet (the first Enter plays it).
  const [match, setMatch] = useState({ index: 0, played: false });
  const current = matches.length > 0 ? matches[Math.min(match.index, matches.length - 1)] : undefined;
  const searchId = useId();
  const countId = useId();

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

  /** Scrolls the list (never the page) so line `index` is a third of the way down. */
  function reveal(index: number) {
    const list = listRef.current;
    const item = list?.children[index] as HTMLElement | undefined;
    if (!list || !item) return;
    lastUserScroll.current = Date.now();
    list.scrollTo({ top: Math.max(0, item.offsetTop - list.offsetTop - list.clientHeight / 3) });
  }

  function search(text: string) {
    setQuery(text);
    setMatch({ index: 0, played: false });
    const first = transcriptMatches(cues, text)[0];
    if (first !== undefined) reveal(first);
  }

  function step(direction: 1 | -1) {
    if (matches.length === 0) return;
    const index =
      direction === 1 && !match.played
        ? Math.min(match.index, matches.length - 1)
        : (match.index + direction + matches.length) % matches.length;
    setMatch({ index, played: true });
    const line = matches[index] as number;
    reveal(line);
    onSeek((cues[line] as VttCue).start);
  }

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
      <div className="mb-3 flex items-center gap-3">
        <label htmlFor={searchId} className="sr-only">
          Search the transcript
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(event) => search(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              step(event.shiftKey ? -1 : 1);
            } else if (event.key === "Escape" && query) {
              event.preventDefault();
              search("");
            }
          }}
          placeholder="Search the transcript…"
          aria-describedby={countId}
          className="block h-11 min-w-0 flex-1 rounded-full border border-border-strong/60 bg-background px-4 text-sm placeholder:text-muted"
        />
        <span id={countId} role="status" className="shrink-0 text-sm text-muted tabular-nums">
          {query.trim() === ""
            ? ""
            : matches.length === 0
              ? "No matches"
              : `${Math.min(match.index, matches.length - 1) + 1} of ${matches.length}`}
          {query.trim() !== "" && matches.length > 0 && (
            <span className="sr-only">. Enter plays the next match, Shift+Enter the previous.</span>
          )}
        </span>
      </div>
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
              data-match={index === current ? "current" : matching.has(index) ? "true" : undefined}
              className={`flex w-full gap-3 rounded-xl px-3 py-2 text-left text-[0.95rem] leading-relaxed transition-colors ${
                index === active
                  ? "bg-primary-soft text-foreground"
                  : "text-muted hover:bg-surface-muted hover:text-foreground"
              } ${index === current ? "ring-2 ring-accent ring-inset" : ""}`}
            >
              <span className="w-12 shrink-0 pt-0.5 font-mono text-xs tabular-nums text-muted">
                {formatClock(cue.start)}
              </span>
              <span>{highlighted(cue.text, query)}</span>
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}
