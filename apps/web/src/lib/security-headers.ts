/**
 * The root layout's theme script (THEME_SCRIPT in components/theme-toggle.tsx) by its SHA-256: the layout is shared
 * by cached pages, so it can't carry a per-request nonce. security-headers.test.ts checks it against the script.
 */
export const THEME_SCRIPT_HASH = "'sha256-D35VoVxDSXDd+GB5Y/hnZoyIb/DEgXyIcf2t3ZPlX6s='";

/**
 * The web app's Content-Security-Policy. With a nonce (every page rendered per request): scripts run only from this
 * origin and with the request's nonce, which Next.js puts on its own inline scripts (it reads it from this header,
 * see src/proxy.ts), or the theme script's hash; 'strict-dynamic' lets those trusted scripts load the app's chunks.
 *
 * Without one (null): the pages served from Next's cache (landing, catalog, course pages). A nonce must differ on
 * every response, and a cached page is the same bytes for everyone, so Next's inline bootstrap scripts there can
 * only be allowed by 'unsafe-inline' (their content, the page's flight data, changes with every regeneration, so
 * hashes can't be listed). Those pages show published, public data only, rendered by React (escaped) and markdown
 * without raw HTML; they keep every other directive (no framing, no plugins, scripts only from this origin).
 * Styles allow inline attributes (the video player sets them).
 */
export function contentSecurityPolicy(nonce: string | null, opts: { dev: boolean }): string {
  const scripts = nonce ? [`'nonce-${nonce}'`, THEME_SCRIPT_HASH, "'strict-dynamic'"] : ["'unsafe-inline'"];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React's development build evaluates code for its error overlays; production never needs eval.
    "script-src": ["'self'", ...scripts, ...(opts.dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    // Course thumbnails and lesson videos may live on a CDN; uploads come through /media on this origin.
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "media-src": ["'self'", "blob:", "https:"],
    "font-src": ["'self'", "data:"],
    // Development: the hot-reload socket.
    "connect-src": ["'self'", ...(opts.dev ? ["ws:", "wss:"] : [])],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** A fresh, unguessable nonce per response (128 random bits). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
