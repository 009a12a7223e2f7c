"use client";

import type { Progress } from "@lumen/contracts";
import { useCallback, useEffect, useRef, useState } from "react";
import { createProgressTracker, type ProgressReport } from "./progress-tracker";

export interface PlaybackOptions {
  /** Where to start: an explicit `?t=` wins over the saved resume point. */
  startAt: number;
  /** Reports are sent only for enrolled learners. */
  report: ((report: ProgressReport, urgent: boolean) => Promise<Progress>) | null;
  onProgress?: (progress: Progress) => void;
  intervalMs?: number;
}

/**
 * Wires a <video> to the progress tracker: resumes at `startAt`, reports watched stretches in batches (on an
 * interval, pause, seek, end, and when the page is hidden or left) and exposes the current time for the
 * transcript.
 */
export function useLessonPlayback(video: HTMLVideoElement | null, options: PlaybackOptions) {
  const [currentTime, setCurrentTime] = useState(0);
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    if (!video) return;
    const send = (report: ProgressReport, urgent: boolean) => {
      const reporter = latest.current.report;
      if (!reporter) return undefined;
      return reporter(report, urgent).then(
        (progress) => latest.current.onProgress?.(progress),
        () => undefined, // A lost report is covered by the next one: segments are merged on the server.
      );
    };
    const tracker = createProgressTracker({ send, intervalMs: latest.current.intervalMs });

    const resume = () => {
      const target = latest.current.startAt;
      if (target > 0 && Number.isFinite(video.duration) && target < video.duration - 1) video.currentTime = target;
    };
    if (video.readyState >= 1) resume();

    const onPlay = () => tracker.play(video.currentTime);
    const onTime = () => {
      setCurrentTime(video.currentTime);
      if (!video.paused) tracker.timeUpdate(video.currentTime, video.playbackRate);
    };
    const onSeeking = () => tracker.seeking(video.currentTime);
    const onPause = () => {
      if (!video.ended) tracker.pause(video.currentTime);
    };
    const onEnded = () => tracker.ended(video.currentTime);
    const onHide = () => {
      if (document.visibilityState === "hidden") tracker.leave();
    };
    const onPageHide = () => tracker.leave();

    video.addEventListener("loadedmetadata", resume);
    video.addEventListener("playing", onPlay);
    video.addEventListener("timeupdate", onTime);
    video.addEventListener("seeking", onSeeking);
    video.addEventListener("pause", onPause);
    video.addEventListener("ended", onEnded);
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      tracker.leave();
      video.removeEventListener("loadedmetadata", resume);
      video.removeEventListener("playing", onPlay);
      video.removeEventListener("timeupdate", onTime);
      video.removeEventListener("seeking", onSeeking);
      video.removeEventListener("pause", onPause);
      video.removeEventListener("ended", onEnded);
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onPageHide);
    };
  }, [video]);

  /** Seeks and plays (transcript lines, tutor citations). */
  const seek = useCallback(
    (seconds: number) => {
      if (!video) return;
      video.currentTime = seconds;
      setCurrentTime(seconds);
      void video.play().catch(() => undefined);
    },
    [video],
  );

  return { currentTime, seek };
}
