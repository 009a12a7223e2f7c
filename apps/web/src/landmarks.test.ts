import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = path.dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sources(full);
    return /\.tsx$/.test(entry.name) && !/\.test\.tsx$/.test(entry.name) ? [full] : [];
  });
}

describe("landmarks", () => {
  it("has one <main>, the root layout's: a page inside it that opens another gives screen readers two", () => {
    const withMain = sources(src)
      .filter((file) => /<main[\s>]/.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(src, file));
    expect(withMain).toEqual([path.join("app", "layout.tsx")]);
  });
});
