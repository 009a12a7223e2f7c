import {
  ACCESS_TOKEN_TTL_SECONDS,
  type AccountSession,
  type AuthResult,
  type LoginBody,
  REFRESH_TOKEN_TTL_SECONDS,
  type RegisterBody,
  type Role,
  type User,
} from "@lumen/contracts";
import type { BackgroundTasks } from "../../lib/background.js";
import { type FieldCipher, randomToken, sha256 } from "../../lib/crypto.js";
import { AppError, isUniqueViolation, unauthorized } from "../../lib/errors.js";
import type { MailService } from "../mail/mail.service.js";
import { passwordResetEmail, verificationEmail } from "../mail/mail.templates.js";
import type { MailMessage } from "../mail/mail-transport.js";
import type { RequestMeta, SecurityService } from "../security/security.service.js";
import { presentUser } from "../user/user.presenter.js";
import type { UserRepo, UserRow } from "../user/user.repo.js";
import type { AuthRepo } from "./auth.repo.js";
import { authContextOf } from "./auth-state.js";
import { describeDevice } from "./device.js";
import type { LoginThrottle } from "./login-throttle.js";
import type { PasswordHasher } from "./password.js";
import type { AccessClaims, TokenSigner } from "./tokens.js";

const VERIFY_TTL_MS = 24 * 60 * 60_000;
const RESET_TTL_MS = 30 * 60_000;
/** How long after an exchange its old token may come back because the answer was lost (see lostAnswerRetry). */
const REFRESH_RETRY_GRACE_MS = 30_000;

/** What the auth guard puts on an authenticated request. */
export interface AuthContext {
  userId: string;
  role: Role;
  sessionId: string;
  emailVerified: boolean;
}

export interface AuthServiceDeps {
  users: UserRepo;
  auth: AuthRepo;
  signer: TokenSigner;
  throttle: LoginThrottle;
  security: SecurityService;
  mail: Pick<MailService, "enqueueThrottled">;
  /** Mail work runs after the answer, so its duration tells nothing (known vs unknown accounts). */
  background: Pick<BackgroundTasks, "run">;
  cipher: FieldCipher;
  passwords: PasswordHasher;
  appUrl: string;
}

