import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Each integration file opens its own database; two at a time suits a 2-core machine.
    maxWorkers: 2,
    env: { NODE_ENV: "test" },
  },
});
