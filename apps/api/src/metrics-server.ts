import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Metrics } from "./lib/metrics.js";

/**
 * `GET /metrics` on its own port, away from the public listener (Prometheus scrapes it on the private network;
 * the public port only serves it with METRICS_TOKEN). Anything else answers 404.
 */
export async function startMetricsServer(
  metrics: Metrics,
  opts: { host: string; port: number },
): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
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
