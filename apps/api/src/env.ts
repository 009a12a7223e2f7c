import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseAddressList } from "./lib/net.js";

/** The only reader of process.env. Every variable is validated here and documented in .env.example. */
const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  API_HOST: z.string().min(1).default("0.0.0.0"),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  // Swagger UI (/docs) and the OpenAPI document; a production deployment may switch them off.
  API_DOCS: booleanFlag.default(true),
  DATA_DIR: z.string().min(1).default("./.data"),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // A streaming read replica for catalog, search, guest course detail and analytics reads (see lib/db-routing.ts):
  // reads go back to the primary when it lags more than MAX_LAG_MS, and for STICKY_MS after a user's own write.
  DATABASE_READ_URL: z.string().url().optional(),
  DATABASE_READ_MAX_LAG_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
  DATABASE_READ_STICKY_MS: z.coerce.number().int().min(0).max(3_600_000).default(3000),
  // An unreachable database must answer 503 quickly, not hang requests: connecting (or waiting for a free pooled
  // connection) and each statement have deadlines.
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  REDIS_URL: z.string().url().optional(),
  // How long a signed-in reader's session check, enrollment and entitlement may be served from this instance's
  // memory (lib/viewer-cache.ts; every change is pushed by the database, this only bounds the rest). 0: off.
  VIEWER_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  // Player reports are acknowledged from a write-behind buffer (Redis when REDIS_URL is set, this process's memory
  // otherwise) and written to PostgreSQL in batches this often; completions are written at once. 0: every report is
  // written before it is answered.
  PROGRESS_WRITE_BEHIND_MS: z.coerce.number().int().min(0).max(10_000).default(500),
  JWT_SECRET: z.string().min(32, "JWT_SECRET must be at least 32 characters").optional(),
  JWT_ISSUER: z.string().min(1).default("lumen"),
  JWT_AUDIENCE: z.string().min(1).default("lumen-api"),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, "ENCRYPTION_KEY must be 32 bytes as 64 hex chars or base64")
    .optional(),
  CORS_ORIGINS: z.string().default("http://localhost:3000,http://127.0.0.1:3000"),
  APP_URL: z.string().url().default("http://localhost:3000"),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("Lumen <no-reply@lumen.local>"),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(10).max(128).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(100),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  // Load balancers whose X-Forwarded-For the API believes, as addresses/CIDRs. "true" used to trust everyone.
  TRUST_PROXY: z
    .string()
    .default("")
    .transform((value, ctx) => {
      if (/^(false|0|no)$/i.test(value.trim())) return [];
      if (/^(true|1|yes)$/i.test(value.trim())) {
        ctx.addIssue({
          code: "custom",
          message:
            "TRUST_PROXY no longer accepts true (that let any client forge its address): list the load balancers' addresses or CIDR ranges, e.g. 10.0.0.0/8",
        });
        return z.NEVER;
      }
      try {
        return parseAddressList(value);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
        return z.NEVER;
      }
    }),
  // Shared with the web app's server, which proves with it that the client address it forwards is real.
  GATEWAY_SECRET: z.string().min(32, "GATEWAY_SECRET must be at least 32 characters").optional(),
  // The web app's cache revalidation endpoint (its /api/revalidate): told which cached pages to regenerate after a
  // course changes. Several web app instances (each caches on its own): their URLs, comma-separated, each told.
  // Unset: the web app's pages refresh on their timer (5 min). `npm start` points it at its web app.
  WEB_REVALIDATE_URL: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const urls = (value ?? "")
        .split(",")
        .map((u) => u.trim())
        .filter(Boolean);
      for (const url of urls) {
        if (!z.string().url().safeParse(url).success || !/^https?:/i.test(url)) {
          ctx.addIssue({ code: "custom", message: `WEB_REVALIDATE_URL: "${url}" is not an http(s) URL` });
          return z.NEVER;
        }
      }
      return urls.length > 0 ? urls : undefined;
    }),
  // Signs those calls (HMAC); the web app checks it. Required with WEB_REVALIDATE_URL in production; outside
  // production it is generated into $DATA_DIR/secrets.json, where the web app's server reads it.
  REVALIDATE_SECRET: z.string().min(32, "REVALIDATE_SECRET must be at least 32 characters").optional(),
  SEED_DEMO: booleanFlag.default(true),
  // AI tutor: Claude when ANTHROPIC_API_KEY is set, an OpenAI-compatible server when AI_BASE_URL is, else offline.
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_BASE_URL: z.string().url().optional(),
  AI_BASE_URL: z.string().url().optional(),
  AI_API_KEY: z.string().min(1).optional(),
  AI_MODEL: z.string().min(1).optional(),
  AI_EMBEDDING_MODEL: z.string().min(1).optional(),
  AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
  AI_MAX_OUTPUT_TOKENS: z.coerce.number().int().min(64).max(8192).default(1024),
  AI_USER_DAILY_LIMIT: z.coerce.number().int().min(0).default(50),
  AI_PREMIUM_DAILY_LIMIT: z.coerce.number().int().min(0).default(200),
  AI_PLATFORM_DAILY_LIMIT: z.coerce.number().int().min(0).default(10_000),
  AI_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).default(3600),
  // Uploaded media: size limits per kind, how long a signed video link lives, and S3 when S3_BUCKET is set.
  MEDIA_MAX_VIDEO_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(500 * 1024 * 1024),
  MEDIA_MAX_IMAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  MEDIA_URL_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(6 * 3600),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.default(false),
  // Operations: Prometheus metrics on their own port (0 = no separate listener), or on the public port with a
  // bearer token; request logs as JSON or one readable line; Sentry when SENTRY_DSN is set.
  // inline: each API instance runs background jobs; producer: it only enqueues them for `npm run start:worker`.
  JOBS_MODE: z.enum(["inline", "producer"]).default("inline"),
  // On SIGTERM: readiness answers 503 at once, requests are still served for this long (the load balancer moves
  // away meanwhile), then the server closes after the requests in flight. Default: 5 s on PostgreSQL, 0 on PGlite
  // (one process, never behind a load balancer).
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).optional(),
  // A running job's lock (BullMQ lockDuration): a worker killed mid-job hands it on once this expires (default 30 s).
  JOBS_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).optional(),
  // Security alerts: admins see them in the console and by email; Slack-compatible POST when the URL is set.
  ALERT_WEBHOOK_URL: z.string().url().optional(),
  ALERT_REFUND_THRESHOLD_CENTS: z.coerce.number().int().min(1).default(50_000),
  ALERT_LOCKOUT_ACCOUNTS: z.coerce.number().int().min(2).max(1000).default(5),
  ALERT_LOCKOUT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  SENTRY_DSN: z.string().url().optional(),
  SENTRY_ENVIRONMENT: z.string().min(1).optional(),
  SENTRY_RELEASE: z.string().min(1).optional(),
  SENTRY_TRACES_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(0.1),
  // Payments: Stripe when both keys are set, else the built-in test checkout (no real payment).
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  STRIPE_API_URL: z.string().url().optional(),
  STRIPE_PRICE_PREMIUM_MONTHLY: z.string().min(1).optional(),
  STRIPE_PRICE_PREMIUM_YEARLY: z.string().min(1).optional(),
  PREMIUM_PRICE_MONTHLY: z.coerce.number().int().min(1).default(1200),
  PREMIUM_PRICE_YEARLY: z.coerce.number().int().min(1).default(9600),
});

