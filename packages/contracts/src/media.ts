import { z } from "zod";

/** What can be uploaded: lesson videos and images (course thumbnails). */
export const MEDIA_KINDS = ["video", "image"] as const;
export const mediaKindSchema = z.enum(MEDIA_KINDS);
export type MediaKind = z.infer<typeof mediaKindSchema>;

/** Types recognised from the file's first bytes; the file name and the client's Content-Type are never trusted. */
export const MEDIA_CONTENT_TYPES = {
  video: ["video/webm", "video/x-matroska", "video/mp4", "video/ogg"],
  image: ["image/png", "image/jpeg", "image/webp", "image/gif"],
} as const satisfies Record<MediaKind, readonly string[]>;

/** Human names of the accepted formats, for error messages and forms. */
export const MEDIA_FORMAT_NAMES: Record<MediaKind, string> = {
  video: "WebM, Matroska, MP4 or Ogg",
  image: "PNG, JPEG, WebP or GIF",
};

/** Form fields of `POST /media`; they must come before the `file` part of the multipart body. */
export const mediaUploadFieldsSchema = z.object({
  /** Optional: the kind is sniffed from the content; when given, the file must be of this kind. */
  kind: mediaKindSchema.optional(),
  /** The course the file is for (you must be able to edit it); omit to keep it in your own library. */
  course_id: z.uuid().optional(),
});
export type MediaUploadFields = z.infer<typeof mediaUploadFieldsSchema>;

export const mediaAssetSchema = z.object({
  id: z.string(),
  kind: mediaKindSchema,
  content_type: z.string(),
  byte_size: z.number().int(),
  sha256: z.string(),
  owner_id: z.string(),
  course_id: z.string().nullable(),
  /** The asset's stable reference: put it in a lesson's `video_url` or a course's `thumbnail_url`. */
  url: z.string(),
  /** A URL a `<video>` or `<img>` can load now: signed and short-lived for videos, the public `url` for images. */
  playback_url: z.string(),
  created_at: z.string(),
});
export type MediaAsset = z.infer<typeof mediaAssetSchema>;

/** Query of `GET /media/{id}`: the signature that lets a `<video>` element load a video without a Bearer header. */
export const mediaAccessQuerySchema = z.object({
  exp: z.string().max(20).optional(),
  sig: z.string().max(200).optional(),
});

export const MEDIA_PATH_PREFIX = "/api/v1/media/";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Any origin will do: it only lets the WHATWG parser resolve a relative reference the way a browser would. */
const RESOLVE_BASE = "http://lumen.invalid";

/** The stored reference of an uploaded asset: `/api/v1/media/{id}`. */
export const mediaPath = (id: string) => `${MEDIA_PATH_PREFIX}${id}`;

/**
 * What a lesson's `video_url` or a course's `thumbnail_url` names:
 * - `asset`: an uploaded file, by id (lower case); `canonical` is its one stored form, `/api/v1/media/{id}`;
 * - `invalid`: something a browser or the router would take to the media route, but not one asset's plain URL;
 * - `external`: anything else (a CDN link, a demo file), which the API neither checks nor signs.
 */
export type MediaUrl = { kind: "asset"; id: string; canonical: string } | { kind: "invalid" } | { kind: "external" };

/**
 * The one reader of media URLs, for the ownership check and for signing alike (they must agree on every input,
 * or a URL that one reads as "external" the other signs as someone else's asset). It reads a URL the way the
 * path would be resolved: letter case, backslashes, percent-escapes, doubled slashes and dot segments all
 * normalised, so `/API/v1/media/{id}`, `/api/v1//media/{id}` or `/api/v1/%6Dedia/{id}` are media URLs too.
 */
export function parseMediaUrl(url: string): MediaUrl {
  const raw = url.trim();
  let resolved: URL;
  try {
    resolved = new URL(raw.replace(/\\/g, "/"), RESOLVE_BASE);
  } catch {
    return { kind: "external" };
  }
  // Absolute URLs (another host) are external; a scheme-relative `//host/...` resolves to that host too.
  if (resolved.origin !== RESOLVE_BASE) return { kind: "external" };
  let path: string;
  try {
    path = decodeURIComponent(resolved.pathname);
  } catch {
    path = resolved.pathname;
  }
  const segments = path
    .toLowerCase()
    .split("/")
    .filter((s) => s !== "" && s !== ".");
  if (segments[0] !== "api" || segments[1] !== "v1" || segments[2] !== "media") return { kind: "external" };
  const id = segments[3];
  if (segments.length !== 4 || !id || !UUID.test(id)) return { kind: "invalid" };
  return { kind: "asset", id, canonical: mediaPath(id) };
}

/** Demo media shipped with the seed; its videos are served like uploads, through signed links only. */
export const DEMO_MEDIA_PREFIX = "/media/demo/";
/** A demo file's name: a plain name, no path. Videos play through signed links; thumbnails (SVG) are public. */
const DEMO_NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,200}";
const DEMO_VIDEO_NAME = new RegExp(`^${DEMO_NAME}\\.(?:webm|mp4)$`);
const DEMO_IMAGE_NAME = new RegExp(`^${DEMO_NAME}\\.svg$`);
const DEMO_VIDEO = new RegExp(`^/media/demo/(${DEMO_NAME}\\.(?:webm|mp4))(?:[?#].*)?$`);

/** Which kind of demo file a (decoded) file name is, or null for anything else. */
export function demoFileKind(name: string): "video" | "image" | null {
  return DEMO_VIDEO_NAME.test(name) ? "video" : DEMO_IMAGE_NAME.test(name) ? "image" : null;
}

/** The file name of a demo video URL (a signed one too), or null. */
export function demoVideoFromUrl(url: string): string | null {
  return DEMO_VIDEO.exec(url)?.[1] ?? null;
}

/** Whether a URL is a demo thumbnail's stored path. */
export function isDemoImageUrl(url: string): boolean {
  return url.startsWith(DEMO_MEDIA_PREFIX) && demoFileKind(url.slice(DEMO_MEDIA_PREFIX.length)) === "image";
}
