import { defineConfig } from "vitest/config";
import { reporters, sourceResolution } from "../../vitest.shared.js";

/**
 * `npm run test:cluster`: the compiled API (build it first: `npx turbo run build --filter=@lumen/api`) as two
 * processes behind nginx, on the local PostgreSQL and a Redis of the tests' own; then Redis and PostgreSQL
 * outages. One file at a time: each starts a whole deployment.
 */
export default defineConfig({
  ...sourceResolution,
  test: {
    include: ["test/cluster/**/*.test.ts"],
    retry: 0,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    reporters: reporters("api-cluster"),
  },
});
