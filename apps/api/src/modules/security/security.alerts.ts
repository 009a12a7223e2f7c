import type { SecurityEventType } from "@lumen/contracts";
import type { FastifyBaseLogger } from "fastify";
import type { AlertsConfig } from "../../config.js";
import type { FieldCipher } from "../../lib/crypto.js";
import type { JobQueue } from "../jobs/jobs.js";
import type { MailMessage } from "../mail/mail-transport.js";
import type { SecurityRepo } from "./security.repo.js";
import type { RequestMeta, SecurityObserver } from "./security.service.js";

export type AlertKind = "token_reuse" | "lockout_burst" | "admin_role_change" | "large_refund";

export interface AlertDetails {
  kind: AlertKind;
  /** One line for people: the console, the email subject, the webhook text. No emails, tokens or amounts of PII. */
  summary: string;
  [key: string]: unknown;
}

const WEBHOOK_TIMEOUT_MS = 5000;
/** Webhook posts retry with backoff: 2 s, 4 s, 8 s, 16 s, then a dead letter in the console. */
const WEBHOOK_ATTEMPTS = 5;
const WEBHOOK_BACKOFF_MS = 2000;

/**
 * Security alerts: some events (a refresh token reused, many accounts locked from one client, a change to or from
 * the admin role, a large refund) alert the admins. An alert is a `security_alert` security event (the console
 * lists them), then jobs email every admin through the outbox and post to ALERT_WEBHOOK_URL, each with retries.
 */
export function createSecurityAlerts(deps: {
  repo: Pick<SecurityRepo, "insert" | "list" | "findById" | "adminEmails">;
  cipher: FieldCipher;
  jobs: Pick<JobQueue, "enqueue" | "register">;
  mail: { enqueueOnce(message: MailMessage, key: string): Promise<boolean> };
  config: AlertsConfig;
  appUrl: string;
  log: Pick<FastifyBaseLogger, "info" | "warn">;
  fetch?: typeof fetch;
}) {
  const { repo, cipher, jobs, config, log } = deps;
  const post = deps.fetch ?? fetch;

  async function raise(details: AlertDetails, input: { userId: string | null; meta: RequestMeta }): Promise<string> {
    const id = await repo.insert({
      type: "security_alert",
      userId: input.userId,
      ipAddress: cipher.encryptNullable(input.meta.ip),
      userAgent: cipher.encryptNullable(input.meta.userAgent),
      details: cipher.encrypt(JSON.stringify(details)),
    });
    log.warn({ alert: details.kind, alert_id: id }, `security alert: ${details.summary}`);
    await jobs.enqueue("alert.email", { eventId: id }, { jobId: `alert.${id}.email` });
    if (config.webhookUrl) {
      await jobs.enqueue(
        "alert.webhook",
        { eventId: id },
        { jobId: `alert.${id}.webhook`, attempts: WEBHOOK_ATTEMPTS, backoffMs: WEBHOOK_BACKOFF_MS },
      );
    }
    return id;
  }

  async function load(eventId: string): Promise<{ details: AlertDetails; at: Date } | null> {
    const row = await repo.findById(eventId);
    if (row?.type !== "security_alert") return null;
    return { details: JSON.parse(cipher.decrypt(row.details)) as AlertDetails, at: row.createdAt };
  }

  /** Distinct accounts locked from this client within the window (login_locked events carry the email). */
  async function accountsLockedFrom(ip: string, since: Date): Promise<number> {
    const events = await repo.list({ type: "login_locked", since, limit: 1000 });
    const emails = new Set<string>();
    for (const e of events) {
      if (cipher.decryptNullable(e.ipAddress) !== ip) continue;
      const d = JSON.parse(cipher.decrypt(e.details)) as { email?: string };
      if (d.email) emails.add(d.email);
    }
    return emails.size;
  }

  const observe: SecurityObserver = async (type: SecurityEventType, event) => {
    const who = { userId: event.userId, meta: event.meta };
    if (type === "refresh_token_reuse") {
      await raise(
        {
          kind: "token_reuse",
          summary: `A spent refresh token was presented again for user ${event.userId}; the session was ended`,
          user_id: event.userId,
        },
        who,
      );
    } else if (type === "login_locked" && event.meta.ip) {
      const since = new Date(Date.now() - config.lockoutWindowMinutes * 60_000);
      const accounts = await accountsLockedFrom(event.meta.ip, since);
      // Raised once, as the count reaches the threshold, not again for each later lockout in the window.
      if (accounts === config.lockoutAccounts) {
        await raise(
          {
            kind: "lockout_burst",
            summary: `${accounts} accounts locked out from one client within ${config.lockoutWindowMinutes} minutes`,
            accounts,
            window_minutes: config.lockoutWindowMinutes,
          },
          { userId: null, meta: event.meta },
        );
      }
    } else if (type === "role_changed") {
      const { from, to, changed_by: by } = event.details as { from?: string; to?: string; changed_by?: string };
      if (from === "admin" || to === "admin") {
        await raise(
          {
            kind: "admin_role_change",
            summary: `User ${event.userId} changed from ${from} to ${to}${by ? ` by ${by}` : ""}`,
            user_id: event.userId,
            from,
            to,
          },
          who,
        );
      }
    }
  };

  jobs.register("alert.email", async ({ eventId }) => {
    const alert = await load(eventId);
    if (!alert) return;
    const link = `${deps.appUrl}/admin/security-events?type=security_alert`;
    for (const to of await repo.adminEmails()) {
      // Once per admin and alert, so a re-run after a crash sends no duplicates.
      await deps.mail.enqueueOnce(
        {
          to,
          subject: `[Lumen security] ${alert.details.summary}`,
          text: `${alert.details.summary}\n\nRaised at ${alert.at.toISOString()}. Review it in the admin console: ${link}\n`,
        },
        `alert:${eventId}`,
      );
    }
  });

  jobs.register("alert.webhook", async ({ eventId }) => {
    const url = config.webhookUrl;
    const alert = await load(eventId);
    if (!url || !alert) return;
    const text = `:rotating_light: Lumen security alert (${alert.details.kind}): ${alert.details.summary}`;
    const res = await post(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        text,
        blocks: [
          { type: "section", text: { type: "mrkdwn", text } },
          { type: "context", elements: [{ type: "mrkdwn", text: `Raised at ${alert.at.toISOString()}` }] },
        ],
      }),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    // Any non-2xx answer is retried with backoff (Slack answers 429/5xx when it wants a retry).
    if (!res.ok) throw new Error(`alert webhook answered ${res.status}`);
    log.info({ alert_id: eventId, status: res.status }, "security alert posted to the webhook");
  });

  return {
    observe,
    raise,
    /** Billing: a refund of at least ALERT_REFUND_THRESHOLD_CENTS alerts the admins. */
    async refunded(refund: { purchaseId: string; userId: string; amount: number; currency: string }) {
      if (refund.amount < config.refundThresholdCents) return;
      await raise(
        {
          kind: "large_refund",
          summary: `Refund of ${(refund.amount / 100).toFixed(2)} ${refund.currency.toUpperCase()} on purchase ${refund.purchaseId}`,
          purchase_id: refund.purchaseId,
          amount: refund.amount,
          currency: refund.currency,
        },
        { userId: refund.userId, meta: { ip: null, userAgent: null } },
      );
    },
  };
}
export type SecurityAlerts = ReturnType<typeof createSecurityAlerts>;
