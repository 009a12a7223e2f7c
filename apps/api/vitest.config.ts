import { configDefaults, defineConfig } from "vitest/config";
import { reporters, sourceResolution } from "../../vitest.shared.js";

export default defineConfig({
  ...sourceResolution,
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // A flaky test is a bug to fix at its cause: a retry would hide it (issue 10).
    retry: 0,
    // The tutor's evaluation runs on its own: `npm run eval:tutor` (vitest.eval.config.ts); the read replica tests
    // need a streaming standby: `npm run test:replica` (vitest.replica.config.ts); the cluster tests need the
    // compiled API and nginx: `npm run test:cluster` (vitest.cluster.config.ts).
    exclude: [...configDefaults.exclude, "test/eval/**", "test/replica/**", "test/cluster/**"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Each integration file opens its own database; two at a time suits a 2-core machine.
    maxWorkers: 2,
    env: { NODE_ENV: "test" },
    globalSetup: ["./test/global-setup.ts"],
    reporters: reporters("api"),
  },
});
