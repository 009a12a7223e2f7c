import { isBuildPhase } from "@/env";
import type { ApiRequestOptions } from "./api-client";

/**
 * Next's cache of the public pages (landing, the catalog's first view, published course pages).
 *
 * Why the "previous model" (fetch `next.tags` + route `revalidate`) and not Cache Components ("use cache"): every
 * other page of this app is rendered per request with a CSP nonce and reads the session in the browser; turning
 * on `cacheComponents` changes how every route renders (no `dynamic`/`revalidate` segment config, Suspense around
 * all uncached data) for a gain on three pages. Tagged fetches give those three pages ISR with on-demand
 * revalidation and leave the rest as it is.
 *
 * Tags mirror the API's cache versions (apps/api/src/lib/cache-public.ts): `catalog` for every list of published
 * courses (popular courses, catalog, categories), `course:<id>` for one course's page and its reviews. The API
 * posts them to /api/revalidate after a course changes; the time below is the safety net if such a call is lost.
 */
export const PUBLIC_REVALIDATE_SECONDS = 300;
export const CATALOG_TAG = "catalog";
export const courseTag = (courseId: string) => `course:${courseId}`;

/**
 * Request options for a cached public read: tagged, anonymous (no visitor headers), revalidated in the background.
 * During `next build` the page is baked with a 1-second lifetime, so the first request after start regenerates it
 * from the running API instead of serving the build's placeholder for minutes.
 */
export function publicRead(tags: string[]): Pick<ApiRequestOptions, "next" | "visitor"> {
  return { next: { tags, revalidate: isBuildPhase() ? 1 : PUBLIC_REVALIDATE_SECONDS }, visitor: false };
}

/**
 * Reads public data for a cached page. At build time an unreachable API gives null (the page renders its
 * placeholder, see publicRead). At run time any failure is thrown: Next never caches a render that threw, so the
 * last good page keeps being served (and regeneration is retried on the next request); with no good page yet the
 * visitor gets the error page (500), never a cached "unavailable" page.
 */
export async function readForCachedPage<T>(read: () => Promise<T>, what: string): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (!isBuildPhase()) throw error;
    console.warn(`[build] ${what} not prerendered (the API is not running during the build): ${String(error)}`);
    return null;
  }
}
