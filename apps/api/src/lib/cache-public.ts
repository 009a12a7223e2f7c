import type { CacheEntry, SharedCache } from "./cache.js";
import type { WebRevalidator } from "./web-revalidation.js";

/**
 * The keys of the public reads and the one rule that invalidates them. Two kinds of version:
 * - `catalog`: every list over published courses (catalog pages, categories, suggestions);
 * - `course:<id>`: one course's public detail and its reviews.
 * Any write that changes what a course shows (its row, outline, lessons, quizzes, reviews, enrollment count,
 * status or price) calls `courseChanged`, which bumps both: the catalog shows the course's title, price,
 * rating and enrollment count, and its status decides whether it is listed at all.
 * Entries hold published, public data only: never a draft, never anything about the caller.
 * The web app caches the pages built from these reads (Next's ISR): `web`, when configured, is told the same two
 * tags, coalesced and in the background (lib/web-revalidation.ts).
 */
export function createPublicReads(cache: SharedCache, web: Pick<WebRevalidator, "courseChanged"> | null = null) {
  const CATALOG = "catalog";
  const course = (id: string) => `course:${id}`;
  return {
    catalog<T>(key: string, compute: () => Promise<T>): Promise<CacheEntry<T>> {
      return cache.read([CATALOG], `catalog:${key}`, compute);
    },
    course<T>(courseId: string, key: string, compute: () => Promise<T>): Promise<CacheEntry<T>> {
      return cache.read([course(courseId)], `course:${courseId}:${key}`, compute);
    },
    /** Called after the write has committed, so a reader who sees the new version also sees the new rows. */
    async courseChanged(courseId: string): Promise<void> {
      await cache.bump(course(courseId), CATALOG);
      // After the bump: the web app's regeneration reads through this cache and must see the new version.
      web?.courseChanged(courseId);
    },
    invalidateAll: () => cache.invalidateAll(),
    /** Entries computed so far in this process (tests count them). */
    computations: () => cache.computations(),
  };
}
export type PublicReads = ReturnType<typeof createPublicReads>;

/** A stable key for a validated query object: its defined fields in name order. */
export function queryKey(query: object): string {
  const entries = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}
