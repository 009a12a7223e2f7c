import type { FastifyBaseLogger } from "fastify";

/**
 * SIGINT/SIGTERM run `drain` once, then exit 0; past `graceMs` the process exits 1 instead of hanging. Shared by
 * the API server and the worker, which differ only in what draining means.
 */
export function onShutdown(opts: {
  log: FastifyBaseLogger;
  graceMs: number;
  /** What the log says is happening ("draining in-flight requests"). */
  doing: string;
  drain: () => Promise<void>;
}): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    opts.log.info({ signal }, `shutting down: ${opts.doing}`);
    const force = setTimeout(() => {
      opts.log.error("shutdown took too long; exiting");
      process.exit(1);
    }, opts.graceMs);
    force.unref();
    await opts.drain();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}
