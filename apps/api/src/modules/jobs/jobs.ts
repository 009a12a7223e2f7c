import type { NotificationKind } from "@lumen/contracts";
import type { AnyNotificationData } from "../notification/notification.catalogue.js";

/**
 * Background jobs: one typed interface over two drivers, in-process (no Redis) and BullMQ (Redis).
 *
 * - Every job name has one payload type (JobPayloads) and one handler per process (`register`).
 * - `enqueue` takes an optional `jobId`: a job id is accepted once while that job is waiting, running or among the
 *   recently finished, so retried requests don't pile up work. Handlers must be idempotent anyway (a job may run
 *   again after a crash or a retry): they read the current state instead of trusting the payload's snapshot.
 * - A failing handler is retried with exponential backoff; after the last attempt the job is kept as failed (the
 *   dead letters a later admin page lists) and logged.
 * - `idle()` resolves once nothing is waiting, delayed or running (tests await it instead of sleeping);
 *   `pause()`/`resume()` stop and restart processing; `close()` stops taking jobs, lets running ones finish and
 *   releases connections (graceful shutdown).
 */
export interface JobPayloads {
  /** Rebuild the tutor's retrieval index of one lesson from its current content. */
  "lesson.reindex": { lessonId: string };
  /** Deliver one row of the mail outbox (the outbox row is the source of truth; sent rows are skipped). */
  "mail.deliver": { mailId: string };
  /** Find outbox rows that are due (a retry, or a job lost with Redis) and enqueue their delivery. */
  "mail.sweep": Record<string, never>;
  /** Post one security alert to ALERT_WEBHOOK_URL (Slack-compatible JSON). */
  "alert.webhook": { eventId: string };
  /** Email one security alert to every admin, through the outbox. */
  "alert.email": { eventId: string };
  /** Issue a learner's certificate for a course if they have completed it (idempotent; reads the current state). */
  "certificate.issue": { userId: string; courseId: string };
  /** Notify one user of one event, per their preferences (the key makes a rerun write nothing twice). */
  "notification.deliver": {
    userId: string;
    kind: NotificationKind;
    key: string;
    data: AnyNotificationData;
  };
  /** Notify every learner of a course of a new lesson, in batches. */
  "notification.lesson_published": { lessonId: string };
  /** The weekly progress email to every learner who opted in. */
  "notification.weekly_progress": Record<string, never>;
  /** Build a learner's daily-review cards of a lesson they completed (one card per term: reruns add nothing). */
  "recall.build": { userId: string; lessonId: string };
  /** Build the cards of every completed lesson that has none yet (lessons completed before the daily review). */
  "recall.backfill": Record<string, never>;
  /** Delete expired sessions, tokens and login failures, and events past their retention. */
  "maintenance.cleanup": Record<string, never>;
  /** Store the analytics daily series of whole past days that are not stored yet (analytics_daily_rollups). */
  "analytics.rollup": Record<string, never>;
}
export type JobName = keyof JobPayloads;

/** The BullMQ queue every API instance and worker shares. */
export const JOBS_QUEUE_NAME = "lumen-jobs";

export interface JobContext {
  id: string;
  name: JobName;
  /** 1 on the first run. */
  attempt: number;
}
export type JobHandler<N extends JobName> = (payload: JobPayloads[N], job: JobContext) => Promise<void>;

/**
 * A custom job id as both drivers accept it: BullMQ keys jobs in Redis as `<prefix>:<queue>:<id>` and refuses an id
 * with a colon, so the in-process driver refuses it too (a colon would otherwise only fail once Redis is configured).
 */
export function assertJobId(id: string): void {
  if (id.length === 0 || id.includes(":")) {
    throw new Error(`Invalid job id "${id}": a custom job id is non-empty and has no ":" (use "." between parts)`);
  }
}

export interface EnqueueOptions {
  /** Idempotency key: a second enqueue with the id of a known job is ignored. No ":" in it (see assertJobId). */
  jobId?: string;
  /** Runs in all, first included (default 3). */
  attempts?: number;
  /** Run no sooner than this many ms from now. */
  delayMs?: number;
  /** First retry delay; doubled on each later retry (default 1000 ms). */
  backoffMs?: number;
}

/** A job that failed its last attempt (a dead letter), as the admin console lists it. */
export interface FailedJob {
  id: string;
  name: string;
  error: string;
  attempts: number;
  failedAt: Date | null;
}

export interface JobsOverview {
  counts: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  /** Newest first, at most `limit`. */
  failed: FailedJob[];
}

export interface JobQueue {
  readonly driver: "memory" | "bullmq";
  register<N extends JobName>(name: N, handler: JobHandler<N>): void;
  /** Resolves once the job is stored (not run); `accepted` is false for a duplicate job id. */
  enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options?: EnqueueOptions,
  ): Promise<{ id: string; accepted: boolean }>;
  /** Counts by state and the newest dead letters. */
  overview(limit?: number): Promise<JobsOverview>;
  /** Runs a dead letter again from its first attempt; false when no failed job has that id. */
  retry(id: string): Promise<boolean>;
  /**
   * Runs `name` every `everyMs` (BullMQ job scheduler: one schedule per name across all processes; a timer in
   * memory mode). Scheduling again replaces the schedule.
   */
  schedule<N extends JobName>(name: N, payload: JobPayloads[N], everyMs: number): Promise<void>;
  idle(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

/** Thrown by a handler when retrying cannot help: the job fails at once and becomes a dead letter. */
export class PermanentJobError extends Error {}

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 1000;

/** The delay before attempt `attempt + 1` after `attempt` failed. */
export const retryDelay = (backoffMs: number, attempt: number) => backoffMs * 2 ** (attempt - 1);
