import { appUrl } from "@/env";

/**
 * This site's public origin for absolute links in metadata (og:url, canonical), which social sites need absolute:
 * APP_URL, never the request's Host or X-Forwarded-Host (a client could make the page name any site).
 */
export function siteOrigin(): string {
  return appUrl();
}

/** An absolute URL for a site-relative path; absolute URLs pass through. */
export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, `${origin}/`).toString();
}
