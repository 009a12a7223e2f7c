/**
 * The web app's Content-Security-Policy. Scripts run only from this origin and with the request's nonce, which
 * Next.js puts on its own inline scripts (it reads it from this header, see src/proxy.ts) and the root layout on
 * the theme script; 'strict-dynamic' lets those trusted scripts load the app's chunks. Nonces need every page
 * rendered per request. Styles allow inline attributes (motion and the video player set them).
 */
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React's development build evaluates code for its error overlays; production never needs eval.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
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
