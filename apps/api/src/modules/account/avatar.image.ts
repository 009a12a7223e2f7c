import sharp from "sharp";

/** The largest side an avatar is kept at: sharp on a 2× screen for the 96 px profile picture, and then some. */
export const AVATAR_SIDE = 512;
/** A picture of more pixels than this is refused before it is decoded (a small file can declare a huge canvas). */
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * Decodes an uploaded avatar, turns it upright (EXIF orientation), crops it to a centred square of at most
 * AVATAR_SIDE and encodes it as WebP. Nothing of the upload survives but its pixels: no EXIF (camera, GPS
 * position, date), no ICC comments, no bytes appended after the image, only the first frame of an animation.
 * Throws when the bytes are not a decodable PNG, JPEG or WebP.
 */
export async function reencodeAvatar(bytes: Buffer): Promise<{ bytes: Buffer; contentType: "image/webp" }> {
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error", animated: false } as const;
  const { width, height, autoOrient } = await sharp(bytes, options).metadata();
  const side = Math.min(AVATAR_SIDE, autoOrient?.width ?? width, autoOrient?.height ?? height);
  if (!side) throw new Error("the picture has no pixels");
  const out = await sharp(bytes, options)
    .rotate()
    .resize(side, side, { fit: "cover", position: "centre" })
    .webp({ quality: 82 })
    .toBuffer();
  return { bytes: out, contentType: "image/webp" };
}
