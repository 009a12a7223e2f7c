import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { unauthorized } from "../lib/errors.js";
import type { Metrics } from "../lib/metrics.js";
import { redactUrl } from "../logger.js";

/** Business events whose only trace is a successful request (the rest are counted from learning events). */
const BUSINESS_ROUTES: Record<string, string> = { "POST /api/v1/auth/register": "registration" };

/** The route template a request matched ("/api/v1/courses/:id"), never the raw URL: labels stay bounded. */
export const routeOf = (request: FastifyRequest) => request.routeOptions.url ?? "unmatched";

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * One log line and one histogram observation per request (Fastify's own two lines per request are off), and
 * `GET /metrics` on the public port only when a token guards it (by default metrics have their own port).
 */
export function registerObservability(app: FastifyInstance, opts: { metrics: Metrics; token?: string | undefined }) {
  const { metrics } = opts;
  app.addHook("onResponse", async (request, reply) => {
    const route = routeOf(request);
    const status = reply.statusCode;
    const seconds = reply.elapsedTime / 1000;
    metrics.http.observe({ method: request.method, route, status: String(status) }, seconds);
    if (status === 429) metrics.rateLimited.inc({ route });
    const business = status < 300 ? BUSINESS_ROUTES[`${request.method} ${route}`] : undefined;
    if (business) metrics.business.inc({ event: business });
    // 503 is the API saying "not now" (starting, database unreachable): worth a warning, not an error.
    const level = status === 503 ? "warn" : status >= 500 ? "error" : "info";
    request.log[level](
      {
        method: request.method,
        url: redactUrl(request.url),
        route,
        status,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        ...(request.auth ? { user_id: request.auth.userId } : {}),
        remote: request.clientIp,
      },
      "request",
    );
  });

  const token = opts.token;
  if (token) {
    app.get("/metrics", { schema: { hide: true }, config: { ownAuthorization: true } }, async (request, reply) => {
      const header = request.headers.authorization ?? "";
      const given = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? "";
      if (!sameSecret(given, token)) throw unauthorized("/metrics needs 'Authorization: Bearer <METRICS_TOKEN>'");
      reply.header("content-type", metrics.contentType).header("cache-control", "no-store");
      return metrics.render();
    });
  }
}
