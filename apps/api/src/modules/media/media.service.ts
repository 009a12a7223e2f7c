import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import {
  DEMO_MEDIA_PREFIX,
  demoVideoFromUrl,
  isDemoImageUrl,
  MEDIA_CONTENT_TYPES,
  MEDIA_FORMAT_NAMES,
  type MediaAsset,
  type MediaKind,
  mediaPath,
  mediaUploadFieldsSchema,
  parseMediaUrl,
} from "@lumen/contracts";
import type { FastifyBaseLogger } from "fastify";
import { AppError, forbidden, notFound, unauthorized } from "../../lib/errors.js";
import type { AccessService } from "../access/access.service.js";
import type { AuthContext } from "../auth/auth.service.js";
import { type DeliveryRequest, planDelivery } from "./media.delivery.js";
import type { MediaAssetRow, MediaRepo } from "./media.repo.js";
import type { MediaSigner } from "./media.signing.js";
import { SNIFF_BYTES, sniffMedia } from "./media.sniff.js";
import { type StorageDriver, StorageNotFoundError } from "./storage-driver.js";

/** One part of a multipart upload, as the HTTP layer hands it over (a file part is a stream, read once). */
export type UploadPart =
  | { type: "field"; fieldname: string; value: unknown }
  | { type: "file"; fieldname: string; file: Readable };

export interface ServedMedia {
  status: 200 | 206 | 304;
  headers: Record<string, string>;
  /** Null for 304 and HEAD. */
  body: Readable | null;
}

/** A narrower kind of image upload (avatars): its types, its size limit, and the storage folder it goes to. */
export interface OwnImageRules {
  contentTypes: readonly string[];
  maxBytes: number;
  /** The accepted formats in words, for the error ("PNG, JPEG or WebP"). */
  names: string;
  keyPrefix: string;
  /**
   * Rewrites the accepted bytes before they are stored (avatars: decoded, cropped and re-encoded, which drops EXIF
   * and GPS metadata and anything hidden after the picture). Throws when the bytes are not a readable picture.
   */
  reencode?: (bytes: Buffer) => Promise<{ bytes: Buffer; contentType: string }>;
}

const UPLOAD_FIELDS = new Set(["kind", "course_id"]);
const PUBLIC_IMMUTABLE = "public, max-age=31536000, immutable";
const A_KIND: Record<MediaKind, string> = { video: "a video", image: "an image" };

const invalidField = (field: string, message: string) =>
  new AppError("VALIDATION_ERROR", message, { in: "body", fields: { [field]: [message] } });

const accepted = () => ({ accepted: MEDIA_CONTENT_TYPES });

export function presentMediaAsset(row: MediaAssetRow, playbackUrl: string): MediaAsset {
  return {
    id: row.id,
    kind: row.kind,
    content_type: row.contentType,
    byte_size: row.byteSize,
    sha256: row.sha256,
    owner_id: row.ownerId,
    course_id: row.courseId,
    url: mediaPath(row.id),
    playback_url: playbackUrl,
    created_at: row.createdAt.toISOString(),
  };
}

