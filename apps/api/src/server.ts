import { buildApp } from "./app.js";
import { openInfrastructure, prepareDatabase } from "./bootstrap.js";
import { EnvError } from "./env.js";
import { createErrorReporter } from "./lib/error-reporting.js";
import { createMetrics } from "./lib/metrics.js";
import { onShutdown } from "./lib/shutdown.js";
import { startMetricsServer } from "./metrics-server.js";

/** How long closing may take once the drain window is over (requests in flight, then the database). */
const SHUTDOWN_GRACE_MS = 10_000;
/**
 * The drain window on PostgreSQL, where instances run behind a load balancer (SHUTDOWN_DRAIN_MS overrides it).
 * PGlite is one process that no balancer fronts: it stops at once.
 */
const DEFAULT_DRAIN_MS = 5_000;

async function main(): Promise<void> {
  const infra = await openInfrastructure();
  const { config, env } = infra;
  const errorReporter = createErrorReporter(config.sentry);
  const metrics = createMetrics();
  // Listen first so /health answers while migrations run; the API answers 503 until they are applied.
  const app = await buildApp({
    config,
    database: infra.database,
    readReplica: infra.readReplica,
    redis: infra.redis,
    mailTransport: infra.mailTransport,
    ready: false,
    metrics,
    errorReporter,
    runJobs: env.JOBS_MODE === "inline",
  });
  process.on("unhandledRejection", (err) => {
    app.log.error({ err }, "unhandled promise rejection");
    errorReporter.capture(err, {});
  });
  // Requests still running when shutdown starts must finish before the database closes under them. A request
  // counts until its response is closed: finished, cut off by the client, or ended by a hijacked stream (the
  // tutor's server-sent events never pass through onSend).
  let inFlight = 0;
  let draining = false;
  app.addHook("onRequest", async (_request, reply) => {
    inFlight++;
    reply.raw.once("close", () => {
      inFlight--;
    });
  });
  // While draining, every answer closes its connection, so a load balancer's pooled keep-alive connections are
  // gone before the listener closes and none is reused at the instant it does.
  app.addHook("onSend", async (_request, reply, payload) => {
    if (draining) reply.header("connection", "close");
    return payload;
  });
  await app.listen({ host: env.API_HOST, port: env.API_PORT });
  const metricsServer =
    env.METRICS_PORT > 0 ? await startMetricsServer(metrics, { host: env.METRICS_HOST, port: env.METRICS_PORT }) : null;

  const drainMs = env.SHUTDOWN_DRAIN_MS ?? (infra.database.kind === "postgres" ? DEFAULT_DRAIN_MS : 0);
  onShutdown({
    log: app.log,
    graceMs: drainMs + SHUTDOWN_GRACE_MS,
    doing: `draining for ${drainMs} ms, then closing after the requests in flight`,
    drain: async () => {
      // Readiness flips to 503 first; requests keep being served while the load balancer moves away.
      draining = true;
      app.markDraining();
      if (drainMs > 0) await new Promise((r) => setTimeout(r, drainMs));
      await app.close();
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 20));
      await metricsServer?.close();
      await errorReporter.flush();
      await infra.close();
    },
  });

  try {
    await prepareDatabase(infra, app.log);
  } catch (err) {
    app.log.fatal({ err }, "could not prepare the database");
    await app.close();
    await infra.close();
    process.exit(1);
  }
  // The tutor's index is backfilled in the background: lessons are indexed on save, this covers the rest.
  app.ai
    .indexAll()
    .then((r) => app.log.info({ ...r, provider: app.ai.provider, model: app.ai.model }, "tutor index ready"))
    .catch((err) => app.log.error({ err }, "tutor index backfill failed"));
  await app.startSchedules();
  void app.mail.flush();
  app.markReady();
  app.log.info(
    {
      url: `http://localhost:${env.API_PORT}`,
      docs: `http://localhost:${env.API_PORT}/docs`,
      database: infra.database.kind,
      redis: Boolean(infra.redis),
      mail: infra.mailTransport.kind,
      metrics: metricsServer ? `http://${env.METRICS_HOST}:${metricsServer.port}/metrics` : "off",
      sentry: errorReporter.enabled,
    },
    "Lumen API ready",
  );
}

main().catch((err) => {
  if (err instanceof EnvError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
