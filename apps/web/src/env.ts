/**
 * The web app's only reader of process.env (Biome's noProcessEnv holds every other file to it). Next inlines
 * NODE_ENV at build time, so the flags below are safe in client components; the API URL is read per call on the
 * server, where the deployment sets it.
 */
const DEFAULT_API_URL = "http://localhost:4000";

/** Development-only hints (e.g. where the local mail outbox is) stay out of production builds. */
export const isProduction = process.env.NODE_ENV === "production";

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
