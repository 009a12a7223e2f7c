import type { Page, Role, SecurityEvent, SecurityEventType, User } from "@lumen/contracts";
import type { FieldCipher } from "../../lib/crypto.js";
import { type TimeCursor, timePage } from "../../lib/cursor.js";
import { AppError, notFound } from "../../lib/errors.js";
import type { AuthRepo } from "../auth/auth.repo.js";
import type { RequestMeta, SecurityService } from "../security/security.service.js";
import { presentUser } from "../user/user.presenter.js";
import type { UserRepo } from "../user/user.repo.js";
import type { AdminRepo } from "./admin.repo.js";

export interface AdminUserChange {
  role?: Role | undefined;
  premium_status?: boolean | undefined;
  disabled?: boolean | undefined;
}

export interface SecurityEventFilter {
  type?: SecurityEventType | undefined;
  userId?: string | undefined;
  userEmail?: string | undefined;
  /** First and last UTC day included, YYYY-MM-DD. */
  from?: string | undefined;
  to?: string | undefined;
  after?: TimeCursor | undefined;
  limit: number;
}

const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Midnight UTC at the start of a YYYY-MM-DD day. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00Z`);

export function createAdminService(deps: {
  users: UserRepo;
  auth: Pick<AuthRepo, "revokeAllSessions">;
  security: SecurityService;
  repo: Pick<AdminRepo, "emailsByIds">;
  cipher: FieldCipher;
}) {
  const { users, auth, security, repo, cipher } = deps;
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
      const { before, after } = await users.transaction(async (tx) => {
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

    /** The security log, newest first, filtered by account and UTC days, with the emails of the people involved. */
    async securityEvents(filter: SecurityEventFilter): Promise<Page<SecurityEvent>> {
      let userId = filter.userId;
      if (filter.userEmail !== undefined) {
        const found = await users.findByEmail(filter.userEmail);
        if (!found) return { items: [], next_cursor: null };
        userId = found.id;
      }
      const page = await security.list({
        type: filter.type,
        userId,
        since: filter.from ? startOfDay(filter.from) : undefined,
        until: filter.to ? new Date(startOfDay(filter.to).getTime() + DAY_MS) : undefined,
        after: filter.after,
        limit: filter.limit,
      });
      const ids = new Set<string>();
      for (const e of page.items) {
        if (e.user_id) ids.add(e.user_id);
        const by = e.details.changed_by;
        if (typeof by === "string" && UUID.test(by)) ids.add(by);
      }
      const emails = await repo.emailsByIds([...ids]);
      return {
        items: page.items.map((e) => {
          const by = e.details.changed_by;
          // The request's address and browser are the actor's, not the subject's: name the actor apart.
          const actorId = typeof by === "string" && UUID.test(by) ? by : null;
          return {
            ...e,
            user_email: e.user_id ? (emails.get(e.user_id) ?? null) : null,
            actor_id: actorId,
            actor_email: actorId ? (emails.get(actorId) ?? null) : null,
          };
        }),
        next_cursor: page.next_cursor,
      };
    },
  };
}
export type AdminService = ReturnType<typeof createAdminService>;
