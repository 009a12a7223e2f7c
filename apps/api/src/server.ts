import { buildApp } from "./app.js";
import { openInfrastructure, prepareDatabase } from "./bootstrap.js";
import { EnvError } from "./env.js";
import { createErrorReporter } from "./lib/error-reporting.js";
import { createMetrics } from "./lib/metrics.js";
import { onShutdown } from "./lib/shutdown.js";
import { startMetricsServer } from "./metrics-server.js";

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const infra = await openInfrastructure();
  const { config, env } = infra;
  const errorReporter = createErrorReporter(config.sentry);
  const metrics = createMetrics();
  // Listen first so /health answers while migrations run; the API answers 503 until they are applied.
  const app = await buildApp({
    config,
    database: infra.database,
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
  // Requests still running when shutdown starts must finish before the database closes under them.
  let inFlight = 0;
  // A request counts until its response is produced (onSend), which also happens when the client has gone
  // away meanwhile (onResponse then never fires); the database is closed only once all of them are done.
  const counted = new WeakSet<object>();
  app.addHook("onRequest", async (request) => {
    inFlight++;
    counted.add(request);
  });
  app.addHook("onSend", async (request, _reply, payload) => {
    if (counted.delete(request)) inFlight--;
    return payload;
  });
  await app.listen({ host: env.API_HOST, port: env.API_PORT });
  const metricsServer =
    env.METRICS_PORT > 0 ? await startMetricsServer(metrics, { host: env.METRICS_HOST, port: env.METRICS_PORT }) : null;

  onShutdown({
    log: app.log,
    graceMs: SHUTDOWN_GRACE_MS,
    doing: "draining in-flight requests",
    drain: async () => {
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
