import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Metrics } from "./lib/metrics.js";

/** The process's own readiness, as its `/health/ready` would answer it: a status code and a JSON body. */
export type ReadinessProbe = () => Promise<{ status: number; body: string }>;

/**
 * `GET /metrics` on its own port, away from the public listener (Prometheus scrapes it on the private network;
 * the public port only serves it with METRICS_TOKEN). The worker, which has no public port, also answers its
 * readiness at `GET /health/ready` here, for Docker's and Railway's health checks. Anything else answers 404.
 */
export async function startMetricsServer(
  metrics: Metrics,
  opts: { host: string; port: number; ready?: ReadinessProbe },
): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method === "GET" && path === "/health/ready" && opts.ready) {
      opts.ready().then(
        ({ status, body }) =>
          res
            .writeHead(status, {
              "content-type": "application/json",
              "cache-control": "no-store",
              ...(status === 503 ? { "retry-after": "2" } : {}),
            })
            .end(body),
        () =>
          res
            .writeHead(503, { "content-type": "application/json", "cache-control": "no-store", "retry-after": "2" })
            .end(JSON.stringify({ error: { code: "SERVICE_UNAVAILABLE", message: "Readiness could not be checked" } })),
      );
      return;
    }
    if (req.method !== "GET" || path !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found: the metrics are at /metrics\n");
      return;
    }
    metrics.render().then(
      (body) => res.writeHead(200, { "content-type": metrics.contentType, "cache-control": "no-store" }).end(body),
      () => res.writeHead(500, { "content-type": "text/plain" }).end("metrics unavailable\n"),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
