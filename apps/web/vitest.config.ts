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
    // A flaky test is a bug to fix at its cause: a retry would hide it (issue 10).
    retry: 0,
    // Components under test run as for a visitor who prefers reduced motion: charts draw in their final state and
    // exits finish at once, instead of animating on the wall clock (frames that re-render charts for a second or
    // more, and DOM that depends on how far an animation got). motion.test.tsx sets the preference per test.
    environmentOptions: { happyDOM: { settings: { device: { prefersReducedMotion: "reduce" } } } },
    include: ["src/**/*.test.{ts,tsx}"],
    reporters: reporters("web"),
  },
});
