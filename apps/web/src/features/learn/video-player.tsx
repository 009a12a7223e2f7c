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
import { type CSSProperties, useCallback, useState } from "react";
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

const CONTROL_BAR_SHADE = {
  backgroundImage: "linear-gradient(to top, rgb(0 0 0 / 0.72), rgb(0 0 0 / 0.35) 60%, transparent)",
  paddingTop: "1.25rem",
  paddingInline: "0.25rem",
} as CSSProperties;

/**
 * The lesson video: media-chrome's accessible controls (keyboard, captions, speed, fullscreen) around a plain
 * <video>, captions from the lesson's WebVTT. The element is handed to `onVideo` so the learning room can
 * seek it and report progress.
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
    <MediaController style={PLAYER_THEME} className="block overflow-hidden rounded-card bg-black shadow-card">
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
      <MediaControlBar style={CONTROL_BAR_SHADE}>
        <MediaPlayButton />
        <MediaSeekBackwardButton seekOffset={10} />
        <MediaSeekForwardButton seekOffset={10} />
        <MediaTimeRange />
        <PlayerTime video={video} />
        <MediaMuteButton />
        {/* Phones set the volume with their own buttons; the slider would squeeze the seek bar to nothing. */}
        <MediaVolumeRange className="max-sm:hidden" />
        <SpeedButton video={video} rates={RATES} />
        {captionsUrl && <CaptionsButton video={video} />}
        <MediaFullscreenButton />
      </MediaControlBar>
    </MediaController>
  );
}
