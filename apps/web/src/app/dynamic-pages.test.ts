import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const app = path.dirname(fileURLToPath(import.meta.url));

// The pages served from Next's cache (lib/public-cache.ts). Every other page must be rendered per request: the root
// layout no longer reads the request, so a page with nothing dynamic in it would be prerendered at build time
// without the CSP nonce its scripts need (src/proxy.ts), and its scripts would be blocked.
const CACHED = ["(public)/page.tsx", "(public)/courses/(catalog)/page.tsx", "(public)/courses/[courseId]/page.tsx"];
const FORCE_DYNAMIC = /^export const dynamic = "force-dynamic";$/m;

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pages(full);
    return entry.name === "page.tsx" ? [path.relative(app, full)] : [];
  });
}

/** The page's own file or a layout above it says force-dynamic. */
function forcedDynamic(page: string): boolean {
  const segments = path.dirname(page).split(path.sep);
  const files = [page, ...segments.map((_, i) => path.join(...segments.slice(0, i + 1), "layout.tsx"))];
  return files.some((file) => {
    try {
      return FORCE_DYNAMIC.test(readFileSync(path.join(app, file), "utf8"));
    } catch {
      return false;
    }
  });
}

describe("pages", () => {
  it("outside the three cached ones are rendered per request", () => {
    const all = pages(app);
    expect(all).toEqual(expect.arrayContaining(CACHED));
    expect(all.filter((page) => !CACHED.includes(page) && !forcedDynamic(page))).toEqual([]);
  });

  it("served from the cache never force per-request rendering and say how long they are kept", () => {
    for (const page of CACHED) {
      const source = readFileSync(path.join(app, page), "utf8");
      expect(source, page).not.toMatch(FORCE_DYNAMIC);
      expect(source, page).toMatch(/^export const revalidate = \d+;$/m);
      expect(source, page).not.toMatch(/\b(headers|cookies)\(\)/);
    }
  });
});
