import type { FastifyBaseLogger } from "fastify";
import type { FieldCipher } from "../../lib/crypto.js";
import { type JobQueue, PermanentJobError } from "../jobs/jobs.js";
import type { MailRepo, MailRow } from "./mail.repo.js";
import type { MailMessage, MailTransport } from "./mail-transport.js";

/** At most this many mails of a kind per recipient per window, and per requesting client per window. */
export const MAIL_THROTTLE = { max: 3, windowMs: 60 * 60_000 } as const;

/** A mail that a client's request causes: counted against that recipient's and that client's throttles. */
export interface ThrottledMail {
  kind: "verify_email" | "reset_password" | "change_email";
  /** HMAC of the requesting client's address. */
  clientKey: string;
}

const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 120;
/** 10 s, 40 s, 2.7 min, 10.7 min… capped at an hour. */
const backoffSeconds = (attempt: number) => Math.min(3600, 10 * 4 ** (attempt - 1));

/** A delivery job's id: one job per message and due state, so a re-sweep of the same state adds nothing. */
const deliveryJobId = (row: { id: string; attempts: number; nextAttemptAt: Date }) =>
  `mail.${row.id}.${row.attempts}.${row.nextAttemptAt.getTime()}`;

/**
 * Durable mail: a message is stored in the outbox in the same breath as the request that causes it, then
 * delivered in the background and retried with backoff, so a mail failure never fails or loses the request.
 *
 * With a job queue, each stored message becomes a `mail.deliver` job (on the worker when JOBS_MODE=producer) and a
 * scheduled `mail.sweep` turns due retries into new jobs. The outbox row stays the source of truth: a job claims
 * its row under a lease and skips it when it is already sent, so duplicate jobs never send twice. A message that
 * has used its last attempt fails its job for good, which the admin console lists and can retry.
 */
export function createMailService(deps: {
  repo: MailRepo;
  transport: MailTransport;
  cipher: FieldCipher;
  from: string;
  log: FastifyBaseLogger;
  /** Told about each delivery attempt (metrics). */
  onDelivery?: (outcome: "sent" | "retry" | "failed") => void;
  /** Deliver through background jobs; without it, this process delivers on a timer. */
  jobs?: Pick<JobQueue, "enqueue" | "schedule">;
}) {
  const { repo, transport, cipher, from, log } = deps;
  const onDelivery = deps.onDelivery ?? (() => {});
  let running: Promise<void> | null = null;
  let again = false;

  /** One attempt at one claimed message; the error when it failed, null when sent. */
  async function attempt(row: MailRow): Promise<{ error: Error; final: boolean } | null> {
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
      return null;
    } catch (err) {
      const attemptNo = row.attempts + 1;
      const final = attemptNo >= MAX_ATTEMPTS;
      // A message given up on is due at once, so an operator's retry of its job can claim it.
      await repo.markFailed(row.id, (err as Error).message, final ? 0 : backoffSeconds(attemptNo));
      onDelivery(final ? "failed" : "retry");
      log[final ? "error" : "warn"](
        { err, mail_id: row.id, attempt: attemptNo, max_attempts: MAX_ATTEMPTS },
        final ? "mail delivery failed for good" : "mail delivery failed; will retry",
      );
      return { error: err as Error, final };
    }
  }

  async function deliverDue(): Promise<void> {
    for (;;) {
      const batch = await repo.claimDue(10, MAX_ATTEMPTS, LEASE_SECONDS);
      if (batch.length === 0) return;
      for (const row of batch) await attempt(row);
    }
  }

  async function enqueueDelivery(row: { id: string; attempts: number; nextAttemptAt: Date }): Promise<void> {
    if (!deps.jobs) return;
    try {
      // The outbox owns the retries (its backoff survives restarts); the job's own retries cover only a
      // database that was briefly unreachable.
      await deps.jobs.enqueue("mail.deliver", { mailId: row.id }, { jobId: deliveryJobId(row), attempts: 3 });
    } catch (err) {
      // The row is stored: the next sweep enqueues it.
      log.warn({ err, mail_id: row.id }, "mail delivery job not enqueued; the sweep will pick it up");
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

  async function store(message: MailMessage, tag?: { kind: string; clientKey?: string }): Promise<void> {
    const row = await repo.insert({
      toAddress: message.to,
      subject: message.subject,
      body: cipher.encrypt(JSON.stringify(message)),
      ...(tag ? { kind: tag.kind, clientKey: tag.clientKey ?? null } : {}),
    });
    if (deps.jobs) await enqueueDelivery(row);
    else void kick();
  }

  return {
    /** Unsent mails: first try pending, failed and retrying, or given up after the last attempt. */
    backlog: () => repo.backlog(MAX_ATTEMPTS),

    /** Stores the message and starts delivering it; resolves once it is safely stored. */
    async enqueue(message: MailMessage): Promise<void> {
      await store(message);
    },

    /**
     * Stores the message unless one with this key already went to this recipient (false then): for jobs that
     * may run again after a crash. Runs in the same one-at-a-time queue as the throttled mails.
     */
    enqueueOnce(message: MailMessage, key: string): Promise<boolean> {
      const turn = throttleQueue.then(async () => {
        if ((await repo.countSince(key, new Date(0), { toAddress: message.to })) > 0) return false;
        await store(message, { kind: key });
        return true;
      });
      throttleQueue = turn.catch(() => {});
      return turn;
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
    /**
     * The `mail.deliver` job: one attempt at one message, skipped when it is sent or not due. Throws (a dead
     * letter) only once the message has used its last attempt.
     */
    async deliverOne(mailId: string, jobId: string): Promise<void> {
      const row = await repo.claimOne(mailId, LEASE_SECONDS, jobId);
      if (!row) return;
      const failure = await attempt(row);
      if (failure?.final) {
        throw new PermanentJobError(`mail not delivered after ${row.attempts + 1} attempts: ${failure.error.message}`);
      }
    },
    /** The `mail.sweep` job: a delivery job for each due message (retries, and jobs lost with Redis). */
    async sweep(): Promise<number> {
      const due = await repo.due(100, MAX_ATTEMPTS);
      for (const row of due) await enqueueDelivery(row);
      return due.length;
    },
    /** Waits until every due message has had its attempt (tests, shutdown). */
    flush: kick,
    /** Starts the periodic pass: a scheduled sweep job with a queue, a timer in this process without. */
    async start(intervalMs = 15_000) {
      if (deps.jobs) {
        await deps.jobs.schedule("mail.sweep", {}, intervalMs);
        return;
      }
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
