import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const app = path.dirname(fileURLToPath(import.meta.url));

// Next.js sends the status line with the first streamed bytes: a page that calls notFound() under a loading
// boundary (loading.tsx in its segment or any segment above) has already answered 200 when it finds out.
const pagesThatAnswer404 = ["(public)/courses/[courseId]/page.tsx", "(learn)/learn/[courseId]/[lessonId]/page.tsx"];

describe("pages that can be not found", () => {
  it.each(pagesThatAnswer404)("%s calls notFound() before anything streams", (page) => {
    expect(readFileSync(path.join(app, page), "utf8")).toMatch(/\bnotFound\(\)/);
    const segments = path.dirname(page).split("/");
    const boundaries = segments
      .map((_, i) => path.join(app, ...segments.slice(0, i + 1), "loading.tsx"))
      .concat(path.join(app, "loading.tsx"))
      .filter((file) => existsSync(file))
      .map((file) => path.relative(app, file));
    expect(boundaries).toEqual([]);
  });
});