export type Env = z.infer<typeof envSchema>;

/** Every variable the API reads (the repo's checks hold .env.example and turbo.json to this list). */
export const ENV_VARIABLES = Object.keys(envSchema.shape) as ReadonlyArray<keyof Env>;

export class EnvError extends Error {}

/** Parses and validates the environment, naming every bad variable in one message. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (env.NODE_ENV === "production") {
    const missing = (["JWT_SECRET", "ENCRYPTION_KEY", "GATEWAY_SECRET"] as const).filter((k) => !env[k]);
    if (missing.length > 0) {
      throw new EnvError(`NODE_ENV=production needs ${missing.join(" and ")} to be set (see .env.example)`);
    }
  }
  if (env.NODE_ENV === "production" && env.WEB_REVALIDATE_URL && !env.REVALIDATE_SECRET) {
    throw new EnvError("WEB_REVALIDATE_URL needs REVALIDATE_SECRET in production (the web app checks the signature)");
  }
  if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
    throw new EnvError("Set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither");
  }
  if (env.DATABASE_READ_URL && !env.DATABASE_URL) {
    throw new EnvError("DATABASE_READ_URL needs DATABASE_URL: a read replica streams from a PostgreSQL primary");
  }
  if (env.DATABASE_READ_STICKY_MS < env.DATABASE_READ_MAX_LAG_MS) {
    // A user routed back to the replica must find their own write there: the window has to outlast the lag.
    throw new EnvError("DATABASE_READ_STICKY_MS must be at least DATABASE_READ_MAX_LAG_MS (read-your-writes)");
  }
  if (env.JOBS_MODE === "producer" && !env.REDIS_URL) {
    throw new EnvError("JOBS_MODE=producer needs REDIS_URL: the worker takes jobs from Redis");
  }
  if ((env.S3_ACCESS_KEY_ID === undefined) !== (env.S3_SECRET_ACCESS_KEY === undefined)) {
    throw new EnvError("Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the AWS default chain)");
  }
  if (!env.S3_BUCKET && (env.S3_ENDPOINT || env.S3_ACCESS_KEY_ID)) {
    throw new EnvError("S3_ENDPOINT and S3 keys need S3_BUCKET: without it media are stored on local disk");
  }
  if ((env.STRIPE_SECRET_KEY === undefined) !== (env.STRIPE_WEBHOOK_SECRET === undefined)) {
    throw new EnvError("Set both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or neither (the built-in test checkout)");
  }
  if (env.STRIPE_SECRET_KEY && (!env.STRIPE_PRICE_PREMIUM_MONTHLY || !env.STRIPE_PRICE_PREMIUM_YEARLY)) {
    throw new EnvError("Stripe needs STRIPE_PRICE_PREMIUM_MONTHLY and STRIPE_PRICE_PREMIUM_YEARLY (Premium price ids)");
  }
  return env;
}

/** DATA_DIR relative to where the command was started (npm workspaces change the cwd). */
export function resolveDataDir(env: Env, source: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(source.INIT_CWD ?? process.cwd(), env.DATA_DIR);
}

