import type { DatabaseHandle } from "@lumen/db";
import type { FastifyInstance } from "fastify";
import type { Metrics } from "../lib/metrics.js";
import { createViewerCache, type ViewerCache } from "../lib/viewer-cache.js";

declare module "fastify" {
  interface FastifyInstance {
    /** Resolves once this instance has applied every viewer change committed before the call (tests, scripts). */
    viewerSync(): Promise<void>;
  }
}

const CHANNEL = "lumen_viewer";
const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The viewer cache (lib/viewer-cache.ts) fed by the database's `lumen_viewer` notifications, or null when it is
 * turned off. Before a write's response leaves, this instance has applied every notification its own commits
 * sent (one round trip on the listening connection): whoever enrolls, pays, signs out or is disabled here gets
 * the new answer on their very next request to this instance. Other instances apply it on delivery.
 */
export function registerViewerCache(
  app: FastifyInstance,
  deps: { database: DatabaseHandle; ttlMs: number; metrics: Metrics },
): ViewerCache | null {
  if (deps.ttlMs <= 0) {
    app.decorate("viewerSync", () => Promise.resolve());
    return null;
  }
  const cache = createViewerCache({
    ttlMs: deps.ttlMs,
    onLookup: (result) => deps.metrics.cache.inc({ cache: "viewer", result }),
  });
  const subscription = deps.database.listen(CHANNEL, {
    onNotify: (payload) => cache.changed(payload),
    onLive: (live) => {
      cache.setLive(live);
      deps.metrics.viewerCacheLive.set(live ? 1 : 0);
      if (!live) app.log.warn("viewer cache off: the database's change notifications are not arriving");
    },
  });
  app.decorate("viewerSync", () => subscription.sync());
  app.addHook("onSend", async (request, reply) => {
    // A 5xx wrote nothing worth waiting for, and during a database outage the wait would only delay the 503.
    // Nor did a write that committed nothing.
    if (WRITES.has(request.method) && reply.statusCode < 500 && !request.wroteNothing) await subscription.sync();
  });
  app.addHook("onClose", () => subscription.close());
  return cache;
}
