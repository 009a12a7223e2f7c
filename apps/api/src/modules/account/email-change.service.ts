import type { EmailChange, EmailChangeRequested, User } from "@lumen/contracts";
import { randomToken, sha256 } from "../../lib/crypto.js";
import { AppError, isUniqueViolation, unauthorized } from "../../lib/errors.js";
import type { AuthContext } from "../auth/auth.service.js";
import type { MailService } from "../mail/mail.service.js";
import { emailChangedNoticeEmail, emailChangeEmail } from "../mail/mail.templates.js";
import type { RequestMeta, SecurityService } from "../security/security.service.js";
import { presentUser } from "../user/user.presenter.js";
import type { UserRepo } from "../user/user.repo.js";
import type { AccountRepo } from "./account.repo.js";
import { checkCurrentPassword, type PasswordCheckDeps } from "./current-password.js";

const LINK_TTL_MS = 24 * 60 * 60_000;
/**
 * Change requests per account per hour, counted whatever their outcome. "That address is taken" tells no more than
 * registration does, and only after the password (an argon2 check, with the login lockout) and within this budget,
 * so an account can't be turned into a faster way to test addresses than the sign-up form.
 */
export const EMAIL_CHANGE_BUDGET = { max: 5, windowMs: 60 * 60_000 } as const;

export function createEmailChangeService(
  deps: PasswordCheckDeps & {
    users: Pick<UserRepo, "findById" | "findByEmail">;
    account: Pick<
      AccountRepo,
      "transaction" | "insertEmailChange" | "consumeEmailChange" | "applyEmailChange" | "eventsSince"
    >;
    security: Pick<SecurityService, "record">;
    mail: Pick<MailService, "enqueue" | "enqueueThrottled">;
    appUrl: string;
  },
) {
  const { users, account, security, mail, cipher, appUrl } = deps;

  return {
    /**
     * Mails a confirmation link to the new address; nothing changes until it is opened. The current password is
     * required (a borrowed session must not be enough to take the account over), and a taken address is refused.
     */
    async request(ctx: AuthContext, input: EmailChange, meta: RequestMeta): Promise<EmailChangeRequested> {
      const user = await users.findById(ctx.userId);
      if (!user) throw unauthorized("Account no longer exists");
      await checkCurrentPassword(deps, user, input.current_password, meta, "current_password");
      const newEmail = input.new_email;
      if (newEmail.toLowerCase() === user.email.toLowerCase()) {
        throw new AppError("VALIDATION_ERROR", "This is already your email address", {
          fields: { new_email: ["This is already your email address"] },
        });
      }
      const since = new Date(Date.now() - EMAIL_CHANGE_BUDGET.windowMs);
      if ((await account.eventsSince(user.id, "email_change_requested", since)) >= EMAIL_CHANGE_BUDGET.max) {
        throw new AppError(
          "RATE_LIMITED",
          "You asked to change your email too often in the last hour; try again later",
          { limit: EMAIL_CHANGE_BUDGET.max, window_seconds: EMAIL_CHANGE_BUDGET.windowMs / 1000 },
          { "retry-after": String(EMAIL_CHANGE_BUDGET.windowMs / 1000) },
        );
      }
      const taken = Boolean(await users.findByEmail(newEmail));
      await security.record("email_change_requested", {
        userId: user.id,
        meta,
        details: { new_email: newEmail, outcome: taken ? "address_taken" : "link_sent" },
      });
      if (taken) {
        throw new AppError("CONFLICT", "An account with this email already exists", {
          fields: { new_email: ["An account with this email already exists"] },
        });
      }
      await mail.enqueueThrottled(
        newEmail,
        { kind: "change_email", clientKey: cipher.keyedHash(meta.ip ?? "unknown") },
        async () => {
          const token = randomToken(32);
          await account.insertEmailChange({
            userId: user.id,
            tokenHash: sha256(token),
            expiresAt: new Date(Date.now() + LINK_TTL_MS),
            newEmail,
            sessionId: ctx.sessionId,
          });
          return emailChangeEmail(newEmail, `${appUrl}/account/confirm-email?token=${token}`);
        },
      );
      return { pending_email: newEmail };
    },

    /**
     * Applies the change when the signed-in owner opens the link: only their own, live, unused token works (another
     * account's token is refused without being spent). The new address counts as verified; every session but this
     * one and the one that asked ends; the old address is told, so a takeover can't go unnoticed.
     */
    async confirm(ctx: AuthContext, token: string, meta: RequestMeta): Promise<User> {
      const before = await users.findById(ctx.userId);
      if (!before) throw unauthorized("Account no longer exists");
      let applied: { newEmail: string; ended: number };
      try {
        applied = await account.transaction(async (tx) => {
          const change = await account.consumeEmailChange(sha256(token), ctx.userId, new Date(), tx);
          if (!change) {
            throw new AppError(
              "VALIDATION_ERROR",
              "This link is invalid, expired, already used, or meant for another account: sign in as the account that asked for it",
              { fields: { token: ["Invalid or expired token"] } },
            );
          }
          const keep = [ctx.sessionId, ...(change.sessionId ? [change.sessionId] : [])];
          const ended = await account.applyEmailChange(ctx.userId, change.newEmail, keep, tx);
          return { newEmail: change.newEmail, ended };
        });
      } catch (err) {
        // Someone registered the address between the request and the link: the change can't apply.
        if (isUniqueViolation(err)) {
          throw new AppError(
            "CONFLICT",
            "Another account now uses this email address; ask for a change to another one",
          );
        }
        throw err;
      }
      await mail.enqueue(
        emailChangedNoticeEmail(before.email, before.emailVerified ? before.fullName : null, applied.newEmail),
      );
      await security.record("email_changed", {
        userId: ctx.userId,
        meta,
        details: { from: before.email, to: applied.newEmail, other_sessions_ended: applied.ended },
      });
      const user = await users.findById(ctx.userId);
      if (!user) throw unauthorized("Account no longer exists");
      return presentUser(user, cipher);
    },
  };
}
export type EmailChangeService = ReturnType<typeof createEmailChangeService>;
