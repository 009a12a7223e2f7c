import { configDefaults, defineConfig } from "vitest/config";
import { reporters, sourceResolution } from "../../vitest.shared.js";

/**
 * Files that change process-wide state a later file in the same worker would inherit. Sentry.init subscribes to
 * Fastify's initialization channel and wraps the hooks of every app built after it in that process.
 */
const PROCESS_GLOBAL = ["test/observability.int.test.ts"];

export default defineConfig({
  ...sourceResolution,
  test: {
    // A flaky test is a bug to fix at its cause: a retry would hide it (issue 10).
    retry: 0,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Each integration file opens its own database; two at a time suits a 2-core machine.
    maxWorkers: 2,
    env: { NODE_ENV: "test" },
    globalSetup: ["./test/global-setup.ts"],
    reporters: reporters("api"),
    projects: [
      {
        extends: true,
        test: {
          name: "api",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          // The tutor's evaluation runs on its own: `npm run eval:tutor` (vitest.eval.config.ts); the read replica
          // tests need a streaming standby: `npm run test:replica` (vitest.replica.config.ts); the cluster tests need
          // the compiled API and nginx: `npm run test:cluster` (vitest.cluster.config.ts).
          exclude: [...configDefaults.exclude, "test/eval/**", "test/replica/**", "test/cluster/**", ...PROCESS_GLOBAL],
          // Files share a worker's loaded modules instead of importing the whole app again each (about 5× faster).
          // Every app gets its config, database and clock passed in, so nothing else carries over between files.
          isolate: false,
        },
      },
      { extends: true, test: { name: "api-isolated", include: PROCESS_GLOBAL, isolate: true } },
    ],
  },
});
