"use client";

import { MEDIA_FORMAT_NAMES } from "@lumen/contracts";
import { useEffect, useMemo, useRef, useState } from "react";
import { buttonClasses } from "@/components/button-link";
import { useCaptionsUrl } from "@/features/learn/use-captions-url";
import { apiMediaUrl } from "@/lib/api-client";
import { describeTranscript } from "../lesson-form";
import { useUpload } from "../use-upload";
import { FilePicker } from "./file-picker";
import { UploadStatus } from "./upload-status";

/**
 * The lesson's video: a preview (with the transcript as captions when it reads), an upload with progress,
 * cancel and retry, and removal. A new upload fills in the lesson's length from the file.
 */
export function VideoField({
  id,
  courseId,
  value,
  playbackUrl,
  transcript,
  onChange,
  onDuration,
}: {
  id: string;
  courseId: string;
  /** The form's video_url. */
  value: string | null;
  /** A URL the browser can play for the saved video (signed by the API), or null. */
  playbackUrl: string | null;
  transcript: string | null;
  onChange: (url: string | null) => void;
  onDuration: (seconds: number) => void;
}) {
  const [preview, setPreview] = useState<string | null>(apiMediaUrl(playbackUrl));
  const fresh = useRef(false);
  const upload = useUpload({
    kind: "video",
    courseId,
    onUploaded: (asset) => {
      fresh.current = true;
      setPreview(apiMediaUrl(asset.playback_url));
      onChange(asset.url);
    },
  });

  // The saved lesson came back (after a save): play what it now holds.
  useEffect(() => {
    if (!fresh.current) setPreview(apiMediaUrl(playbackUrl));
  }, [playbackUrl]);

  // Only a transcript that reads becomes captions: a broken one would fail silently in the player.
  const readable = useMemo(() => describeTranscript(transcript)?.ok === true, [transcript]);
  const captions = useCaptionsUrl(readable ? transcript : null);

  const busy = upload.state.status === "uploading";
  const shown = value ? preview : null;

  return (
    <div className="space-y-3">
      {shown ? (
        // biome-ignore lint/a11y/useMediaCaption: captions come from the transcript when there is one
        <video
          key={shown}
          src={shown}
          controls
          preload="metadata"
          aria-label="Video preview"
          onLoadedMetadata={(event) => {
            const seconds = event.currentTarget.duration;
            if (fresh.current && Number.isFinite(seconds) && seconds > 0) onDuration(Math.round(seconds));
          }}
          className="aspect-video w-full rounded-xl border border-border bg-black"
        >
          {captions && <track kind="captions" src={captions} srcLang="en" label="Transcript" />}
        </video>
      ) : value ? (
        <p className="rounded-xl border border-border px-4 py-3 text-sm text-muted">
          This lesson links to a video at <span className="break-all">{value}</span>.
        </p>
      ) : (
        <p className="rounded-xl border border-dashed border-border-strong/50 px-4 py-6 text-center text-sm text-muted">
          No video yet.
        </p>
      )}
      <div>
        <label htmlFor={id} className="text-sm font-medium">
          {value ? "Replace the video" : "Upload a video"}
        </label>
        <div className="mt-1.5">
          <FilePicker
            id={id}
            accept="video/webm,video/mp4,video/ogg,video/x-matroska,.webm,.mp4,.mkv,.ogv"
            disabled={busy}
            onPick={upload.start}
            describedBy={`${id}-hint`}
          />
        </div>
        <p id={`${id}-hint`} className="mt-1.5 text-sm text-muted">
          {MEDIA_FORMAT_NAMES.video}. It becomes the lesson's video when you save the lesson.
        </p>
      </div>
      <UploadStatus state={upload.state} what="video" onCancel={upload.cancel} onRetry={upload.retry} />
      {value && !busy && (
        <button
          type="button"
          onClick={() => {
            upload.reset();
            onChange(null);
          }}
          className={`${buttonClasses("ghost", "sm")} -ml-3`}
        >
          Remove video
        </button>
      )}
    </div>
  );
}