export interface Secrets {
  jwtSecret: string;
  encryptionKey: Buffer;
  gatewaySecret: string;
  /** Signs the web app's cache revalidation calls; null in production without REVALIDATE_SECRET (not used then). */
  revalidateSecret: string | null;
}

export function decodeEncryptionKey(value: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== 32) throw new EnvError("ENCRYPTION_KEY must decode to exactly 32 bytes");
  return key;
}

/**
 * Secrets from the environment; outside production, missing ones are generated once and kept in
 * `$DATA_DIR/secrets.json` so sessions and encrypted data survive a restart. Never generated per process.
 * The web app's server reads `gateway_secret` from the same file in development.
 */
export function resolveSecrets(env: Env, dataDir: string): Secrets {
  let stored: { jwt_secret?: string; encryption_key?: string; gateway_secret?: string; revalidate_secret?: string } =
    {};
  const file = path.join(dataDir, "secrets.json");
  const production = env.NODE_ENV === "production";
  if (!env.JWT_SECRET || !env.ENCRYPTION_KEY || !env.GATEWAY_SECRET || (!production && !env.REVALIDATE_SECRET)) {
    if (production) throw new EnvError("JWT_SECRET, ENCRYPTION_KEY and GATEWAY_SECRET are required in production");
    if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8"));
    if (!stored.jwt_secret || !stored.encryption_key || !stored.gateway_secret || !stored.revalidate_secret) {
      stored = {
        jwt_secret: stored.jwt_secret ?? randomBytes(48).toString("base64url"),
        encryption_key: stored.encryption_key ?? randomBytes(32).toString("hex"),
        gateway_secret: stored.gateway_secret ?? randomBytes(32).toString("base64url"),
        revalidate_secret: stored.revalidate_secret ?? randomBytes(32).toString("base64url"),
      };
      mkdirSync(dataDir, { recursive: true });
      // Written whole under a temporary name, then renamed: the web app's server may read it at any moment.
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify(stored, null, 2), { mode: 0o600 });
      chmodSync(partial, 0o600);
      renameSync(partial, file);
    }
  }
  return {
    jwtSecret: env.JWT_SECRET ?? (stored.jwt_secret as string),
    encryptionKey: decodeEncryptionKey(env.ENCRYPTION_KEY ?? (stored.encryption_key as string)),
    gatewaySecret: env.GATEWAY_SECRET ?? (stored.gateway_secret as string),
    revalidateSecret: env.REVALIDATE_SECRET ?? stored.revalidate_secret ?? null,
  };
}
