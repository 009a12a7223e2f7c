import type { Env, Secrets } from "./env.js";
import type { SentrySettings } from "./lib/error-reporting.js";

/** Everything the app needs to know, already validated; tests build one directly. */
export interface AppConfig {
  nodeEnv: "development" | "production" | "test";
  dataDir: string;
  jwt: { secret: string; issuer: string; audience: string };
  encryptionKey: Buffer;
  corsOrigins: string[];
  appUrl: string;
  /** How long a signed-in reader's session state and course access may be served from memory; 0: never. */
  viewerCacheTtlMs: number;
  /** How often buffered player reports are written to the database; 0: no buffer, each is written at once. */
  progressWriteBehindMs: number;
  mailFrom: string;
  bodyLimit: number;
  rateLimit: { max: number; windowSeconds: number };
  /** Load balancers (addresses/CIDRs) whose X-Forwarded-For is believed; empty: none. */
  trustProxy: string[];
  /** The web gateway proves with it that the client address it forwards is real. */
  gatewaySecret: string;
  logLevel: string;
  /** JSON lines in production; one readable line per request in development. */
  logFormat: "json" | "pretty";
  /** When set, `GET /metrics` also answers on the public port to `Authorization: Bearer <token>`. */
  metricsToken?: string | undefined;
  /** Sentry error reporting; null = off. */
  sentry: SentrySettings | null;
  /** Swagger UI at /docs and the OpenAPI document; API_DOCS=false turns both off. */
  apiDocs: boolean;
  /** The refresh cookie is `Secure` everywhere but local development over plain http. */
  cookieSecure: boolean;
  admin: { email: string; password: string } | null;
  seedDemo: boolean;
  ai: {
    anthropicApiKey?: string | undefined;
    anthropicBaseUrl?: string | undefined;
    openaiBaseUrl?: string | undefined;
    openaiApiKey?: string | undefined;
    model?: string | undefined;
    embeddingModel?: string | undefined;
    timeoutMs: number;
    maxOutputTokens: number;
    userDailyLimit: number;
    premiumDailyLimit: number;
    platformDailyLimit: number;
    cacheTtlSeconds: number;
  };
  media: MediaConfig;
  billing: BillingConfig;
  /** Background jobs; absent: BullMQ's defaults. */
  jobs?: { lockMs?: number | undefined };
  /**
   * Where to tell each web app instance that a course's public view changed (its /api/revalidate), signed with the
   * shared secret; absent or null: the web app's cached pages refresh on their timer only.
   */
  webRevalidation?: { urls: string[]; secret: string } | null;
  /** Security alerts; absent: the defaults of ALERT_DEFAULTS, no webhook. */
  alerts?: AlertsConfig;
}

export interface AlertsConfig {
  /** Slack-compatible incoming webhook (`{text, blocks}`); null = console and email only. */
  webhookUrl: string | null;
  /** A refund of at least this many minor units raises an alert. */
  refundThresholdCents: number;
  /** Lockouts of this many distinct accounts from one client within the window raise an alert. */
  lockoutAccounts: number;
  lockoutWindowMinutes: number;
}

export const ALERT_DEFAULTS: AlertsConfig = {
  webhookUrl: null,
  refundThresholdCents: 50_000,
  lockoutAccounts: 5,
  lockoutWindowMinutes: 15,
};

export interface BillingConfig {
  /** Stripe when configured; null = the built-in test checkout. */
  stripe: StripeConfig | null;
  currency: string;
  /** Premium's prices in minor units (shown on /pricing, charged by the test checkout). */
  premiumPrices: { month: number; year: number };
  /** Stripe calls that take longer fail with 503, so a checkout never hangs. */
  timeoutMs: number;
}

export interface StripeConfig {
  secretKey: string;
  webhookSecret: string;
  /** Another API host (a loopback stand-in in tests). */
  apiUrl?: string | undefined;
  premiumPriceIds: { month: string; year: string };
}

export interface MediaConfig {
  maxVideoBytes: number;
  maxImageBytes: number;
  /** Signed video links live between this and 1.25 times this (their expiry is rounded for caching). */
  urlTtlSeconds: number;
  /** S3-compatible object storage; null = local disk under `$DATA_DIR/media`. */
  s3: S3Config | null;
}

