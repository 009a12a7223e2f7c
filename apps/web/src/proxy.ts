import { type NextRequest, NextResponse } from "next/server";
import { isProduction } from "@/env";
import { contentSecurityPolicy, createNonce } from "@/lib/security-headers";

/**
 * Every page gets a Content-Security-Policy with a fresh nonce, and may not be framed anywhere (clickjacking):
 * `frame-ancestors 'none'` plus X-Frame-Options for older browsers. Next.js reads the nonce from the request's copy
 * of the header and stamps it on its scripts; the root layout reads `x-nonce` for its own.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { dev: !isProduction });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
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
  ],
};
