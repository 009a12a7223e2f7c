import type { Role, User } from "@lumen/contracts";
import type { Database } from "@lumen/db";
import type { FieldCipher } from "../../lib/crypto.js";
import { timePage } from "../../lib/cursor.js";
import { AppError, notFound } from "../../lib/errors.js";
import type { AuthRepo } from "../auth/auth.repo.js";
import type { RequestMeta, SecurityService } from "../security/security.service.js";
import { presentUser } from "../user/user.presenter.js";
import type { UserRepo } from "../user/user.repo.js";

export interface AdminUserChange {
  role?: Role | undefined;
  premium_status?: boolean | undefined;
  disabled?: boolean | undefined;
}

export function createAdminService(deps: {
  db: Database;
  users: UserRepo;
  auth: Pick<AuthRepo, "revokeAllSessions">;
  security: SecurityService;
  cipher: FieldCipher;
}) {
  const { db, users, auth, security, cipher } = deps;
  return {
    async listUsers(filter: {
      q?: string | undefined;
      role?: Role | undefined;
      after?: { t: string; id: string } | undefined;
      limit: number;
    }) {
      const rows = await users.list({ ...filter, limit: filter.limit + 1 });
      return timePage(
        rows,
        filter.limit,
        (u) => presentUser(u, cipher),
        (u) => ({ at: u.createdAt, id: u.id }),
      );
    },

    /** Role, premium and disabled changes; each one is a security event. Disabling ends every session at once. */
    async updateUser(actorId: string, userId: string, change: AdminUserChange, meta: RequestMeta): Promise<User> {
      if (actorId === userId && (change.disabled === true || (change.role !== undefined && change.role !== "admin"))) {
        throw new AppError("CONFLICT", "You can't disable your own account or remove your own admin role");
      }
      const { before, after } = await db.transaction(async (tx) => {
        const before = await users.findById(userId, tx);
        if (!before) throw notFound("User");
        const disabling = change.disabled === true && !before.disabled;
        const after = await users.update(
          userId,
          {
            ...(change.role !== undefined ? { role: change.role } : {}),
            ...(change.premium_status !== undefined ? { premiumStatus: change.premium_status } : {}),
            ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
            bumpTokenVersion: disabling,
          },
          tx,
        );
        if (disabling) await auth.revokeAllSessions(userId, "account_disabled", tx);
        return { before, after: after ?? before };
      });
      const by = { changed_by: actorId };
      if (before.role !== after.role) {
        await security.record("role_changed", { userId, meta, details: { ...by, from: before.role, to: after.role } });
      }
      if (before.premiumStatus !== after.premiumStatus) {
        await security.record("premium_changed", {
          userId,
          meta,
          details: { ...by, from: before.premiumStatus, to: after.premiumStatus },
        });
      }
      if (before.disabled !== after.disabled) {
        await security.record(after.disabled ? "account_disabled" : "account_enabled", { userId, meta, details: by });
      }
      return presentUser(after, cipher);
    },
  };
}
export type AdminService = ReturnType<typeof createAdminService>;