export interface S3Config {
  bucket: string;
  region: string;
  endpoint?: string | undefined;
  forcePathStyle: boolean;
  /** Absent: the AWS SDK's default credential chain (instance role, AWS_* variables…). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
}

export function configFromEnv(env: Env, secrets: Secrets, dataDir: string): AppConfig {
  return {
    nodeEnv: env.NODE_ENV,
    dataDir,
    jwt: { secret: secrets.jwtSecret, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE },
    encryptionKey: secrets.encryptionKey,
    corsOrigins: env.CORS_ORIGINS.split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    appUrl: env.APP_URL.replace(/\/$/, ""),
    viewerCacheTtlMs: env.VIEWER_CACHE_TTL_MS,
    progressWriteBehindMs: env.PROGRESS_WRITE_BEHIND_MS,
    mailFrom: env.MAIL_FROM,
    bodyLimit: env.BODY_LIMIT_BYTES,
    rateLimit: { max: env.RATE_LIMIT_MAX, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS },
    trustProxy: env.TRUST_PROXY,
    gatewaySecret: secrets.gatewaySecret,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT ?? (env.NODE_ENV === "development" ? "pretty" : "json"),
    metricsToken: env.METRICS_TOKEN,
    sentry: env.SENTRY_DSN
      ? {
          dsn: env.SENTRY_DSN,
          environment: env.SENTRY_ENVIRONMENT ?? env.NODE_ENV,
          release: env.SENTRY_RELEASE,
          tracesSampleRate: env.SENTRY_TRACES_SAMPLE_RATE,
          component: "api",
        }
      : null,
    apiDocs: env.API_DOCS,
    cookieSecure: env.NODE_ENV !== "development",
    admin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : null,
    seedDemo: env.SEED_DEMO,
    ai: {
      anthropicApiKey: env.ANTHROPIC_API_KEY,
      anthropicBaseUrl: env.ANTHROPIC_BASE_URL,
      openaiBaseUrl: env.AI_BASE_URL,
      openaiApiKey: env.AI_API_KEY,
      model: env.AI_MODEL,
      embeddingModel: env.AI_EMBEDDING_MODEL,
      timeoutMs: env.AI_TIMEOUT_MS,
      maxOutputTokens: env.AI_MAX_OUTPUT_TOKENS,
      userDailyLimit: env.AI_USER_DAILY_LIMIT,
      premiumDailyLimit: env.AI_PREMIUM_DAILY_LIMIT,
      platformDailyLimit: env.AI_PLATFORM_DAILY_LIMIT,
      cacheTtlSeconds: env.AI_CACHE_TTL_SECONDS,
    },
    media: {
      maxVideoBytes: env.MEDIA_MAX_VIDEO_BYTES,
      maxImageBytes: env.MEDIA_MAX_IMAGE_BYTES,
      urlTtlSeconds: env.MEDIA_URL_TTL_SECONDS,
      s3: env.S3_BUCKET
        ? {
            bucket: env.S3_BUCKET,
            region: env.S3_REGION,
            endpoint: env.S3_ENDPOINT,
            forcePathStyle: env.S3_FORCE_PATH_STYLE,
            credentials:
              env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
                ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
                : undefined,
          }
        : null,
    },
    billing: {
      stripe:
        env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET
          ? {
              secretKey: env.STRIPE_SECRET_KEY,
              webhookSecret: env.STRIPE_WEBHOOK_SECRET,
              apiUrl: env.STRIPE_API_URL,
              premiumPriceIds: {
                month: env.STRIPE_PRICE_PREMIUM_MONTHLY ?? "",
                year: env.STRIPE_PRICE_PREMIUM_YEARLY ?? "",
              },
            }
          : null,
      currency: "usd",
      premiumPrices: { month: env.PREMIUM_PRICE_MONTHLY, year: env.PREMIUM_PRICE_YEARLY },
      timeoutMs: 4000,
    },
    jobs: { lockMs: env.JOBS_LOCK_MS },
    webRevalidation:
      env.WEB_REVALIDATE_URL && secrets.revalidateSecret
        ? { urls: env.WEB_REVALIDATE_URL, secret: secrets.revalidateSecret }
        : null,
    alerts: {
      webhookUrl: env.ALERT_WEBHOOK_URL ?? null,
      refundThresholdCents: env.ALERT_REFUND_THRESHOLD_CENTS,
      lockoutAccounts: env.ALERT_LOCKOUT_ACCOUNTS,
      lockoutWindowMinutes: env.ALERT_LOCKOUT_WINDOW_MINUTES,
    },
  };
}
