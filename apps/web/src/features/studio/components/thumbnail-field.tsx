"use client";

import { MEDIA_FORMAT_NAMES } from "@lumen/contracts";
import { buttonClasses } from "@/components/button-link";
import { CourseThumb } from "@/components/course-thumb";
import { useUpload } from "../use-upload";
import { FilePicker } from "./file-picker";
import { UploadStatus } from "./upload-status";

/** The course's thumbnail: a preview, an image upload with progress, and a way to remove it. */
export function ThumbnailField({
  id,
  courseId,
  title,
  value,
  error,
  onChange,
}: {
  id: string;
  courseId: string;
  title: string;
  value: string | null;
  error?: string | undefined;
  onChange: (url: string | null) => void;
}) {
  const upload = useUpload({ kind: "image", courseId, onUploaded: (asset) => onChange(asset.url) });
  const busy = upload.state.status === "uploading";
  return (
    <fieldset>
      <legend className="text-sm font-medium">Thumbnail</legend>
      <div className="mt-2 flex flex-col gap-4 sm:flex-row sm:items-start">
        <CourseThumb
          url={value}
          title={title || "Course"}
          className="aspect-[16/9] w-full shrink-0 rounded-xl border border-border sm:w-48"
        />
        <div className="min-w-0 flex-1 space-y-3">
          <label htmlFor={id} className="sr-only">
            Upload a thumbnail image
          </label>
          <FilePicker
            id={id}
            accept="image/png,image/jpeg,image/webp,image/gif"
            disabled={busy}
            onPick={upload.start}
            describedBy={`${id}-hint${error ? ` ${id}-error` : ""}`}
            invalid={Boolean(error)}
          />
          <p id={`${id}-hint`} className="text-sm text-muted">
            {MEDIA_FORMAT_NAMES.image}; 16:9 looks best.
          </p>
          {error && (
            <p id={`${id}-error`} className="text-sm text-danger">
              {error}
            </p>
          )}
          <UploadStatus state={upload.state} what="thumbnail" onCancel={upload.cancel} onRetry={upload.retry} />
          {value && !busy && (
            <button
              type="button"
              onClick={() => {
                upload.reset();
                onChange(null);
              }}
              className={`${buttonClasses("ghost", "sm")} -ml-3`}
            >
              Remove thumbnail
            </button>
          )}
        </div>
      </div>
    </fieldset>
  );
}
