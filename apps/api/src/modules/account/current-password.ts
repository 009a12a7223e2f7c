import type { FieldCipher } from "../../lib/crypto.js";
import { AppError } from "../../lib/errors.js";
import type { AuthRepo } from "../auth/auth.repo.js";
import type { LoginThrottle } from "../auth/login-throttle.js";
import type { PasswordHasher } from "../auth/password.js";
import type { RequestMeta } from "../security/security.service.js";
import type { UserRow } from "../user/user.repo.js";

export interface PasswordCheckDeps {
  throttle: LoginThrottle;
  passwords: PasswordHasher;
  failures: Pick<AuthRepo, "clearLoginFailures">;
  cipher: FieldCipher;
}

/**
 * A signed-in user re-proves who they are before a change that could take the account over or end it. Wrong
 * guesses count like failed sign-ins (same lockout), so a stolen session can't be used to brute-force the password.
 */
export async function checkCurrentPassword(
  deps: PasswordCheckDeps,
  user: Pick<UserRow, "email" | "passwordHash">,
  password: string,
  meta: RequestMeta,
  field: string,
): Promise<void> {
  const emailKey = user.email.toLowerCase();
  const clientKey = deps.cipher.keyedHash(meta.ip ?? "unknown");
  await deps.throttle.admit(emailKey, clientKey);
  if (!(await deps.passwords.verify(user.passwordHash, password))) {
    await deps.throttle.recordFailure(emailKey, clientKey);
    throw new AppError("VALIDATION_ERROR", "Your current password is not right", {
      fields: { [field]: ["This is not your current password"] },
    });
  }
  await deps.failures.clearLoginFailures(emailKey, clientKey);
}
