import { createHmac } from "node:crypto";
import { NOTIFICATION_KINDS } from "@lumen/contracts";
import { safeEqual } from "../../lib/crypto.js";
import { WEEKLY_KIND } from "./notification.catalogue.js";

export type UnsubscribableKind = (typeof NOTIFICATION_KINDS)[number] | typeof WEEKLY_KIND;
/** An HMAC-SHA256 in base64url. */
const MAC_LENGTH = 43;
const KINDS = new Set<string>([...NOTIFICATION_KINDS, WEEKLY_KIND]);

/**
 * Unsubscribe links: `<base64url(userId.kind)><HMAC>` (the MAC is its last 43 characters, so the token is one
 * URL-safe word that mail clients don't split) under a key derived from ENCRYPTION_KEY. They never expire
 * (an old email's link must still work) and only ever turn one kind's email off, so a leaked link can do no more.
 */
export function createUnsubscribeTokens(masterKey: Buffer) {
  const key = createHmac("sha256", masterKey).update("lumen:notification-unsubscribe").digest();
  const mac = (payload: string) => createHmac("sha256", key).update(payload).digest("base64url");
  return {
    sign(userId: string, kind: UnsubscribableKind): string {
      const payload = Buffer.from(`${userId}.${kind}`).toString("base64url");
      return `${payload}${mac(payload)}`;
    },
    /** The user and kind, or null for a forged, altered or malformed token. */
    verify(token: string): { userId: string; kind: UnsubscribableKind } | null {
      const payload = token.slice(0, -MAC_LENGTH);
      const sig = token.slice(-MAC_LENGTH);
      if (!payload || !safeEqual(sig, mac(payload))) return null;
      const text = Buffer.from(payload, "base64url").toString("utf8");
      const dot = text.indexOf(".");
      const userId = text.slice(0, dot);
      const kind = text.slice(dot + 1);
      if (dot < 1 || !KINDS.has(kind)) return null;
      return { userId, kind: kind as UnsubscribableKind };
    },
  };
}
export type UnsubscribeTokens = ReturnType<typeof createUnsubscribeTokens>;
