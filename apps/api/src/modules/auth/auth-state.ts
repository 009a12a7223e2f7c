import { authSessions, users } from "@lumen/db";
import { unauthorized } from "../../lib/errors.js";
import type { AuthContext } from "./auth.service.js";
import type { AccessClaims } from "./tokens.js";

/**
 * The live state every signed-in request is checked against: the session (ended? expired?) and the account
 * (disabled? role? token version?). The auth hook reads it alone (`lumen_auth_state`); the hottest signed-in
 * routes read it in the same prepared query as their own data (`sessionInHandler`), so both use these columns
 * and `authContextOf`.
 */
export const authStateColumns = {
  role: users.role,
  disabled: users.disabled,
  emailVerified: users.emailVerified,
  tokenVersion: users.tokenVersion,
  revokedAt: authSessions.revokedAt,
  expiresAt: authSessions.expiresAt,
};

export interface AuthState {
  role: AuthContext["role"];
  disabled: boolean;
  emailVerified: boolean;
  tokenVersion: number;
  revokedAt: Date | null;
  expiresAt: Date;
}

/** The caller's context for verified claims and their live state; a 401 saying why when the session is over. */
export function authContextOf(claims: AccessClaims, state: AuthState | null | undefined): AuthContext {
  if (!state || state.revokedAt || state.expiresAt <= new Date())
    throw unauthorized("This session has ended; sign in again");
  if (state.disabled) throw unauthorized("This account has been disabled");
  if (state.tokenVersion !== claims.ver) throw unauthorized("This token is no longer valid; sign in again");
  return { userId: claims.sub, role: state.role, sessionId: claims.sid, emailVerified: state.emailVerified };
}
