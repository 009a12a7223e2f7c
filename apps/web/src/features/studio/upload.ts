import { type MediaAsset, type MediaKind, mediaAssetSchema } from "@lumen/contracts";
import { currentAccessToken, refreshSession } from "@/features/auth/session";
import { ApiError, readEnvelope } from "@/lib/api-client";

/** Thrown (rejected) when the person cancels an upload: not a failure to report. */
export class UploadCancelled extends Error {
  override readonly name = "UploadCancelled";
  constructor() {
    super("The upload was cancelled.");
  }
}

export interface UploadHandle {
  promise: Promise<MediaAsset>;
  cancel(): void;
}

export interface UploadRequest {
  file: File;
  kind: MediaKind;
  courseId: string;
  /** 0–1, as the bytes leave the browser. */
  onProgress?: (fraction: number) => void;
}

const ENDPOINT = "/api/v1/media";

function readUploadAnswer(xhr: XMLHttpRequest): MediaAsset {
  let json: unknown;
  try {
    json = JSON.parse(xhr.responseText);
  } catch {
    json = undefined;
  }
  return readEnvelope(
    json,
    xhr.status,
    mediaAssetSchema,
    `The upload got an answer we couldn't read (HTTP ${xhr.status || "none"}).`,
  );
}

/**
 * One POST /media as multipart, with XMLHttpRequest because fetch reports no upload progress. The form fields
 * go before the file (the API reads them first). Goes through the web app's same-origin gateway.
 */
function send(request: UploadRequest, token: string | null, onXhr: (xhr: XMLHttpRequest) => void) {
  return new Promise<MediaAsset>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    onXhr(xhr);
    const form = new FormData();
    form.append("kind", request.kind);
    form.append("course_id", request.courseId);
    form.append("file", request.file, request.file.name);
    xhr.open("POST", ENDPOINT);
    xhr.setRequestHeader("accept", "application/json");
    if (token) xhr.setRequestHeader("authorization", `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) request.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      try {
        resolve(readUploadAnswer(xhr));
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () =>
      reject(
        new ApiError(
          "NETWORK_ERROR",
          "The connection dropped during the upload. Check your connection and try again.",
          0,
        ),
      );
    xhr.onabort = () => reject(new UploadCancelled());
    xhr.send(form);
  });
}

/** Uploads a file for a course; renews the session once and tries again if the token was refused. */
export function uploadMedia(request: UploadRequest): UploadHandle {
  let current: XMLHttpRequest | null = null;
  let cancelled = false;
  const track = (xhr: XMLHttpRequest) => {
    current = xhr;
  };
  const promise = (async () => {
    const token = await currentAccessToken();
    if (cancelled) throw new UploadCancelled();
    try {
      return await send(request, token, track);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401 || cancelled) throw error;
      if (!(await refreshSession())) throw error;
      request.onProgress?.(0);
      return send(request, await currentAccessToken(), track);
    }
  })();
  return {
    promise,
    cancel() {
      cancelled = true;
      (current as XMLHttpRequest | null)?.abort();
    },
  };
}
