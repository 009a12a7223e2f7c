import path from "node:path";

/**
 * Reporters for every workspace: the default one, plus a JSON summary when VITEST_JSON_DIR is set
 * (.ci/run adds up the counts from those files to print `N passed, N failed`).
 */
export function reporters(name: string): Array<string | [string, Record<string, unknown>]> {
  const dir = process.env.VITEST_JSON_DIR;
  return dir
    ? ["default", ["json", { outputFile: path.join(dir, `${name}-${process.env.VITEST_RUN_LABEL ?? "run"}.json`) }]]
    : ["default"];
}
