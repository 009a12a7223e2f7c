"use client";

import type { MediaAsset, MediaKind } from "@lumen/contracts";
import { useCallback, useEffect, useRef, useState } from "react";
import { isApiError } from "@/lib/api-client";
import { errorText } from "@/lib/error-text";
import { useUnsavedChanges } from "./unsaved-changes";
import { UploadCancelled, type UploadHandle, uploadMedia } from "./upload";

export type UploadState =
  | { status: "idle" }
  | { status: "uploading"; fileName: string; progress: number }
  /** `retryable`: sending the same file again may work (a dropped connection), unlike a file that is refused. */
  | { status: "failed"; fileName: string; message: string; retryable: boolean }
  | { status: "done"; fileName: string; asset: MediaAsset };

/** The file itself was refused: the same file will be refused again. */
const REFUSED = new Set(["PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "VALIDATION_ERROR"]);

/**
 * One file input's upload: progress, cancel, and retry of the same file after a failure. `onUploaded` gets the
 * stored asset (its `url` is what a lesson or course keeps).
 */
export function useUpload(opts: { kind: MediaKind; courseId: string; onUploaded: (asset: MediaAsset) => void }) {
  const [state, setState] = useState<UploadState>({ status: "idle" });
  const handle = useRef<UploadHandle | null>(null);
  const lastFile = useRef<File | null>(null);
  const onUploaded = useRef(opts.onUploaded);
  useEffect(() => {
    onUploaded.current = opts.onUploaded;
  });
  const { kind, courseId } = opts;

  // Leaving the page stops an upload in flight rather than letting it finish unseen: so leaving asks first.
  useEffect(() => () => handle.current?.cancel(), []);
  useUnsavedChanges(`upload-${kind}-${courseId}`, `the ${kind} upload in progress`, state.status === "uploading");

  const start = useCallback(
    (file: File) => {
      handle.current?.cancel();
      lastFile.current = file;
      setState({ status: "uploading", fileName: file.name, progress: 0 });
      const upload = uploadMedia({
        file,
        kind,
        courseId,
        onProgress: (fraction) =>
          setState((s) => (s.status === "uploading" ? { ...s, progress: Math.round(fraction * 100) } : s)),
      });
      handle.current = upload;
      upload.promise.then(
        (asset) => {
          if (handle.current !== upload) return;
          handle.current = null;
          setState({ status: "done", fileName: file.name, asset });
          onUploaded.current(asset);
        },
        (error: unknown) => {
          if (handle.current !== upload) return;
          handle.current = null;
          if (error instanceof UploadCancelled) {
            setState({ status: "idle" });
            return;
          }
          const refused = isApiError(error) && REFUSED.has(error.code);
          setState({
            status: "failed",
            fileName: file.name,
            message: errorText(error, "The upload failed."),
            retryable: !refused,
          });
        },
      );
    },
    [kind, courseId],
  );

  const cancel = useCallback(() => handle.current?.cancel(), []);
  const retry = useCallback(() => {
    if (lastFile.current) start(lastFile.current);
  }, [start]);
  const reset = useCallback(() => {
    handle.current?.cancel();
    setState({ status: "idle" });
  }, []);

  return { state, start, cancel, retry, reset };
}
