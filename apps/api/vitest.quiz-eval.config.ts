import { defineConfig } from "vitest/config";
import { reporters, sourceResolution } from "../../vitest.shared.js";

/**
 * `npm run eval:quiz`: quizzes for every demo lesson and the evaluation-only courses at every difficulty, checked
 * and printed, targets asserted (issue 13). In memory: the lessons are chunked as the index chunks them, no database.
 */
export default defineConfig({
  ...sourceResolution,
  test: {
    include: ["test/eval/**/*.quiz-eval.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 600_000,
    pool: "forks",
    maxWorkers: 1,
    env: { NODE_ENV: "test" },
    reporters: reporters("api"),
  },
});
