"use client";

import {
  MediaControlBar,
  MediaController,
  MediaFullscreenButton,
  MediaLoadingIndicator,
  MediaMuteButton,
  MediaPlayButton,
  MediaSeekBackwardButton,
  MediaSeekForwardButton,
  MediaTimeRange,
  MediaVolumeRange,
} from "media-chrome/react";
import { type CSSProperties, useCallback, useId, useState } from "react";
import { CaptionsButton, PlayerTime, SpeedButton } from "./player-controls";
import { useRememberedPlayback } from "./player-preferences";
import { useCaptionsUrl } from "./use-captions-url";

const RATES = [0.75, 1, 1.25, 1.5, 2] as const;

const PLAYER_THEME = {
  "--media-primary-color": "#ffffff",
  "--media-secondary-color": "rgb(13 15 20 / 0.72)",
  "--media-control-background": "transparent",
  "--media-control-hover-background": "rgb(255 255 255 / 0.12)",
  "--media-range-track-background": "rgb(255 255 255 / 0.3)",
  "--media-range-bar-color": "var(--lumen-primary)",
  "--media-font-family": "var(--font-sans)",
  width: "100%",
  aspectRatio: "16 / 9",
} as CSSProperties;

/** The player's colours without its box, for the phone's controls under the picture. */
const { width: _width, aspectRatio: _aspectRatio, ...PLAYER_THEME_COLORS } = PLAYER_THEME as Record<string, unknown>;

const CONTROL_BAR_SHADE = {
  backgroundImage: "linear-gradient(to top, rgb(0 0 0 / 0.72), rgb(0 0 0 / 0.35) 60%, transparent)",
  paddingTop: "1.25rem",
  paddingInline: "0.25rem",
} as CSSProperties;

/** Phone touch targets: at least 44 px square (WCAG 2.5.5), never squeezed by the row. */
const TOUCH = "min-h-11 min-w-11 shrink-0";

/**
 * The lesson video: media-chrome's accessible controls (keyboard, captions, speed, fullscreen) around a plain
 * <video>, captions from the lesson's WebVTT. The element is handed to `onVideo` so the learning room can
 * seek it and report progress. On a phone the controls sit under the picture (attached to the controller by id)
 * instead of over it: they never cover the captions, the seek bar gets a row of its own across the full width,
 * and every button is a 44 px touch target.
 */
export default function VideoPlayer({
  src,
  captionsVtt,
  title,
  onVideo,
}: {
  src: string;
  captionsVtt: string | null;
  title: string;
  onVideo: (video: HTMLVideoElement | null) => void;
}) {
  const controllerId = `player-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  // media-chrome's attribute for controls outside the controller (its React types don't list it).
  const attachTo = { mediacontroller: controllerId };
  const captionsUrl = useCaptionsUrl(captionsVtt);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  useRememberedPlayback(video);
  const attach = useCallback(
    (element: HTMLVideoElement | null) => {
      setVideo(element);
      onVideo(element);
    },
    [onVideo],
  );

  return (
    <div className="overflow-hidden rounded-card bg-black shadow-card">
      <MediaController id={controllerId} style={PLAYER_THEME} className="block">
        {/* biome-ignore lint/a11y/useMediaCaption: the captions track is added as soon as its blob URL exists */}
        <video
          slot="media"
          ref={attach}
          src={src}
          preload="metadata"
          playsInline
          aria-label={`Video: ${title}`}
          className="size-full"
        >
          {captionsUrl && <track kind="captions" src={captionsUrl} srcLang="en" label="English" />}
        </video>
        <MediaLoadingIndicator slot="centered-chrome" noAutohide />
        {/* A soft shade under the controls keeps them readable over light frames and text burned into a video. */}
        <MediaControlBar style={CONTROL_BAR_SHADE} className="max-sm:hidden">
          <MediaPlayButton />
          <MediaSeekBackwardButton seekOffset={10} />
          <MediaSeekForwardButton seekOffset={10} />
          <MediaTimeRange />
          <PlayerTime video={video} />
          <MediaMuteButton />
          <MediaVolumeRange />
          <SpeedButton video={video} rates={RATES} />
          {captionsUrl && <CaptionsButton video={video} />}
          <MediaFullscreenButton />
        </MediaControlBar>
      </MediaController>
      {/* Phones: under the picture. Their own buttons set the volume, so there is no volume slider. */}
      <div data-phone-controls className="sm:hidden" style={PLAYER_THEME_COLORS}>
        <MediaControlBar {...attachTo} className="flex w-full">
          <MediaTimeRange className="h-11 min-w-0 flex-1" />
        </MediaControlBar>
        <MediaControlBar {...attachTo} className="flex w-full items-center">
          <MediaPlayButton className={TOUCH} />
          <MediaSeekBackwardButton seekOffset={10} className={TOUCH} />
          <MediaSeekForwardButton seekOffset={10} className={TOUCH} />
          <PlayerTime video={video} />
          <span className="flex-1" />
          <SpeedButton video={video} rates={RATES} />
          {captionsUrl && <CaptionsButton video={video} />}
          <MediaFullscreenButton className={TOUCH} />
        </MediaControlBar>
      </div>
    </div>
  );
}