export function createMediaService(deps: {
  repo: MediaRepo;
  storage: StorageDriver;
  access: Pick<AccessService, "canManage" | "managedCourse" | "readableLesson">;
  signer: MediaSigner;
  limits: { maxVideoBytes: number; maxImageBytes: number };
  log: Pick<FastifyBaseLogger, "warn">;
}) {
  const { repo, storage, access, signer, limits, log } = deps;
  const maxBytes: Record<MediaKind, number> = { video: limits.maxVideoBytes, image: limits.maxImageBytes };

  const playbackUrl = (row: Pick<MediaAssetRow, "id" | "kind">) =>
    row.kind === "video" ? signer.url(row.id) : mediaPath(row.id);

  /** Best effort: the request's own error matters more than a failed cleanup, which is logged. */
  const discard = (key: string) =>
    storage.delete(key).catch((err: unknown) => log.warn({ err, key }, "could not delete an abandoned upload"));

  /**
   * Sniffs the first bytes, then streams the file to storage while counting and hashing it. Nothing is
   * buffered beyond the sniffed head; an oversized file fails mid-stream and the driver drops what it wrote.
   */
  async function store(file: Readable, expected: MediaKind | undefined, only?: OwnImageRules) {
    const source = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    let exhausted = false;
    const next = async (): Promise<Buffer | null> => {
      const r = await source.next();
      if (r.done) exhausted = true;
      return r.done ? null : r.value;
    };
    try {
      let head = Buffer.alloc(0);
      while (head.length < SNIFF_BYTES && !exhausted) {
        const chunk = await next();
        if (chunk) head = Buffer.concat([head, chunk]);
      }
      if (head.length === 0) throw invalidField("file", "The file is empty");
      const sniffed = sniffMedia(head);
      if (!sniffed.ok) {
        throw new AppError(
          "UNSUPPORTED_MEDIA_TYPE",
          `${sniffed.detected ? `This file is ${sniffed.detected}. ` : "This file's type is not supported. "}Upload a video as ${MEDIA_FORMAT_NAMES.video}, or an image as ${MEDIA_FORMAT_NAMES.image}.`,
          { detected: sniffed.detected, ...accepted() },
        );
      }
      const { kind, contentType } = sniffed;
      if (expected && kind !== expected) {
        throw new AppError(
          "UNSUPPORTED_MEDIA_TYPE",
          `This file is ${A_KIND[kind]} (${contentType}), not ${A_KIND[expected]}: upload ${A_KIND[expected]} as ${MEDIA_FORMAT_NAMES[expected]}.`,
          { detected: contentType, ...accepted() },
        );
      }

      if (only && !only.contentTypes.includes(contentType)) {
        throw new AppError(
          "UNSUPPORTED_MEDIA_TYPE",
          `This file is ${contentType}: upload ${A_KIND[kind]} as ${only.names}.`,
          { detected: contentType, accepted: only.contentTypes },
        );
      }

      const limit = only?.maxBytes ?? maxBytes[kind];
      const hash = createHash("sha256");
      let size = 0;
      async function* counted() {
        for (let chunk: Buffer | null = head; chunk; chunk = exhausted ? null : await next()) {
          size += chunk.length;
          if (size > limit) {
            throw new AppError(
              "PAYLOAD_TOO_LARGE",
              `This ${kind} is larger than the ${formatBytes(limit)} allowed for ${kind}s`,
              { kind, max_bytes: limit },
            );
          }
          hash.update(chunk);
          yield chunk;
        }
      }

      const id = randomUUID();
      const key = `${only?.keyPrefix ?? kind}/${id}`;
      if (only?.reencode) {
        // Small by rule (maxBytes), so held in memory: the stored picture is the re-encoded one, never the upload.
        const chunks: Buffer[] = [];
        for await (const chunk of counted()) chunks.push(chunk);
        let out: { bytes: Buffer; contentType: string };
        try {
          out = await only.reencode(Buffer.concat(chunks));
        } catch {
          throw invalidField("file", `This picture could not be read: upload an intact ${only.names} file`);
        }
        const stored = await storage.put(key, Readable.from([out.bytes]), out.contentType);
        if (stored.size !== out.bytes.length) {
          await discard(key);
          throw new Error(`storage kept ${stored.size} bytes of a ${out.bytes.length}-byte picture`);
        }
        const sha256 = createHash("sha256").update(out.bytes).digest("hex");
        return { id, key, kind, contentType: out.contentType, size: out.bytes.length, sha256 };
      }
      const stored = await storage.put(key, Readable.from(counted()), contentType);
      if (stored.size !== size) {
        await discard(key);
        throw new Error(`storage kept ${stored.size} bytes of a ${size}-byte upload`);
      }
      return { id, key, kind, contentType, size, sha256: hash.digest("hex") };
    } finally {
      // Abandoning the part (an error) destroys its stream, which ends the multipart parsing cleanly.
      if (!exhausted) await source.return?.();
    }
  }

  async function canView(auth: AuthContext, asset: MediaAssetRow & { courseCreatorId: string | null }) {
    if (auth.role === "admin" || asset.ownerId === auth.userId) return true;
    if (asset.courseCreatorId && access.canManage(auth, { creatorId: asset.courseCreatorId })) return true;
    for (const lessonId of await repo.lessonIdsWithVideo(mediaPath(asset.id))) {
      try {
        await access.readableLesson(auth, lessonId);
        return true;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
    }
    return false;
  }

  /** Records stored bytes as the owner's asset; bytes whose row can't be written are deleted, not orphaned. */
  async function record(
    stored: Awaited<ReturnType<typeof store>>,
    ownerId: string,
    courseId: string | null,
  ): Promise<MediaAsset> {
    const { id, key, kind, contentType, size, sha256 } = stored;
    try {
      const row = await repo.insert({
        id,
        ownerId,
        courseId,
        kind,
        contentType,
        byteSize: size,
        storageKey: key,
        sha256,
      });
      return presentMediaAsset(row, playbackUrl(row));
    } catch (err) {
      await discard(key);
      throw err;
    }
  }

  return {
    /** Multipart: optional `kind` and `course_id` fields, then one `file`. */
    async upload(auth: AuthContext, form: AsyncIterable<UploadPart>): Promise<MediaAsset> {
      const fields: Record<string, string> = {};
      let stored: Awaited<ReturnType<typeof store>> | null = null;
      let courseId: string | null = null;
      try {
        for await (const part of form) {
          if (part.type === "field") {
            if (!UPLOAD_FIELDS.has(part.fieldname)) continue;
            if (stored) throw invalidField(part.fieldname, "Send the form fields before the file");
            fields[part.fieldname] = String(part.value);
            continue;
          }
          if (part.fieldname !== "file") {
            throw invalidField(part.fieldname, `Send the file in the field named "file", not "${part.fieldname}"`);
          }
          if (stored) throw invalidField("file", "Send one file per request");
          const parsed = mediaUploadFieldsSchema.safeParse(fields);
          if (!parsed.success) {
            const details: Record<string, string[]> = {};
            for (const issue of parsed.error.issues) {
              const field = issue.path.map(String).join(".") || "_";
              details[field] = [...(details[field] ?? []), issue.message];
            }
            throw new AppError("VALIDATION_ERROR", "Some fields are invalid", { in: "body", fields: details });
          }
          if (parsed.data.course_id) courseId = (await access.managedCourse(auth, parsed.data.course_id)).id;
          stored = await store(part.file, parsed.data.kind);
        }
      } catch (err) {
        if (stored) await discard(stored.key);
        throw err;
      }
      if (!stored) throw invalidField("file", 'Attach the file in a multipart field named "file"');
      return record(stored, auth.userId, courseId);
    },

    /**
     * An image a user keeps for themselves (their avatar): only `only.contentTypes`, at most `only.maxBytes`,
     * sniffed from the bytes like every upload, owned by them and by no course. Served publicly like every image.
     */
    async storeOwnImage(ownerId: string, file: Readable, only: OwnImageRules): Promise<MediaAsset> {
      return record(await store(file, "image", only), ownerId, null);
    },

    /**
     * Forgets one of the user's own uploads stored under `keyPrefix` (a replaced or removed avatar): the row, then the
     * bytes. A URL naming no such upload of theirs is ignored: a profile pointing elsewhere deletes nobody's file,
     * and an image of theirs used as a course picture is never under an avatar's prefix.
     */
    async removeOwnUpload(ownerId: string, url: string, keyPrefix: string): Promise<void> {
      const ref = parseMediaUrl(url);
      if (ref.kind !== "asset") return;
      const key = await repo.removeOwned(ref.id, ownerId, `${keyPrefix}/`);
      if (key) await discard(key);
    },

    /**
     * Images are public. A video needs a valid signed link (what `<video>` elements use) or a Bearer caller
     * who owns it, manages its course, is an admin, or may read a lesson that shows it.
     */
    async serve(
      auth: AuthContext | null,
      id: string,
      query: { exp?: string | undefined; sig?: string | undefined },
      request: DeliveryRequest & { head: boolean },
    ): Promise<ServedMedia> {
      const asset = await repo.find(id);
      if (!asset) throw notFound("Media");
      const headers: Record<string, string> = {
        etag: `"${asset.sha256}"`,
        "last-modified": asset.createdAt.toUTCString(),
        "accept-ranges": "bytes",
      };
      if (asset.kind === "image") {
        headers["cache-control"] = PUBLIC_IMMUTABLE;
      } else if (query.exp !== undefined || query.sig !== undefined) {
        const exp = signer.verify(asset.id, query.exp, query.sig);
        // Private: one learner's link must not be served to others from a shared cache.
        headers["cache-control"] = `private, max-age=${Math.min(signer.secondsLeft(exp), 86_400)}`;
      } else {
        if (!auth) throw unauthorized("This video needs a signed link: open it from its lesson");
        if (!(await canView(auth, asset))) throw forbidden("You don't have access to this video");
        headers["cache-control"] = "private, no-cache";
        headers.vary = "authorization";
      }

      const plan = planDelivery(request, {
        size: asset.byteSize,
        etag: headers.etag ?? "",
        lastModified: asset.createdAt,
      });
      if (plan.status === 304) return { status: 304, headers, body: null };
      const range = plan.status === 206 ? plan.range : undefined;
      headers["content-type"] = asset.contentType;
      headers["content-length"] = String(range ? range.end - range.start + 1 : asset.byteSize);
      if (range) headers["content-range"] = `bytes ${range.start}-${range.end}/${asset.byteSize}`;
      if (request.head) return { status: plan.status, headers, body: null };
      try {
        const object = await storage.get(asset.storageKey, range);
        return { status: plan.status, headers, body: object.body };
      } catch (err) {
        if (err instanceof StorageNotFoundError) throw notFound("The stored file of this media");
        throw err;
      }
    },

    /**
     * The value to store for a lesson's video or a course's thumbnail. External URLs pass through; anything that
     * resolves to the media route (whatever its case or spelling) must name an asset of the right kind the caller
     * may use for this course, and is stored in its canonical form, the only form `videoUrlFor` signs.
     */
    async attachable(
      auth: AuthContext,
      url: string,
      target: { kind: MediaKind; courseId: string | null; field: string },
    ): Promise<string> {
      // A demo video is stored as its plain path: a signed link handed to the editor must not be kept. One that
      // lessons of other courses play (a paid one, perhaps) stays theirs unless an admin places it: otherwise any
      // creator could have it signed for a free lesson of their own.
      const demo = demoVideoFromUrl(url);
      if (demo) {
        const path = `${DEMO_MEDIA_PREFIX}${demo}`;
        const playedIn = auth.role === "admin" ? [] : await repo.coursesWithVideo(path);
        if (playedIn.length > 0 && !(target.courseId !== null && playedIn.includes(target.courseId)))
          throw invalidField(target.field, "This demo video belongs to another course");
        return path;
      }
      const ref = parseMediaUrl(url);
      if (ref.kind === "external") {
        if (isExternalMedia(url) || (target.kind === "image" && isDemoImageUrl(url))) return url;
        throw invalidField(
          target.field,
          "Use an https:// link or the url of a file you uploaded (POST /media): other schemes and paths can't play here",
        );
      }
      if (ref.kind === "invalid")
        throw invalidField(target.field, "Not the URL of an uploaded file: use the url that POST /media returned");
      const asset = await repo.find(ref.id);
      // An avatar (stored under its own prefix, not `<kind>/`) is personal: it goes away with its owner's picture.
      const usable =
        asset?.storageKey.startsWith(`${asset.kind}/`) &&
        (auth.role === "admin" ||
          (target.courseId !== null && asset.courseId === target.courseId) ||
          (asset.courseId === null && asset.ownerId === auth.userId));
      if (!asset || !usable)
        throw invalidField(target.field, "No upload with this id that you can use for this course");
      if (asset.kind !== target.kind) {
        throw invalidField(target.field, `This upload is ${A_KIND[asset.kind]}, not ${A_KIND[target.kind]}`);
      }
      return ref.canonical;
    },

    /**
     * A lesson's stored video URL as its reader gets it: an uploaded or demo video signed, other URLs unchanged. Only the
     * canonical reference that `attachable` checked and stored is ever signed; any other spelling of a media URL
     * (a row written before the check was strict) is withheld rather than signed unchecked.
     */
    videoUrlFor(stored: string | null): string | null {
      if (!stored) return stored;
      const demo = demoVideoFromUrl(stored);
      if (demo) return signer.demoUrl(demo);
      const ref = parseMediaUrl(stored);
      if (ref.kind === "external") return stored;
      return ref.kind === "asset" && ref.canonical === stored ? signer.url(ref.id) : null;
    },
  };
}
export type MediaService = ReturnType<typeof createMediaService>;

/**
 * A link to media hosted elsewhere: https only, to a named host, no credentials. Anything else (javascript:, data:,
 * file:, plain http, a scheme-relative `//host`, a relative path) is a stored hazard for every client that renders
 * it, and the web app's content policy would block it anyway.
 */
function isExternalMedia(url: string): boolean {
  if (!/^https:\/\//i.test(url)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" && parsed.hostname !== "" && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KiB`;
  return `${n} bytes`;
}
