import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * The API's Prometheus metrics: one registry per app instance (tests build many apps in one process).
 * Labels are low-cardinality by construction: route templates, never raw URLs; no user or course ids.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "lumen_" });
  const registers = [registry];

  const http = new Histogram({
    name: "lumen_http_request_duration_seconds",
    help: "HTTP request duration by route template, method and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const dbQuery = new Histogram({
    name: "lumen_db_query_duration_seconds",
    help: "Database query duration (outside transactions) by outcome",
    labelNames: ["outcome"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers,
  });
  const dbPool = new Gauge({
    name: "lumen_db_pool_connections",
    help: "PostgreSQL pool connections by state (total, idle, waiting clients)",
    labelNames: ["state"] as const,
    registers,
  });
  const dbReads = new Counter({
    name: "lumen_db_reads_total",
    help: "Queries of the replica-routed reads (catalog, search, guest course detail, analytics) by the pool that served them",
    labelNames: ["pool"] as const,
    registers,
  });
  const dbReplicaLag = new Gauge({
    name: "lumen_db_replica_lag_seconds",
    help: "How far the read replica may be behind the primary (upper bound from the last lag probe)",
    registers,
  });
  const dbReplicaUp = new Gauge({
    name: "lumen_db_replica_up",
    help: "1 when the read replica answered its last lag probe, else 0 (also 0 without DATABASE_READ_URL)",
    registers,
  });
  const cache = new Counter({
    name: "lumen_cache_requests_total",
    help: "Cache lookups by cache and result (hit or miss)",
    labelNames: ["cache", "result"] as const,
    registers,
  });
  const redisFallbacks = new Counter({
    name: "lumen_redis_fallbacks_total",
    help: "Times a component fell back to in-process state because Redis failed",
    labelNames: ["component"] as const,
    registers,
  });
  const rateLimited = new Counter({
    name: "lumen_rate_limit_refusals_total",
    help: "Requests refused with 429 by route template",
    labelNames: ["route"] as const,
    registers,
  });
  const aiRequests = new Counter({
    name: "lumen_ai_requests_total",
    help: "Model calls by provider and outcome (ok or error)",
    labelNames: ["provider", "outcome"] as const,
    registers,
  });
  const aiTokens = new Counter({
    name: "lumen_ai_tokens_total",
    help: "Model tokens by provider and direction (input or output)",
    labelNames: ["provider", "direction"] as const,
    registers,
  });
  const aiCost = new Counter({
    name: "lumen_ai_cost_usd_total",
    help: "Estimated model cost in US dollars by provider",
    labelNames: ["provider"] as const,
    registers,
  });
  const aiLatency = new Histogram({
    name: "lumen_ai_request_duration_seconds",
    help: "Model call duration by provider",
    labelNames: ["provider"] as const,
    buckets: [0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
    registers,
  });
  const aiPlatformToday = new Gauge({
    name: "lumen_ai_platform_requests_today",
    help: "Model requests counted against today's platform-wide budget (UTC day)",
    registers,
  });
  const aiPlatformLimit = new Gauge({
    name: "lumen_ai_platform_daily_limit",
    help: "The platform-wide daily budget of model requests (AI_PLATFORM_DAILY_LIMIT)",
    registers,
  });
  const mailQueue = new Gauge({
    name: "lumen_mail_queue_depth",
    help: "Outbox mails by state: pending (first try due), retrying (failed before), dead (gave up)",
    labelNames: ["state"] as const,
    registers,
  });
  const mailDeliveries = new Counter({
    name: "lumen_mail_deliveries_total",
    help: "Mail delivery attempts by outcome (sent, retry, failed)",
    labelNames: ["outcome"] as const,
    registers,
  });
  const business = new Counter({
    name: "lumen_business_events_total",
    help: "Registrations, enrollments, lesson completions, purchases and subscriptions",
    labelNames: ["event"] as const,
    registers,
  });
  const ready = new Gauge({
    name: "lumen_ready",
    help: "1 when this instance is ready to serve (migrated, database reachable), else 0",
    registers,
  });

  const refreshers: Array<() => Promise<void> | void> = [];

  return {
    registry,
    http,
    dbQuery,
    dbPool,
    replica: { reads: dbReads, lag: dbReplicaLag, up: dbReplicaUp },
    cache,
    redisFallbacks,
    rateLimited,
    ai: {
      requests: aiRequests,
      tokens: aiTokens,
      cost: aiCost,
      latency: aiLatency,
      platformToday: aiPlatformToday,
      platformLimit: aiPlatformLimit,
    },
    mailQueue,
    mailDeliveries,
    business,
    ready,
    /** Runs `refresh` before every scrape (gauges read from the database or a pool at scrape time). */
    onScrape(refresh: () => Promise<void> | void) {
      refreshers.push(refresh);
    },
    /** The exposition text, after the scrape-time gauges are refreshed (a failing refresher is skipped). */
    async render(): Promise<string> {
      await Promise.allSettled(refreshers.map(async (refresh) => refresh()));
      return registry.metrics();
    },
    contentType: registry.contentType,
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
