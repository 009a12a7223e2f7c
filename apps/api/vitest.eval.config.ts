import { defineConfig } from "vitest/config";
import { reporters, sourceResolution } from "../../vitest.shared.js";

/**
 * `npm run eval:tutor`: the tutor's evaluation set on PGlite, metrics printed, targets asserted. Its own step in
 * `.ci/run` (it seeds a whole catalog, so it stays out of the default suite); see the README's "Tutor evaluation".
 */
export default defineConfig({
  ...sourceResolution,
  test: {
    include: ["test/eval/**/*.eval.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: "forks",
    maxWorkers: 1,
    env: { NODE_ENV: "test" },
    globalSetup: ["./test/global-setup.ts"],
    reporters: reporters("api-eval"),
  },
});
