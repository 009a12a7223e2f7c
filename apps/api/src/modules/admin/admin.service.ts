import type { Page, Role, SecurityEvent, SecurityEventType, User } from "@lumen/contracts";
import type { Database } from "@lumen/db";
import type { FieldCipher } from "../../lib/crypto.js";
import { encodeCursor, type TimeCursor, timePage } from "../../lib/cursor.js";
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
const NIL_UUID = "00000000-0000-0000-0000-000000000000";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The older of two keyset positions: a page starts below both. */
function older(a: TimeCursor, b: TimeCursor): TimeCursor {
  const ta = Date.parse(a.t);
  const tb = Date.parse(b.t);
  return ta < tb || (ta === tb && a.id < b.id) ? a : b;
}

export function createAdminService(deps: {
  db: Database;
  users: UserRepo;
  auth: Pick<AuthRepo, "revokeAllSessions">;
  security: SecurityService;
  repo: Pick<AdminRepo, "emailsByIds">;
  cipher: FieldCipher;
}) {
  const { db, users, auth, security, repo, cipher } = deps;
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

    /**
     * The security log, newest first, with the emails of the people involved. `to` starts the listing below the
     * day after it; `from` ends it: the list is newest first, so the events on or after `from` are a prefix of it.
     */
    async securityEvents(filter: SecurityEventFilter): Promise<Page<SecurityEvent>> {
      let userId = filter.userId;
      if (filter.userEmail !== undefined) {
        const found = await users.findByEmail(filter.userEmail);
        if (!found) return { items: [], next_cursor: null };
        userId = found.id;
      }
      const upper = filter.to
        ? { t: new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS).toISOString(), id: NIL_UUID }
        : undefined;
      const after = upper && filter.after ? older(upper, filter.after) : (filter.after ?? upper);
      // One more than the page: whether it is there (and not before `from`) says if another page follows.
      const { items } = await security.list({ type: filter.type, userId, after, limit: filter.limit + 1 });
      const since = filter.from ? Date.parse(`${filter.from}T00:00:00Z`) : null;
      const inRange = since === null ? items : items.filter((e) => Date.parse(e.created_at) >= since);
      const page = inRange.slice(0, filter.limit);
      const last = page.at(-1);
      const ids = new Set<string>();
      for (const e of page) {
        if (e.user_id) ids.add(e.user_id);
        const by = e.details.changed_by;
        if (typeof by === "string" && UUID.test(by)) ids.add(by);
      }
      const emails = await repo.emailsByIds([...ids]);
      return {
        items: page.map((e) => {
          const by = e.details.changed_by;
          return {
            ...e,
            user_email: e.user_id ? (emails.get(e.user_id) ?? null) : null,
            actor_email: typeof by === "string" ? (emails.get(by) ?? null) : null,
          };
        }),
        next_cursor: inRange.length > filter.limit && last ? encodeCursor({ t: last.created_at, id: last.id }) : null,
      };
    },
  };
}
export type AdminService = ReturnType<typeof createAdminService>;
