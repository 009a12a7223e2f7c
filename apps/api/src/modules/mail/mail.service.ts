import type { FastifyBaseLogger } from "fastify";
import type { FieldCipher } from "../../lib/crypto.js";
import type { MailRepo } from "./mail.repo.js";
import type { MailMessage, MailTransport } from "./mail-transport.js";

/** At most this many mails of a kind per recipient per window, and per requesting client per window. */
export const MAIL_THROTTLE = { max: 3, windowMs: 60 * 60_000 } as const;

/** A mail that a client's request causes: counted against that recipient's and that client's throttles. */
export interface ThrottledMail {
  kind: "verify_email" | "reset_password";
  /** HMAC of the requesting client's address. */
  clientKey: string;
}

const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 120;
/** 10 s, 40 s, 2.7 min, 10.7 min… capped at an hour. */
const backoffSeconds = (attempt: number) => Math.min(3600, 10 * 4 ** (attempt - 1));

/**
 * Durable mail: a message is stored in the outbox in the same breath as the request that causes it, then
 * delivered in the background and retried with backoff, so a mail failure never fails or loses the request.
 */
export function createMailService(deps: {
  repo: MailRepo;
  transport: MailTransport;
  cipher: FieldCipher;
  from: string;
  log: FastifyBaseLogger;
  /** Told about each delivery attempt (metrics). */
  onDelivery?: (outcome: "sent" | "retry" | "failed") => void;
}) {
  const { repo, transport, cipher, from, log } = deps;
  const onDelivery = deps.onDelivery ?? (() => {});
  let running: Promise<void> | null = null;
  let again = false;

  async function deliverDue(): Promise<void> {
    for (;;) {
      const batch = await repo.claimDue(10, MAX_ATTEMPTS, LEASE_SECONDS);
      if (batch.length === 0) return;
      for (const row of batch) {
        const message = JSON.parse(cipher.decrypt(row.body)) as MailMessage;
        try {
          await transport.send({ ...message, from });
          await repo.markSent(row.id);
          onDelivery("sent");
          if (transport.kind === "file") {
            // Development without SMTP: the link is what a developer needs (API.md).
            const link = message.text.match(/https?:\/\/\S+token=\S+/)?.[0];
            log.info({ mail_to: row.toAddress, subject: row.subject, link }, "mail written to outbox");
          }
        } catch (err) {
          const attempt = row.attempts + 1;
          const final = attempt >= MAX_ATTEMPTS;
          await repo.markFailed(row.id, (err as Error).message, backoffSeconds(attempt));
          onDelivery(final ? "failed" : "retry");
          log[final ? "error" : "warn"](
            { err, mail_id: row.id, attempt, max_attempts: MAX_ATTEMPTS },
            final ? "mail delivery failed for good" : "mail delivery failed; will retry",
          );
        }
      }
    }
  }

  /** Runs one delivery pass at a time; a kick during a pass schedules one more pass. */
  function kick(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await deliverDue().catch((err) => log.error({ err }, "mail outbox pass failed"));
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  let timer: NodeJS.Timeout | null = null;
  let throttleQueue: Promise<unknown> = Promise.resolve();

  async function store(message: MailMessage, throttle?: ThrottledMail): Promise<void> {
    await repo.insert({
      toAddress: message.to,
      subject: message.subject,
      body: cipher.encrypt(JSON.stringify(message)),
      ...(throttle ? { kind: throttle.kind, clientKey: throttle.clientKey } : {}),
    });
    void kick();
  }

  return {
    /** Unsent mails: first try pending, failed and retrying, or given up after the last attempt. */
    backlog: () => repo.backlog(MAX_ATTEMPTS),

    /** Stores the message and starts delivering it; resolves once it is safely stored. */
    async enqueue(message: MailMessage): Promise<void> {
      await store(message);
    },

    /**
     * A mail a client's request causes, held back (false) when its recipient or that client already had
     * MAIL_THROTTLE.max mails of the kind in the window, so requests can't be turned into a mail flood. `compose`
     * runs only when the mail will be sent (it may mint a token). Callers answer the client the same either way.
     * Checks and stores run one at a time in this process, so a burst of requests can't all pass the check.
     */
    enqueueThrottled(to: string, throttle: ThrottledMail, compose: () => Promise<MailMessage>): Promise<boolean> {
      const turn = throttleQueue.then(async () => {
        const since = new Date(Date.now() - MAIL_THROTTLE.windowMs);
        const [toRecipient, fromClient] = await Promise.all([
          repo.countSince(throttle.kind, since, { toAddress: to }),
          repo.countSince(throttle.kind, since, { clientKey: throttle.clientKey }),
        ]);
        if (toRecipient >= MAIL_THROTTLE.max || fromClient >= MAIL_THROTTLE.max) {
          log.warn(
            { mail_kind: throttle.kind, reason: toRecipient >= MAIL_THROTTLE.max ? "recipient" : "client" },
            "mail throttled: not sent",
          );
          return false;
        }
        const message = await compose();
        await store({ ...message, to }, throttle);
        return true;
      });
      throttleQueue = turn.catch(() => {});
      return turn;
    },
    /** Waits until every due message has had its attempt (tests, shutdown). */
    flush: kick,
    start(intervalMs = 15_000) {
      timer ??= setInterval(() => void kick(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
      transport.close();
    },
  };
}
export type MailService = ReturnType<typeof createMailService>;
