"use client";

import { useEffect, useState } from "react";
import { formatClock, spokenDuration } from "./format-time";
import { savePlayerPreferences, setCaptions } from "./player-preferences";

// Three controls of our own beside media-chrome's: its time display, speed and captions buttons carry ARIA that
// axe flags (an accessible name that doesn't contain the visible text; aria-checked on a button role).

const CONTROL =
  "flex h-full min-w-11 items-center justify-center px-2.5 text-sm font-medium text-white tabular-nums hover:bg-white/12 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-white";

/** Re-renders on the video's events and returns `read(video)`. */
function useVideoValue<T>(video: HTMLVideoElement | null, events: readonly string[], read: (v: HTMLVideoElement) => T) {
  const [value, setValue] = useState<T | null>(video ? read(video) : null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `read` and `events` are fixed per call site
  useEffect(() => {
    if (!video) return;
    const update = () => setValue(read(video));
    update();
    for (const name of events) video.addEventListener(name, update);
    return () => {
      for (const name of events) video.removeEventListener(name, update);
    };
  }, [video]);
  return value;
}

const TIME_EVENTS = ["timeupdate", "durationchange", "loadedmetadata", "seeked"] as const;

/** "1:05 / 2:30" as plain text; screen readers get it in words. */
export function PlayerTime({ video }: { video: HTMLVideoElement | null }) {
  const time = useVideoValue(video, TIME_EVENTS, (v) => ({
    current: v.currentTime,
    duration: Number.isFinite(v.duration) ? v.duration : 0,
  }));
  const current = time?.current ?? 0;
  const duration = time?.duration ?? 0;
  return (
    <span className="flex h-full shrink-0 items-center px-2 text-sm whitespace-nowrap text-white tabular-nums">
      <span aria-hidden="true">
        {formatClock(current)}
        {/* A phone's bar has room for the time played only; the seek bar shows how much is left. */}
        {duration > 0 && <span className="max-sm:hidden"> / {formatClock(duration)}</span>}
      </span>
      <span className="sr-only">
        {spokenDuration(current)} played{duration > 0 && ` of ${spokenDuration(duration)}`}
      </span>
    </span>
  );
}

const RATE_EVENTS = ["ratechange"] as const;

/** Cycles through the speeds; its name is what it shows ("Speed 1.25×"). */
export function SpeedButton({ video, rates }: { video: HTMLVideoElement | null; rates: readonly number[] }) {
  const rate = useVideoValue(video, RATE_EVENTS, (v) => v.playbackRate) ?? 1;
  return (
    <button
      type="button"
      className={CONTROL}
      disabled={!video}
      onClick={() => {
        if (!video) return;
        const next = rates.find((r) => r > rate + 1e-6) ?? rates[0] ?? 1;
        video.defaultPlaybackRate = next;
        video.playbackRate = next;
        savePlayerPreferences({ rate: next });
      }}
    >
      <span className="sr-only">Speed </span>
      {rate}×
    </button>
  );
}

/** Shows or hides the lesson's captions track; a toggle button (aria-pressed). */
export function CaptionsButton({ video }: { video: HTMLVideoElement | null }) {
  const [showing, setShowing] = useState(false);

  useEffect(() => {
    if (!video) return;
    const tracks = video.textTracks;
    const sync = () => setShowing(Array.from(tracks).some((t) => t.mode === "showing"));
    sync();
    tracks.addEventListener("change", sync);
    tracks.addEventListener("addtrack", sync);
    return () => {
      tracks.removeEventListener("change", sync);
      tracks.removeEventListener("addtrack", sync);
    };
  }, [video]);

  return (
    <button
      type="button"
      className={CONTROL}
      aria-pressed={showing}
      disabled={!video}
      onClick={() => {
        if (!video) return;
        const next = !showing;
        setCaptions(video, next);
        savePlayerPreferences({ captions: next });
        setShowing(next);
      }}
    >
      CC<span className="sr-only"> captions</span>
    </button>
  );
}
