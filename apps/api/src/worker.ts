import { buildApp } from "./app.js";
import { openInfrastructure } from "./bootstrap.js";
import { EnvError } from "./env.js";
import { createErrorReporter } from "./lib/error-reporting.js";
import { createMetrics } from "./lib/metrics.js";
import { onShutdown } from "./lib/shutdown.js";
import { startMetricsServer } from "./metrics-server.js";

const SHUTDOWN_GRACE_MS = 30_000;

/**
 * `npm run start:worker`: runs the background jobs (lesson re-indexing…) the API instances enqueue with
 * JOBS_MODE=producer, taking them from Redis. It serves no HTTP but its metrics and readiness (METRICS_PORT); on SIGTERM it stops taking
 * jobs, lets the running one finish, and exits. A job interrupted by a crash is picked up again once BullMQ
 * sees its lock expire (handlers are idempotent).
 */
async function main(): Promise<void> {
  const infra = await openInfrastructure();
  const { config, env } = infra;
  if (!infra.redis) {
    throw new EnvError("The worker needs REDIS_URL: without Redis each API instance runs its jobs itself");
  }
  const errorReporter = createErrorReporter(config.sentry ? { ...config.sentry, component: "worker" } : null);
  const metrics = createMetrics();
  const app = await buildApp({
    config,
    database: infra.database,
    redis: infra.redis,
    mailTransport: infra.mailTransport,
    metrics,
    errorReporter,
    runJobs: true,
  });
  await app.ready();
  await app.startSchedules();
  // Its readiness is the app's own (database, migrations, Redis, not draining), asked without a public listener.
  const ready = async () => {
    const res = await app.inject({ method: "GET", url: "/health/ready" });
    return { status: res.statusCode, body: res.body };
  };
  const metricsServer =
    env.METRICS_PORT > 0
      ? await startMetricsServer(metrics, { host: env.METRICS_HOST, port: env.METRICS_PORT, ready })
      : null;
  app.log.info({ jobs: app.jobs.driver, metrics: metricsServer?.port ?? "off" }, "Lumen worker ready");

  onShutdown({
    log: app.log,
    graceMs: SHUTDOWN_GRACE_MS,
    doing: "finishing the running job",
    drain: async () => {
      await app.close();
      await metricsServer?.close();
      await errorReporter.flush();
      await infra.close();
    },
  });
}

main().catch((err) => {
  console.error(err instanceof EnvError ? err.message : err);
  process.exit(1);
});
