import { AVATAR_CONTENT_TYPES, AVATAR_MAX_BYTES, type User } from "@lumen/contracts";
import type { PublicReads } from "../../lib/cache-public.js";
import type { FieldCipher } from "../../lib/crypto.js";
import { AppError, unauthorized } from "../../lib/errors.js";
import type { MediaService, OwnImageRules, UploadPart } from "../media/media.service.js";
import { presentUser } from "../user/user.presenter.js";
import type { UserRepo } from "../user/user.repo.js";
import { publicPagesChanged } from "../user/user.service.js";
import { reencodeAvatar } from "./avatar.image.js";

/** Avatars are stored apart from course media, so they can never be attached to a course and vanish with it. */
export const AVATAR_KEY_PREFIX = "avatar";

/**
 * PNG, JPEG or WebP only (no GIF, no SVG), recognised from the bytes; at most AVATAR_MAX_BYTES; stored re-encoded
 * as a WebP square without the upload's metadata (reencodeAvatar).
 */
export const AVATAR_RULES: OwnImageRules = {
  contentTypes: AVATAR_CONTENT_TYPES,
  maxBytes: AVATAR_MAX_BYTES,
  names: "PNG, JPEG or WebP",
  keyPrefix: AVATAR_KEY_PREFIX,
  reencode: reencodeAvatar,
};

const invalidFile = (message: string) =>
  new AppError("VALIDATION_ERROR", message, { in: "body", fields: { file: [message] } });

export function createAvatarService(deps: {
  users: Pick<UserRepo, "findById" | "updateProfile" | "coursesShowing">;
  media: Pick<MediaService, "storeOwnImage" | "removeOwnUpload">;
  cipher: FieldCipher;
  /** Reviews on cached course pages show the picture. */
  cache: Pick<PublicReads, "courseChanged">;
}) {
  const { users, media, cipher } = deps;

  /** Points the profile at `url` (null removes it), then forgets the picture it replaced. */
  async function setAvatar(userId: string, url: string | null): Promise<User> {
    const before = await users.findById(userId);
    if (!before) throw unauthorized("Account no longer exists");
    const row = await users.updateProfile(userId, { profile: { avatar_url: url } });
    if (!row) throw unauthorized("Account no longer exists");
    const previous = before.profile.avatar_url;
    if (previous && previous !== url) await media.removeOwnUpload(userId, previous, AVATAR_KEY_PREFIX);
    if ((previous ?? null) !== url) await publicPagesChanged(deps, userId);
    return presentUser(row, cipher);
  }

  return {
    /** Multipart with one part named `file`; other fields are ignored. */
    async replace(userId: string, form: AsyncIterable<UploadPart>): Promise<User> {
      let url: string | null = null;
      try {
        for await (const part of form) {
          if (part.type === "field") continue;
          if (part.fieldname !== "file") {
            throw invalidFile(`Send the picture in the field named "file", not "${part.fieldname}"`);
          }
          if (url) throw invalidFile("Send one picture");
          url = (await media.storeOwnImage(userId, part.file, AVATAR_RULES)).url;
        }
      } catch (err) {
        if (url) await media.removeOwnUpload(userId, url, AVATAR_KEY_PREFIX);
        throw err;
      }
      if (!url) throw invalidFile('Attach the picture in a multipart field named "file"');
      return setAvatar(userId, url);
    },

    /** Back to the initials. Idempotent. */
    remove: (userId: string) => setAvatar(userId, null),
  };
}
export type AvatarService = ReturnType<typeof createAvatarService>;
