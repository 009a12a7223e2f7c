import { headers } from "next/headers";

/**
 * This site's origin as the visitor reached it, for absolute links in metadata (og:url, og:image), which
 * social sites need absolute. Read per request, so one build serves any host name.
 */
export async function siteOrigin(): Promise<string> {
  const h = await headers();
  const host = (h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000").split(",")[0]?.trim();
  const forwarded = h.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const local = /^(localhost|127\.|\[::1\])/.test(host ?? "");
  const proto = forwarded === "http" || forwarded === "https" ? forwarded : local ? "http" : "https";
  return `${proto}://${host}`;
}

/** An absolute URL for a site-relative path; absolute URLs pass through. */
export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, `${origin}/`).toString();
}
