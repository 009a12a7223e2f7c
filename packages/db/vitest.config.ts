import { defineConfig } from "vitest/config";
import { reporters, sourceResolution } from "../../vitest.shared.js";

export default defineConfig({
  ...sourceResolution,
  test: { include: ["src/**/*.test.ts"], testTimeout: 60_000, reporters: reporters("db") },
});
