"use client";

import { useEffect } from "react";

// The learner's speed and captions choices, remembered on this device (localStorage), so a reload or the next
// lesson plays the way they left it.

const STORAGE_KEY = "lumen.player";

export interface PlayerPreferences {
  rate?: number;
  captions?: boolean;
}

export function readPlayerPreferences(): PlayerPreferences {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}");
    if (!raw || typeof raw !== "object") return {};
    const { rate, captions } = raw as Record<string, unknown>;
    return {
      ...(typeof rate === "number" && rate >= 0.25 && rate <= 4 ? { rate } : {}),
      ...(typeof captions === "boolean" ? { captions } : {}),
    };
  } catch {
    // Storage blocked or a corrupt value: play with the defaults.
    return {};
  }
}

export function savePlayerPreferences(change: PlayerPreferences): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...readPlayerPreferences(), ...change }));
  } catch {
    // Storage blocked (private mode, quota): the choice holds for this page only.
  }
}

const isCaptions = (track: TextTrack) => track.kind === "captions" || track.kind === "subtitles";

/** Shows or hides the video's captions tracks. */
export function setCaptions(video: HTMLVideoElement, showing: boolean): void {
  for (const track of Array.from(video.textTracks)) {
    if (isCaptions(track)) track.mode = showing ? "showing" : "hidden";
  }
}

/** Applies the remembered speed and captions to `video`, and to captions tracks as they are added. */
export function useRememberedPlayback(video: HTMLVideoElement | null): void {
  useEffect(() => {
    if (!video) return;
    const { rate, captions } = readPlayerPreferences();
    if (rate !== undefined) {
      // A new source resets playbackRate to defaultPlaybackRate: set both.
      video.defaultPlaybackRate = rate;
      video.playbackRate = rate;
    }
    if (captions === undefined) return;
    const tracks = video.textTracks;
    const apply = () => setCaptions(video, captions);
    apply();
    tracks.addEventListener("addtrack", apply);
    return () => tracks.removeEventListener("addtrack", apply);
  }, [video]);
}
