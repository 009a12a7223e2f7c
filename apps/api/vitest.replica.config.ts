import { defineConfig } from "vitest/config";
import { reporters, sourceResolution } from "../../vitest.shared.js";

/**
 * `npm run test:replica`: routing to a real streaming read replica. Needs the local PostgreSQL on 5432 and its
 * standby on 5433 (`bash scripts/replica.sh start`); DATABASE_URL / DATABASE_READ_URL point elsewhere.
 * One file at a time: the tests pause and resume the standby's replay, which every database on it shares.
 */
export default defineConfig({
  ...sourceResolution,
  test: {
    include: ["test/replica/**/*.test.ts"],
    retry: 0,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    env: { NODE_ENV: "test" },
    reporters: reporters("api"),
  },
});
