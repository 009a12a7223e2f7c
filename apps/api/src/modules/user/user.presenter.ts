import { MEDIA_PATH_PREFIX, type User } from "@lumen/contracts";
import type { FieldCipher } from "../../lib/crypto.js";
import type { UserRow } from "./user.repo.js";

/**
 * A profile picture safe to show other people: our own media paths or an https image. A profile can't point a
 * visitor's browser anywhere else.
 */
export function publicAvatarUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  return url.startsWith(MEDIA_PATH_PREFIX) || url.startsWith("/media/") || url.startsWith("https://") ? url : null;
}

/** The wire form of a user: never the hash, the token version or other internals. */
export function presentUser(row: UserRow, cipher: FieldCipher): User {
  const sub = row.subscription;
  return {
    id: row.id,
    email: row.email,
    full_name: row.fullName,
    role: row.role,
    premium_status: row.premiumStatus,
    email_verified: row.emailVerified,
    disabled: row.disabled,
    subscription: {
      type: sub.type === "premium_monthly" || sub.type === "premium_yearly" ? sub.type : null,
      status: sub.status,
      stripe_id: cipher.decryptNullable(sub.stripe_id),
      current_period_end: sub.current_period_end ?? null,
      cancel_at_period_end: sub.cancel_at_period_end ?? false,
    },
    profile: row.profile,
    stats: row.stats,
    created_at: row.createdAt.toISOString(),
  };
}
