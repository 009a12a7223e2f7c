import type { User } from "@lumen/contracts";
import { useSession } from "@/features/auth/session";

/** Signs `user` in, as after a login: an access token good for ten minutes. */
export function signInAs(user: User, accessToken = "test-access-token"): User {
  useSession.setState({ status: "authenticated", user, accessToken, expiresAt: Date.now() + 10 * 60_000 });
  return user;
}

/** No one signed in: "anonymous" once the session has been checked, "unknown" before the first check. */
export function signOut(status: "anonymous" | "unknown" = "unknown"): void {
  useSession.setState({ status, user: null, accessToken: null, expiresAt: 0 });
}
