import path from "node:path";
import { defaultClientConditions, defaultServerConditions } from "vite";

/**
 * Workspace packages export built JavaScript by default and their TypeScript sources under the `lumen-source`
 * condition; tests resolve the sources, so they never need a build first and always test what is in the tree.
 */
export const SOURCE_CONDITION = "lumen-source";
const serverConditions = [SOURCE_CONDITION, ...defaultServerConditions.filter((c) => c !== "module")];
export const sourceResolution = {
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: serverConditions } },
  // Vitest's own environment, which loads globalSetup files.
  environments: { __vitest__: { resolve: { conditions: serverConditions } } },
};

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
