import type { SecurityEventType } from "@lumen/contracts";
import type { FastifyBaseLogger } from "fastify";
import type { FieldCipher } from "../../lib/crypto.js";
import { timePage } from "../../lib/cursor.js";
import type { SecurityRepo } from "./security.repo.js";

/** Told about each recorded event (the security alerts); never fails the recording. */
export type SecurityObserver = (
  type: SecurityEventType,
  event: { id: string; userId: string | null; meta: RequestMeta; details: Record<string, unknown> },
) => Promise<void>;

/** Who did it, from where: taken from the request by the routes. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** Event types that mean someone may be attacking an account: each is also logged as a `security_alert`. */
const ALERTING: ReadonlySet<SecurityEventType> = new Set(["login_locked", "refresh_token_reuse"]);

export function createSecurityService(deps: {
  repo: SecurityRepo;
  cipher: FieldCipher;
  log: FastifyBaseLogger;
  observe?: SecurityObserver;
}) {
  const { repo, cipher, log } = deps;
  return {
    async record(
      type: SecurityEventType,
      input: { userId?: string | null; meta: RequestMeta; details?: Record<string, unknown> },
    ) {
      const details = input.details ?? {};
      const id = await repo.insert({
        type,
        userId: input.userId ?? null,
        ipAddress: cipher.encryptNullable(input.meta.ip),
        userAgent: cipher.encryptNullable(input.meta.userAgent),
        details: cipher.encrypt(JSON.stringify(details)),
      });
      if (ALERTING.has(type)) {
        log.warn({ security_alert: type, user_id: input.userId ?? null, details }, `security_alert: ${type}`);
      }
      if (deps.observe) {
        // An alert that cannot be raised is logged: the event itself is stored, and the request must not fail.
        await deps
          .observe(type, { id, userId: input.userId ?? null, meta: input.meta, details })
          .catch((err) => log.error({ err, event: type }, "security alert not raised"));
      }
      return id;
    },

    async list(filter: {
      type?: SecurityEventType | undefined;
      userId?: string | undefined;
      since?: Date | undefined;
      until?: Date | undefined;
      after?: { t: string; id: string } | undefined;
      limit: number;
    }) {
      const rows = await repo.list({ ...filter, limit: filter.limit + 1 });
      return timePage(
        rows,
        filter.limit,
        (r) => ({
          id: r.id,
          type: r.type as SecurityEventType,
          user_id: r.userId,
          ip_address: cipher.decryptNullable(r.ipAddress),
          user_agent: cipher.decryptNullable(r.userAgent),
          details: JSON.parse(cipher.decrypt(r.details)) as Record<string, unknown>,
          created_at: r.createdAt.toISOString(),
        }),
        (r) => ({ at: r.createdAt, id: r.id }),
      );
    },
  };
}
export type SecurityService = ReturnType<typeof createSecurityService>;
