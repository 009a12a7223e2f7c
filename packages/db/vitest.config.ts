import { defineConfig } from "vitest/config";
import { reporters, sourceResolution } from "../../vitest.shared.js";

export default defineConfig({
  ...sourceResolution,
  // retry: 0 – a flaky test is a bug to fix at its cause, never to retry.
  test: { include: ["src/**/*.test.ts"], testTimeout: 60_000, retry: 0, reporters: reporters("db") },
});
