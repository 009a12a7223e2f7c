import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.shared.js";

export default defineConfig({
  // Next compiles JSX itself (tsconfig says "preserve"); under Vitest, Oxc does it with the React 17+ runtime.
  oxc: { jsx: { runtime: "automatic" } },
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["src/**/*.test.{ts,tsx}", "turbopack/**/*.test.ts"],
    reporters: reporters("web"),
  },
});
