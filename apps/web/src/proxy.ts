import { type NextRequest, NextResponse } from "next/server";
import { isProduction } from "@/env";
import {
  CATALOG_PATH,
  CATALOG_VIEW_PATH,
  catalogSearchParams,
  parseCatalogParams,
} from "@/features/catalog/catalog-params";
import { contentSecurityPolicy, createNonce } from "@/lib/security-headers";

/**
 * Pages served from Next's cache (see lib/public-cache.ts): the landing page, the catalog's first view and course
 * pages. Everything else is rendered per request.
 */
export function isCachedPage(pathname: string): boolean {
  if (pathname === "/" || pathname === CATALOG_PATH) return true;
  const course = /^\/courses\/([^/]+)$/.exec(pathname);
  return course !== null && `/courses/${course[1]}` !== CATALOG_VIEW_PATH;
}

/**
 * Every page gets a Content-Security-Policy and may not be framed anywhere (clickjacking): `frame-ancestors 'none'`
 * plus X-Frame-Options for older browsers. Pages rendered per request get a fresh nonce: Next.js reads it from the
 * request's copy of the header and stamps it on its scripts. Cached pages can't carry one (see security-headers.ts).
 *
 * `/courses` with a search, filters or a later page is rewritten to the per-request catalog view; the plain
 * `/courses` is the cached first view. Prefetches pass through here too, so a prefetched filtered view is the
 * filtered view.
 */
export function proxy(request: NextRequest): NextResponse {
  const { pathname, searchParams } = request.nextUrl;
  const catalogView =
    pathname === CATALOG_PATH && catalogSearchParams(parseCatalogParams(searchParams)).toString() !== "";
  const cached = !catalogView && isCachedPage(pathname);
  const nonce = cached ? null : createNonce();
  const policy = contentSecurityPolicy(nonce, { dev: !isProduction });
  const requestHeaders = new Headers(request.headers);
  // Next.js stamps the nonce on its scripts from the request's copy of the policy.
  if (nonce) requestHeaders.set("content-security-policy", policy);
  let response: NextResponse;
  if (catalogView) {
    const url = request.nextUrl.clone();
    url.pathname = CATALOG_VIEW_PATH;
    response = NextResponse.rewrite(url, { request: { headers: requestHeaders } });
  } else {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("content-security-policy", policy);
  response.headers.set("x-frame-options", "DENY");
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: the API gateway (/api/v1, /media) and build assets carry no HTML.
      source: "/((?!api/|media/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // The catalog's rewrite must apply to prefetches as well.
    { source: "/courses" },
  ],
};
