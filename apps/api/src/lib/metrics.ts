import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * The API's Prometheus metrics: one registry per app instance (tests build many apps in one process).
 * Labels are low-cardinality by construction: route templates, never raw URLs; no user or course ids.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "lumen_" });
  const registers = [registry];

  // Every family is registered on this app's registry only; label names are literal tuples, so a typo in a
  // label is a type error where the metric is used.
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Counter<L>({ name, help, labelNames, registers });
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Gauge<L>({ name, help, labelNames, registers });
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]) =>
    new Histogram<L>({ name, help, labelNames, buckets, registers });

  const http = histogram(
    "lumen_http_request_duration_seconds",
    "HTTP request duration by route template, method and status",
    ["method", "route", "status"],
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  );
  const dbQuery = histogram(
    "lumen_db_query_duration_seconds",
    "Database query duration (outside transactions) by outcome",
    ["outcome"],
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
  );
  const dbPool = gauge(
    "lumen_db_pool_connections",
    "PostgreSQL pool connections by state (total, idle, waiting clients)",
    ["state"],
  );
  const dbReads = counter(
    "lumen_db_reads_total",
    "Queries of the replica-routed reads (catalog, search, guest course detail, analytics) by the pool that served them",
    ["pool"],
  );
  const dbReplicaLag = gauge(
    "lumen_db_replica_lag_seconds",
    "How far the read replica may be behind the primary (upper bound from the last lag probe)",
  );
  const dbReplicaUp = gauge(
    "lumen_db_replica_up",
    "1 when the read replica answered its last lag probe, else 0 (also 0 without DATABASE_READ_URL)",
  );
  const viewerCacheLive = gauge(
    "lumen_viewer_cache_live",
    "1 while the database's viewer change notifications arrive (the viewer cache serves), else 0 (it stands aside)",
  );
  const cache = counter("lumen_cache_requests_total", "Cache lookups by cache and result (hit or miss)", [
    "cache",
    "result",
  ]);
  const redisFallbacks = counter(
    "lumen_redis_fallbacks_total",
    "Times a component fell back to in-process state because Redis failed",
    ["component"],
  );
  const progressFlushes = histogram(
    "lumen_progress_flush_duration_seconds",
    "Batched writes of buffered progress reports to PostgreSQL (one observation per batch)",
    [],
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
  );
  const progressFlushedRows = counter(
    "lumen_progress_flushed_rows_total",
    "Progress rows written from the write-behind buffer (each carries every report made since its last flush)",
  );
  const progressFlushErrors = counter(
    "lumen_progress_flush_errors_total",
    "Batched progress writes that failed (their reports stay buffered and are written by the next flush)",
  );
  const progressBuffered = gauge(
    "lumen_progress_buffered_rows",
    "Progress rows with reports acknowledged but not yet written to PostgreSQL",
  );
  const rateLimited = counter("lumen_rate_limit_refusals_total", "Requests refused with 429 by route template", [
    "route",
  ]);
  const aiRequests = counter("lumen_ai_requests_total", "Model calls by provider and outcome (ok or error)", [
    "provider",
    "outcome",
  ]);
  const aiTokens = counter("lumen_ai_tokens_total", "Model tokens by provider and direction (input or output)", [
    "provider",
    "direction",
  ]);
  const aiCost = counter("lumen_ai_cost_usd_total", "Estimated model cost in US dollars by provider", ["provider"]);
  const aiLatency = histogram(
    "lumen_ai_request_duration_seconds",
    "Model call duration by provider",
    ["provider"],
    [0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
  );
  const aiPlatformToday = gauge(
    "lumen_ai_platform_requests_today",
    "Model requests counted against today's platform-wide budget (UTC day)",
  );
  const aiPlatformLimit = gauge(
    "lumen_ai_platform_daily_limit",
    "The platform-wide daily budget of model requests (AI_PLATFORM_DAILY_LIMIT)",
  );
  const mailQueue = gauge(
    "lumen_mail_queue_depth",
    "Outbox mails by state: pending (first try due), retrying (failed before), dead (gave up)",
    ["state"],
  );
  const mailDeliveries = counter(
    "lumen_mail_deliveries_total",
    "Mail delivery attempts by outcome (sent, retry, failed)",
    ["outcome"],
  );
  const webRevalidations = counter(
    "lumen_web_revalidations_total",
    "Calls asking the web app to regenerate its cached pages (coalesced course changes) by outcome (ok or error)",
    ["outcome"],
  );
  const business = counter(
    "lumen_business_events_total",
    "Registrations, enrollments, lesson completions, purchases and subscriptions",
    ["event"],
  );
  const ready = gauge("lumen_ready", "1 when this instance is ready to serve (migrated, database reachable), else 0");

  const refreshers: Array<() => Promise<void> | void> = [];

  return {
    registry,
    http,
    dbQuery,
    dbPool,
    replica: { reads: dbReads, lag: dbReplicaLag, up: dbReplicaUp },
    cache,
    viewerCacheLive,
    redisFallbacks,
    progress: {
      flushes: progressFlushes,
      flushedRows: progressFlushedRows,
      flushErrors: progressFlushErrors,
      buffered: progressBuffered,
    },
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
    webRevalidations,
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
