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
const MEDIA_PATH = /^\/api\/v1\/media\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[?#].*)?$/i;

/** The stored reference of an uploaded asset: `/api/v1/media/{id}`. */
export const mediaPath = (id: string) => `${MEDIA_PATH_PREFIX}${id}`;

/** True for API-relative media URLs (with or without a signature), which must name an uploaded asset. */
export const isMediaPath = (url: string) => url.startsWith(MEDIA_PATH_PREFIX);

/** The asset id of an API-relative media URL (a signed one too), or null. */
export function mediaAssetIdFromUrl(url: string): string | null {
  return MEDIA_PATH.exec(url)?.[1]?.toLowerCase() ?? null;
}

/** Demo media shipped with the seed; its videos are served like uploads, through signed links only. */
export const DEMO_MEDIA_PREFIX = "/media/demo/";
const DEMO_VIDEO = /^\/media\/demo\/([A-Za-z0-9][A-Za-z0-9._-]{0,200}\.(?:webm|mp4))(?:[?#].*)?$/;

/** The file name of a demo video URL (a signed one too), or null. */
export function demoVideoFromUrl(url: string): string | null {
  return DEMO_VIDEO.exec(url)?.[1] ?? null;
}
