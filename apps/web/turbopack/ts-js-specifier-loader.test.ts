import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const { rewrite } = createRequire(import.meta.url)("./ts-js-specifier-loader.cjs") as {
  rewrite: (source: string, dir: string) => string;
};

function packageDir(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "lumen-loader-"));
  mkdirSync(join(dir, "sub"));
  for (const file of files) writeFileSync(join(dir, file), "");
  return dir;
}

describe("ts-js-specifier-loader", () => {
  it("points NodeNext-style .js specifiers at the TypeScript file that exists", () => {
    const dir = packageDir(["course.ts", "sub/view.tsx"]);
    const source = [
      'export * from "./course.js";',
      "import { View } from './sub/view.js';",
      'const lazy = () => import("./course.js");',
    ].join("\n");
    expect(rewrite(source, dir)).toBe(
      [
        'export * from "./course.ts";',
        "import { View } from './sub/view.tsx';",
        'const lazy = () => import("./course.ts");',
      ].join("\n"),
    );
  });

  it("leaves real .js files, packages and unrelated strings alone", () => {
    const dir = packageDir(["legacy.js", "legacy.ts", "course.ts"]);
    const source = [
      'import "./legacy.js";',
      'import { z } from "zod/index.js";',
      'const name = "./course.js";',
      'export * from "./missing.js";',
    ].join("\n");
    expect(rewrite(source, dir)).toBe(source);
  });
});