export function createAuthService(deps: AuthServiceDeps) {
  const { users, auth, signer, throttle, security, mail, background, cipher, passwords, appUrl } = deps;
  const clientKeyOf = (meta: RequestMeta) => cipher.keyedHash(meta.ip ?? "unknown");
  const disabledError = () =>
    new AppError("FORBIDDEN", "This account has been disabled. Contact support if you think this is a mistake.");

  async function issueTokens(
    user: UserRow,
    sessionId: string,
    parentId: string | null = null,
  ): Promise<Omit<AuthResult, "user">> {
    const refreshToken = randomToken(32);
    await auth.insertRefreshToken({
      userId: user.id,
      sessionId,
      parentId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000),
    });
    const accessToken = await signer.sign({
      userId: user.id,
      role: user.role,
      sessionId,
      tokenVersion: user.tokenVersion,
    });
    return {
      access_token: accessToken,
      refresh_token: refreshToken,
      token_type: "bearer",
      expires_in: ACCESS_TOKEN_TTL_SECONDS,
    };
  }

  /**
   * A spent token is forgiven once in a while: when the browser left or reloaded the page while its refresh was
   * in flight, the answer (and its cookie) never arrived, so the old token comes back moments later. Within a
   * short grace, and only while the token issued for it has never been used, that successor is spent and a new
   * pair issued: one live token per session still holds. Anything else is reuse.
   */
  async function lostAnswerRetry(token: { id: string; usedAt: Date | null }, now: Date): Promise<boolean> {
    // Unset when a concurrent exchange spent it between our read and our update: that was just now.
    const spentAt = token.usedAt ?? now;
    if (now.getTime() - spentAt.getTime() > REFRESH_RETRY_GRACE_MS) return false;
    return auth.spendUnusedSuccessor(token.id);
  }

  async function startSession(user: UserRow, meta: RequestMeta): Promise<AuthResult> {
    const session = await auth.createSession({
      userId: user.id,
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000),
      userAgent: meta.userAgent,
    });
    return { user: presentUser(user, cipher), ...(await issueTokens(user, session.id)) };
  }

  /**
   * Mints a single-use link (the previous one of its purpose stops working) and mails it, unless the mail throttle
   * holds the mail back: then nothing changes and the link mailed last stays valid.
   */
  async function mailLink(
    user: UserRow,
    purpose: "verify_email" | "reset_password",
    meta: RequestMeta,
    message: (token: string) => MailMessage,
  ): Promise<boolean> {
    const ttl = purpose === "verify_email" ? VERIFY_TTL_MS : RESET_TTL_MS;
    return mail.enqueueThrottled(user.email, { kind: purpose, clientKey: clientKeyOf(meta) }, async () => {
      const token = randomToken(32);
      const now = new Date();
      await auth.invalidateEmailTokens(user.id, purpose, now);
      await auth.insertEmailToken({
        userId: user.id,
        purpose,
        tokenHash: sha256(token),
        expiresAt: new Date(now.getTime() + ttl),
      });
      return message(token);
    });
  }

  const sendVerification = (user: UserRow, meta: RequestMeta) =>
    mailLink(user, "verify_email", meta, (token) =>
      verificationEmail(user.email, `${appUrl}/verify-email?token=${token}`),
    );

  return {
    async register(input: RegisterBody, meta: RequestMeta): Promise<AuthResult> {
      const passwordHash = await passwords.hash(input.password);
      let user: UserRow;
      try {
        // Role, premium and the rest are never taken from the body: a new account is a plain student.
        user = await users.insert({ email: input.email, passwordHash, fullName: input.full_name, role: "student" });
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError("CONFLICT", "An account with this email already exists", {
            fields: { email: ["An account with this email already exists"] },
          });
        throw err;
      }
      background.run("verification-email", async () => void (await sendVerification(user, meta)));
      return startSession(user, meta);
    },

    async login(input: LoginBody, meta: RequestMeta): Promise<AuthResult> {
      const emailKey = input.email.toLowerCase();
      const clientKey = cipher.keyedHash(meta.ip ?? "unknown");
      await throttle.admit(emailKey, clientKey);
      const user = await users.findByEmail(input.email);
      let valid = false;
      if (user) valid = await passwords.verify(user.passwordHash, input.password);
      else await passwords.burn(input.password); // unknown email: same cost, no enumeration by timing
      if (!user || !valid) {
        const locked = await throttle.recordFailure(emailKey, clientKey);
        await security.record("login_failed", {
          userId: user?.id ?? null,
          meta,
          details: { email: emailKey, known_account: Boolean(user) },
        });
        if (locked)
          await security.record("login_locked", { userId: user?.id ?? null, meta, details: { email: emailKey } });
        throw unauthorized("Incorrect email or password");
      }
      if (user.disabled) {
        await security.record("disabled_login_attempt", { userId: user.id, meta });
        throw disabledError();
      }
      await auth.clearLoginFailures(emailKey, clientKey);
      return startSession(user, meta);
    },

    async refresh(refreshToken: string | undefined, meta: RequestMeta): Promise<AuthResult> {
      if (!refreshToken) throw unauthorized("Refresh token missing");
      const found = await auth.findRefreshToken(sha256(refreshToken));
      if (!found) throw unauthorized("Invalid refresh token");
      const { token, session, user } = found;
      const now = new Date();
      if (session.revokedAt) throw unauthorized("This session has ended; sign in again");
      if (!(await auth.spendRefreshToken(token.id)) && !(await lostAnswerRetry(token, now))) {
        // A spent token came back: it was stolen or replayed. End the whole family.
        await auth.revokeSession(session.id, "refresh_token_reuse");
        await security.record("refresh_token_reuse", { userId: user.id, meta, details: { session_id: session.id } });
        throw unauthorized("Refresh token already used; the session has been ended for your safety");
      }
      if (token.expiresAt <= now || session.expiresAt <= now) throw unauthorized("Session expired; sign in again");
      if (user.disabled) {
        await auth.revokeSession(session.id, "account_disabled");
        throw disabledError();
      }
      await auth.touchSession(session.id);
      return { user: presentUser(user, cipher), ...(await issueTokens(user, session.id, token.id)) };
    },

    /** Ends the session of the refresh token (or of the access token's session when no refresh token is given). */
    async logout(refreshToken: string | undefined, current: AuthContext | null): Promise<void> {
      if (refreshToken) {
        const found = await auth.findRefreshToken(sha256(refreshToken));
        if (found) await auth.revokeSession(found.session.id, "logout");
        return;
      }
      if (current) {
        await auth.revokeSession(current.sessionId, "logout");
        return;
      }
      throw unauthorized("Give the refresh token to end its session");
    },

    async verifyEmail(token: string): Promise<User> {
      const tokenHash = sha256(token);
      const consumed = await auth.consumeEmailToken(tokenHash, "verify_email", new Date());
      if (!consumed) {
        // A link opened again after it worked (a second device, the back button) is no failure: say so, so the
        // page offers to continue instead of a new link. Only the mailbox's owner holds the token.
        const owner = await auth.findEmailTokenOwner(tokenHash, "verify_email");
        const user = owner ? await users.findById(owner.userId) : undefined;
        if (user?.emailVerified) {
          throw new AppError("CONFLICT", "This email address is already verified", { reason: "already_verified" });
        }
        throw new AppError("VALIDATION_ERROR", "This verification link is invalid, expired or already used", {
          fields: { token: ["Invalid or expired token"] },
        });
      }
      const user = await users.update(consumed.userId, { emailVerified: true });
      if (!user) throw new AppError("NOT_FOUND", "User not found");
      return presentUser(user, cipher);
    },

    /** Answers at once; the link is made and mailed afterwards (and not at all past the mail throttle). */
    async resendVerification(userId: string, meta: RequestMeta): Promise<void> {
      const user = await users.findById(userId);
      if (!user) throw new AppError("NOT_FOUND", "User not found");
      if (user.emailVerified) throw new AppError("CONFLICT", "Your email is already verified");
      background.run("verification-email", async () => void (await sendVerification(user, meta)));
    },

    /**
     * Same answer, in the same time, whether or not the account exists: even the lookup happens after the answer.
     * The email goes only to real, enabled accounts, at most MAIL_THROTTLE.max an hour per address and per client.
     */
    requestPasswordReset(email: string, meta: RequestMeta): void {
      background.run("password-reset", async () => {
        const user = await users.findByEmail(email);
        if (!user || user.disabled) return;
        const sent = await mailLink(user, "reset_password", meta, (token) =>
          // Only a verified address is greeted by name: the name is text the registrant chose.
          passwordResetEmail(
            user.email,
            user.emailVerified ? user.fullName : null,
            `${appUrl}/reset-password?token=${token}`,
          ),
        );
        if (sent) await security.record("password_reset_requested", { userId: user.id, meta });
      });
    },

    async confirmPasswordReset(token: string, newPassword: string, meta: RequestMeta): Promise<void> {
      const passwordHash = await passwords.hash(newPassword);
      const userId = await auth.transaction(async (tx) => {
        const consumed = await auth.consumeEmailToken(sha256(token), "reset_password", new Date(), tx);
        if (!consumed)
          throw new AppError("VALIDATION_ERROR", "This reset link is invalid, expired or already used", {
            fields: { token: ["Invalid or expired token"] },
          });
        // Proving control of the mailbox also verifies it.
        await users.update(consumed.userId, { passwordHash, emailVerified: true, bumpTokenVersion: true }, tx);
        await auth.revokeAllSessions(consumed.userId, "password_reset", tx);
        return consumed.userId;
      });
      await security.record("password_reset", { userId, meta });
    },

    /**
     * Changes the password of a signed-in user who proves they know the current one. Wrong guesses count like
     * failed logins (same lockout), and every other session ends: whoever else might have been signed in is out.
     */
    async changePassword(
      ctx: AuthContext,
      input: { current_password: string; new_password: string },
      meta: RequestMeta,
    ): Promise<{ signedOut: number }> {
      const user = await users.findById(ctx.userId);
      if (!user) throw unauthorized("Account no longer exists");
      const emailKey = user.email.toLowerCase();
      const clientKey = clientKeyOf(meta);
      await throttle.admit(emailKey, clientKey);
      if (!(await passwords.verify(user.passwordHash, input.current_password))) {
        await throttle.recordFailure(emailKey, clientKey);
        throw new AppError("VALIDATION_ERROR", "Your current password is not right", {
          fields: { current_password: ["This is not your current password"] },
        });
      }
      await auth.clearLoginFailures(emailKey, clientKey);
      const passwordHash = await passwords.hash(input.new_password);
      const signedOut = await auth.transaction(async (tx) => {
        await users.update(user.id, { passwordHash }, tx);
        return auth.revokeOtherSessions(user.id, ctx.sessionId, "password_changed", tx);
      });
      await security.record("password_changed", {
        userId: user.id,
        meta,
        details: { other_sessions_ended: signedOut },
      });
      return { signedOut };
    },

    /** Where the account is signed in, this device first. */
    async sessions(ctx: AuthContext): Promise<AccountSession[]> {
      const rows = await auth.listActiveSessions(ctx.userId, new Date());
      return rows
        .map((s) => ({
          id: s.id,
          device: describeDevice(s.userAgent),
          created_at: s.createdAt.toISOString(),
          last_used_at: s.lastUsedAt.toISOString(),
          expires_at: s.expiresAt.toISOString(),
          current: s.id === ctx.sessionId,
        }))
        .sort((a, b) => Number(b.current) - Number(a.current));
    },

    /** Signs one other device out. This device signs out with POST /auth/logout (which also clears the cookie). */
    async revokeSession(ctx: AuthContext, sessionId: string, meta: RequestMeta): Promise<void> {
      if (sessionId === ctx.sessionId)
        throw new AppError("CONFLICT", "This is the session you are using; log out instead", {
          reason: "current_session",
        });
      if (!(await auth.revokeOwnSession(ctx.userId, sessionId, "signed_out_remotely")))
        throw new AppError("NOT_FOUND", "Session not found or already ended");
      await security.record("sessions_revoked", { userId: ctx.userId, meta, details: { count: 1 } });
    },

    /** "Sign out other devices": every session but this one ends at once (their access tokens too). */
    async revokeOtherSessions(ctx: AuthContext, meta: RequestMeta): Promise<{ revoked: number }> {
      const revoked = await auth.revokeOtherSessions(ctx.userId, ctx.sessionId, "signed_out_remotely");
      if (revoked > 0)
        await security.record("sessions_revoked", { userId: ctx.userId, meta, details: { count: revoked } });
      return { revoked };
    },

    async me(userId: string): Promise<User> {
      const user = await users.findById(userId);
      if (!user) throw unauthorized("Account no longer exists");
      return presentUser(user, cipher);
    },

    /** Verifies a bearer token and the live state behind it: session, account, token version. */
    /** Checks a token's signature and claims (no database): a 401 saying why for a bad one. */
    verify: (accessToken: string): Promise<AccessClaims> => signer.verify(accessToken),

    /** The caller's context for verified claims, after checking the live session and account. */
    async authenticate(claims: AccessClaims): Promise<AuthContext> {
      return authContextOf(claims, await auth.findAuthState(claims.sub, claims.sid));
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
