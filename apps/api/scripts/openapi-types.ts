// npm run openapi:types -w @lumen/api – writes the OpenAPI document the API serves (built in process, read through
// inject, no listening) to generated/openapi.json and the TypeScript types openapi-typescript generates from it to
// generated/openapi.d.ts. Both are build output (gitignored); CI type-checks a typed call against them.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase } from "@lumen/db";
import openapiTS, { astToString } from "openapi-typescript";
import { buildApp } from "../src/app.js";
import { configFromEnv } from "../src/config.js";
import { parseEnv } from "../src/env.js";
import { createFileTransport } from "../src/modules/mail/mail-transport.js";

const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "generated");
const dataDir = mkdtempSync(path.join(tmpdir(), "lumen-openapi-"));
const env = parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", API_DOCS: "true", DATA_DIR: dataDir });
const secrets = {
  jwtSecret: randomBytes(32).toString("base64url"),
  encryptionKey: randomBytes(32),
  gatewaySecret: randomBytes(32).toString("base64url"),
  revalidateSecret: null,
};
const database = await createDatabase();
try {
  await database.migrate();
  const app = await buildApp({
    config: configFromEnv(env, secrets, dataDir),
    database,
    redis: null,
    mailTransport: createFileTransport(path.join(dataDir, "outbox")),
    logger: false,
  });
  try {
    await app.ready();
    const res = await app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    if (res.statusCode !== 200) throw new Error(`GET /api/v1/openapi.json answered ${res.statusCode}: ${res.body}`);
    const document = res.json();
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, "openapi.json"), `${JSON.stringify(document, null, 2)}\n`);
    const types = astToString(await openapiTS(document));
    writeFileSync(path.join(outDir, "openapi.d.ts"), types);
    const operations = Object.values(document.paths as Record<string, object>).reduce<number>(
      (n, item) => n + Object.keys(item).length,
      0,
    );
    console.log(`generated/openapi.json and generated/openapi.d.ts: ${operations} operations`);
  } finally {
    await app.close();
  }
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
