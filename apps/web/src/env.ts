/**
 * The web app's only reader of process.env (Biome's noProcessEnv holds every other file to it). Next inlines
 * NODE_ENV at build time, so the flags below are safe in client components; the API URL is read per call on the
 * server, where the deployment sets it.
 */
const DEFAULT_API_URL = "http://localhost:4000";

/** Development-only hints (e.g. where the local mail outbox is) stay out of production builds. */
export const isProduction = process.env.NODE_ENV === "production";

/**
 * True while `next build` prerenders pages. The API is not running then (CI builds without it, and `npm start`
 * builds before it starts the API), so cached public pages are rendered as placeholders that expire at once.
 */
export const isBuildPhase = () => process.env.NEXT_PHASE === "phase-production-build";

/**
 * The secret the API signs its cache revalidation calls with (POST /api/revalidate). REVALIDATE_SECRET, or outside
 * production the one the API generates into $DATA_DIR/secrets.json (read by the web app's server, see server.mjs,
 * which publishes it under a global symbol). null: revalidation calls are refused.
 */
export function revalidateSecret(): string | null {
  const configured = process.env.REVALIDATE_SECRET?.trim();
  if (configured) return configured;
  const hook = (globalThis as Record<symbol, (() => string | null) | undefined>)[Symbol.for("lumen.revalidateSecret")];
  return hook?.() ?? null;
}

/** The API's internal URL for server-side calls and the same-origin gateway. */
export function serverApiUrl(): string {
  return (process.env.API_URL ?? DEFAULT_API_URL).replace(/\/+$/, "");
}

/**
 * The site's public origin (APP_URL, as the API's mail links use it): canonical and og URLs are built from it,
 * never from the request's Host or X-Forwarded-Host, which a client or a cache-poisoning attacker controls.
 */
export function appUrl(): string {
  return (process.env.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/** Where people write for help (help, terms and privacy pages). SUPPORT_EMAIL in production. */
export function supportEmail(): string {
  return process.env.SUPPORT_EMAIL?.trim() || "support@lumen.dev";
}

export interface SentrySettings {
  dsn: string;
  environment: string;
  release?: string | undefined;
  tracesSampleRate: number;
}

/** Server-side Sentry (route and render errors) when SENTRY_DSN is set; null = off. */
export function serverSentrySettings(): SentrySettings | null {
  const dsn = process.env.SENTRY_DSN;
  if (!dsn) return null;
  const rate = Number(process.env.SENTRY_TRACES_SAMPLE_RATE ?? "0.1");
  return {
    dsn,
    environment: process.env.SENTRY_ENVIRONMENT ?? process.env.NODE_ENV ?? "development",
    release: process.env.SENTRY_RELEASE,
    tracesSampleRate: Number.isFinite(rate) && rate >= 0 && rate <= 1 ? rate : 0.1,
  };
}

/** Which Next.js runtime runs this code (instrumentation registers Sentry on Node.js only). */
export const nextRuntime = () => process.env.NEXT_RUNTIME;

/** Browser-side Sentry, inlined at build time from NEXT_PUBLIC_SENTRY_*; null = off (and the SDK never loads). */
export function clientSentrySettings(): SentrySettings | null {
  const dsn = process.env.NEXT_PUBLIC_SENTRY_DSN;
  if (!dsn) return null;
  return {
    dsn,
    environment: process.env.NEXT_PUBLIC_SENTRY_ENVIRONMENT ?? process.env.NODE_ENV ?? "development",
    release: process.env.NEXT_PUBLIC_SENTRY_RELEASE,
    tracesSampleRate: 0,
  };
}
