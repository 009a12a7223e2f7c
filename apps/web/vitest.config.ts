import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { reporters, sourceResolution } from "../../vitest.shared.js";

export default defineConfig({
  // Next compiles JSX itself (tsconfig says "preserve"); under Vitest, Oxc does it with the React 17+ runtime.
  oxc: { jsx: { runtime: "automatic" } },
  ...sourceResolution,
  resolve: {
    ...sourceResolution.resolve,
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.{ts,tsx}"],
    reporters: reporters("web"),
  },
});
