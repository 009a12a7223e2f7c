import { spawnSync } from "node:child_process";

/** Builds the API and the packages it imports (turbo's cache makes an unchanged build instant). */
export function buildApi(root) {
  const result = spawnSync("npx", ["turbo", "run", "build", "--filter=@lumen/api", "--output-logs=errors-only"], {
    cwd: root,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("The API build failed; see the output above.");
}
