import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, dumpPglite } from "@lumen/db";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string | null;
  }
}

/**
 * A fresh PGlite costs seconds of initdb; every test file instead loads this migrated snapshot (about 1 s).
 * Not used on PostgreSQL, where each file gets a database of its own.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide("pgliteSnapshot", null);
    return;
  }
  const handle = await createDatabase({});
  await handle.migrate();
  const file = path.join(tmpdir(), `lumen-pglite-snapshot-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await (await dumpPglite(handle)).arrayBuffer()));
  await handle.close();
  project.provide("pgliteSnapshot", file);
  // 40+ MB per run: gone with the run, not left to fill the temporary directory.
  return () => rmSync(file, { force: true });
}
