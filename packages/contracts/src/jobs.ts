import { z } from "zod";

/** A background job that failed its last attempt (a dead letter); the admin console can run it again. */
export const failedJobSchema = z.object({
  id: z.string(),
  name: z.string().describe("The job's kind, e.g. mail.deliver, lesson.reindex, alert.webhook"),
  error: z.string().describe("The last attempt's error message"),
  attempts: z.number().int().describe("Attempts made, the last included"),
  failed_at: z.string().nullable(),
});
export type FailedJob = z.infer<typeof failedJobSchema>;

export const jobCountsSchema = z.object({
  waiting: z.number().int(),
  active: z.number().int(),
  delayed: z.number().int().describe("Waiting for a retry's backoff or a scheduled time"),
  completed: z.number().int().describe("Recently completed jobs still kept"),
  failed: z.number().int().describe("Dead letters"),
});

export const jobsOverviewSchema = z.object({
  driver: z.enum(["memory", "bullmq"]).describe("bullmq with REDIS_URL; memory (in-process) without"),
  counts: jobCountsSchema,
  failed: z.array(failedJobSchema).describe("The newest dead letters, newest first"),
});
export type JobsOverview = z.infer<typeof jobsOverviewSchema>;

export const jobsOverviewQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const jobRetryResultSchema = z.object({ id: z.string(), retried: z.literal(true) });
