import { type AccountDeletion, DELETED_USER_NAME } from "@lumen/contracts";
import type { PublicReads } from "../../lib/cache-public.js";
import { AppError, unauthorized } from "../../lib/errors.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { BillingService } from "../billing/billing.service.js";
import type { MailService } from "../mail/mail.service.js";
import { accountDeletedEmail } from "../mail/mail.templates.js";
import type { MediaService } from "../media/media.service.js";
import type { RequestMeta, SecurityService } from "../security/security.service.js";
import type { UserRepo } from "../user/user.repo.js";
import { publicPagesChanged } from "../user/user.service.js";
import type { AccountRepo } from "./account.repo.js";
import { AVATAR_KEY_PREFIX } from "./avatar.service.js";
import { checkCurrentPassword, type PasswordCheckDeps } from "./current-password.js";

/**
 * Not an argon2 string, so no password ever verifies against it (the hasher answers false for a malformed hash):
 * with the email tombstoned and the account disabled, signing in again is impossible three times over.
 */
const NO_PASSWORD = "!account-deleted";

/** Unique (it carries the row's id), recognisable, and in the reserved `.invalid` domain: mail to it goes nowhere. */
export const tombstoneEmail = (userId: string) => `deleted-${userId}@deleted.invalid`;

export function createAccountDeletionService(
  deps: PasswordCheckDeps & {
    users: Pick<UserRepo, "findById" | "coursesShowing">;
    account: Pick<AccountRepo, "transaction" | "publishedCourseCount" | "otherAdminCount" | "erase">;
    billing: Pick<BillingService, "cancelForDeletedAccount">;
    media: Pick<MediaService, "removeOwnUpload">;
    cache: Pick<PublicReads, "courseChanged">;
    security: Pick<SecurityService, "record">;
    mail: Pick<MailService, "enqueue">;
  },
) {
  const { users, account, billing, media, cache, security, mail } = deps;

  return {
    /**
     * Deletes the caller's account for good, after their password. Refused (409, nothing changed) while they own
     * published courses (learners rely on them: archive or hand them over first) or are the last admin. A running
     * subscription is cancelled with the payment provider first: if that fails (503), nothing is erased.
     */
    async deleteAccount(ctx: AuthContext, input: AccountDeletion, meta: RequestMeta): Promise<void> {
      const user = await users.findById(ctx.userId);
      if (!user) throw unauthorized("Account no longer exists");
      await checkCurrentPassword(deps, user, input.password, meta, "password");

      const published = await account.publishedCourseCount(user.id);
      if (published > 0) {
        const courses = published === 1 ? "1 published course" : `${published} published courses`;
        throw new AppError(
          "CONFLICT",
          `You have ${courses}. Learners rely on them: archive them in the studio, or ask an admin to move them to another creator, then delete your account.`,
          { reason: "published_courses", published_courses: published },
        );
      }
      if (user.role === "admin" && (await account.otherAdminCount(user.id)) === 0) {
        throw new AppError(
          "CONFLICT",
          "You are the only admin. Make another account an admin first, so someone can still run Lumen.",
          { reason: "last_admin" },
        );
      }

      const cancelledSubscription = await billing.cancelForDeletedAccount(user.id);
      const avatar = user.profile.avatar_url;
      await account.transaction((tx) =>
        account.erase(
          user.id,
          {
            email: tombstoneEmail(user.id),
            fullName: DELETED_USER_NAME,
            passwordHash: NO_PASSWORD,
            formerEmailKey: user.email.toLowerCase(),
          },
          tx,
        ),
      );
      if (avatar) await media.removeOwnUpload(user.id, avatar, AVATAR_KEY_PREFIX);
      // Their reviews stay (rating and text help other learners) under the new name: cached pages start over.
      await publicPagesChanged({ users, cache }, user.id);
      await security.record("account_deleted", {
        userId: user.id,
        meta,
        details: { role: user.role, subscription_cancelled: cancelledSubscription },
      });
      await mail.enqueue(accountDeletedEmail(user.email, user.emailVerified ? user.fullName : null));
    },
  };
}
export type AccountDeletionService = ReturnType<typeof createAccountDeletionService>;
