import { jobRetryResultSchema, jobsOverviewQuerySchema, jobsOverviewSchema } from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../../lib/errors.js";
import { ok, responds } from "../../lib/reply.js";
import type { JobQueue } from "../jobs/jobs.js";

/** Background jobs for operators: counts by state, dead letters, and running a dead letter again. */
export function adminJobRoutes(app: FastifyInstance, opts: { jobs: Pick<JobQueue, "driver" | "overview" | "retry"> }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const guard = { config: { auth: { roles: ["admin"] } } } as const;
  const tags = ["admin"];
  const security = [{ bearerAuth: [] }];

  // GET /admin/jobs?limit – counts by state and the newest dead letters (jobs that failed their last attempt)
  r.get(
    "/admin/jobs",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Background jobs: counts by state and failed jobs",
        querystring: jobsOverviewQuerySchema,
        response: responds(jobsOverviewSchema),
      },
    },
    async (request) => {
      const { counts, failed } = await opts.jobs.overview(request.query.limit);
      return ok({
        driver: opts.jobs.driver,
        counts,
        failed: failed.map((f) => ({
          id: f.id,
          name: f.name,
          error: f.error,
          attempts: f.attempts,
          failed_at: f.failedAt?.toISOString() ?? null,
        })),
      });
    },
  );

  // POST /admin/jobs/:id/retry – runs a failed job again from its first attempt; 404 unless it is a dead letter
  r.post(
    "/admin/jobs/:id/retry",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Retry a failed job",
        params: z.object({ id: z.string().min(1).max(200) }),
        response: responds(jobRetryResultSchema),
      },
    },
    async (request) => {
      if (!(await opts.jobs.retry(request.params.id))) throw notFound("Failed job");
      return ok({ id: request.params.id, retried: true as const }, "Job queued again");
    },
  );
}
