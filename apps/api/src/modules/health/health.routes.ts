import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../lib/errors.js";
import { ok, responds } from "../../lib/reply.js";

export interface ReadinessProbe {
  migrated(): boolean;
  /** True once shutdown has begun (SIGTERM): the instance still serves but wants no new traffic. */
  draining(): boolean;
  database(): Promise<boolean>;
  /** Null when Redis is not configured. */
  redis(): Promise<boolean | null>;
}

const readySchema = z.object({
  database: z.enum(["ok", "down"]),
  migrations: z.enum(["applied", "pending"]),
  redis: z.enum(["ok", "down", "not_configured"]),
  draining: z.boolean(),
});

export function healthRoutes(app: FastifyInstance, opts: { probe: ReadinessProbe }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["health"];

  // GET /health – liveness: the process answers; touches no dependency
  r.get(
    "/health",
    { schema: { tags, summary: "Liveness", response: responds(z.object({ status: z.literal("ok") })) } },
    async () => ok({ status: "ok" as const }),
  );

  // GET /health/ready – 200 when the database answers, migrations are applied and the instance is not shutting
  // down. Redis being down is reported but keeps the instance ready: every Redis user falls back (limits per
  // instance, caches skipped, jobs in process), and taking every instance out on a Redis outage would turn a
  // degradation into a full outage.
  r.get("/health/ready", { schema: { tags, summary: "Readiness", response: responds(readySchema) } }, async () => {
    const [database, redis] = await Promise.all([opts.probe.database(), opts.probe.redis()]);
    const status = {
      database: database ? ("ok" as const) : ("down" as const),
      migrations: opts.probe.migrated() ? ("applied" as const) : ("pending" as const),
      redis: redis === null ? ("not_configured" as const) : redis ? ("ok" as const) : ("down" as const),
      draining: opts.probe.draining(),
    };
    if (status.database !== "ok" || status.migrations !== "applied" || status.draining) {
      throw new AppError("SERVICE_UNAVAILABLE", status.draining ? "Shutting down" : "Not ready", status, {
        "retry-after": "2",
      });
    }
    return ok(status, "Ready");
  });
}
