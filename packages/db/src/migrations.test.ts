import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const packageDir = path.resolve(import.meta.dirname, "..");
const scratch = mkdtempSync(path.join(tmpdir(), "lumen-migrations-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the committed migrations", () => {
  it("match the Drizzle schema: generating from the schema finds nothing new", () => {
    // A schema edit without `npm run db:generate` would otherwise only surface as a missing column at run time.
    const out = path.join(scratch, "drizzle");
    cpSync(path.join(packageDir, "drizzle"), out, { recursive: true });
    const before = readdirSync(out).sort();
    execFileSync(
      process.execPath,
      [
        path.join(packageDir, "../../node_modules/drizzle-kit/bin.cjs"),
        "generate",
        "--dialect=postgresql",
        "--schema=./src/schema/index.ts",
        // drizzle-kit prefixes the path with "./": give it one relative to the package.
        `--out=${path.relative(packageDir, out)}`,
      ],
      { cwd: packageDir, stdio: "pipe" },
    );
    expect(readdirSync(out).sort()).toEqual(before);
  });
});
