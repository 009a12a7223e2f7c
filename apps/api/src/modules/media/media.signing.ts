import { createHmac } from "node:crypto";
import { DEMO_MEDIA_PREFIX, mediaPath } from "@lumen/contracts";
import { safeEqual } from "../../lib/crypto.js";
import { AppError } from "../../lib/errors.js";

/** The URL-signing key, derived from ENCRYPTION_KEY so it is never the key that encrypts data. */
export function mediaSigningKey(masterKey: Buffer): Buffer {
  return createHmac("sha256", masterKey).update("lumen:media-url-signing").digest();
}

const signature = (key: Buffer, assetId: string, exp: number) =>
  createHmac("sha256", key).update(`media:${assetId}:${exp}`).digest("base64url");

/** `/api/v1/media/{id}?exp=…&sig=…`: the signature binds the asset id to the expiry (Unix seconds). */
export function signedMediaPath(key: Buffer, assetId: string, exp: number): string {
  return `${mediaPath(assetId)}?exp=${exp}&sig=${signature(key, assetId, exp)}`;
}

/**
 * Short-lived links for `<video>` elements, which cannot send a Bearer header. The expiry is rounded up to a
 * quarter of the lifetime, so every page load in that quarter gets the same URL (browser caches hit) and a
 * link lives between `ttlSeconds` and 1.25 × `ttlSeconds`.
 */
export function createMediaSigner(masterKey: Buffer, ttlSeconds: number, now: () => number = Date.now) {
  const key = mediaSigningKey(masterKey);
  const step = Math.max(1, Math.floor(ttlSeconds / 4));
  const nowSeconds = () => Math.floor(now() / 1000);

  const expiry = () => Math.ceil((nowSeconds() + ttlSeconds) / step) * step;

  return {
    url(assetId: string): string {
      return signedMediaPath(key, assetId, expiry());
    },

    /**
     * `/media/demo/{file}?exp=…&sig=…` for a demo video. Its signed id `demo/{file}` can never be an asset's
     * (asset ids are UUIDs), so one signature is never valid for the other.
     */
    demoUrl(file: string): string {
      const exp = expiry();
      return `${DEMO_MEDIA_PREFIX}${file}?exp=${exp}&sig=${signature(key, `demo/${file}`, exp)}`;
    },

    /** The expiry of a valid, unexpired signature; a 403 naming the reason otherwise. */
    verify(assetId: string, exp: string | undefined, sig: string | undefined): number {
      const expiry = exp !== undefined && /^\d{1,12}$/.test(exp) ? Number(exp) : Number.NaN;
      if (!sig || Number.isNaN(expiry) || !safeEqual(sig, signature(key, assetId, expiry))) {
        throw new AppError("FORBIDDEN", "This media link is not valid: open the video from its lesson again", {
          reason: "invalid_signature",
        });
      }
      if (expiry <= nowSeconds()) {
        throw new AppError("FORBIDDEN", "This media link has expired: reload the lesson to get a fresh one", {
          reason: "expired",
        });
      }
      return expiry;
    },

    /** Seconds until `exp`, for Cache-Control. */
    secondsLeft: (exp: number) => Math.max(0, exp - nowSeconds()),
  };
}
export type MediaSigner = ReturnType<typeof createMediaSigner>;
