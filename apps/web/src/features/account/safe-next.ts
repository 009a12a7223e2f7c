const DEFAULT_DESTINATION = "/dashboard";
const PROBE_ORIGIN = "https://lumen.invalid";
// Going "back" to a sign-in page after signing in would only loop.
const AUTH_PAGES = ["/login", "/register"];

/**
 * Where to go after signing in: `next` when it is a path on this site, otherwise the dashboard. Anything that
 * could leave the origin ("//evil.example", "/\\evil.example", "https://…") or carries control characters is
 * refused, so a crafted link can't bounce a fresh session to another site.
 */
export function safeNextPath(next: unknown, fallback = DEFAULT_DESTINATION): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  if (AUTH_PAGES.some((page) => url.pathname === page || url.pathname.startsWith(`${page}/`))) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `?next=…` to carry a destination between the login and sign-up pages, or nothing for the default one. */
export function nextQuery(next: string): string {
  return next === DEFAULT_DESTINATION ? "" : `?next=${encodeURIComponent(next)}`;
}
