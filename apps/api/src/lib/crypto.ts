import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** ≥ 256-bit URL-safe random token (refresh, verification and reset tokens). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Tokens are high-entropy, so a plain SHA-256 is the right at-rest form (no salt or slow hash needed). */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

const PREFIX = "v1";

/**
 * AES-256-GCM for sensitive fields at rest. Output: `v1.<iv>.<tag>.<ciphertext>` (base64url parts); a fresh
 * 96-bit IV per value. Sub-keys are derived from ENCRYPTION_KEY so the HMAC key never equals the cipher key.
 */
export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error("encryption key must be 32 bytes");
    this.encKey = createHmac("sha256", masterKey).update("lumen:field-encryption").digest();
    this.macKey = createHmac("sha256", masterKey).update("lumen:keyed-hash").digest();
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.encKey, iv);
    const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return [PREFIX, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(
      ".",
    );
  }

  decrypt(sealed: string): string {
    const [prefix, iv, tag, ct] = sealed.split(".");
    if (prefix !== PREFIX || !iv || !tag || ct === undefined) throw new Error("not an encrypted value");
    const decipher = createDecipheriv("aes-256-gcm", this.encKey, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
  }

  encryptNullable(plain: string | null | undefined): string | null {
    return plain == null ? null : this.encrypt(plain);
  }

  decryptNullable(sealed: string | null | undefined): string | null {
    return sealed == null ? null : this.decrypt(sealed);
  }

  /** Deterministic keyed hash: lets us count by a value (e.g. client IP) without storing it. */
  keyedHash(value: string): string {
    return createHmac("sha256", this.macKey).update(value).digest("base64url");
  }
}
