#!/usr/bin/env node
// `npm run bench`: starts the API on a fresh database and measures it with autocannon.
// With DATABASE_URL set, a throwaway database is created on that server (and dropped afterwards), so the
// numbers are PostgreSQL's; without it, a fresh PGlite directory is used. Results go to bench-results/.
// Options (env): BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 20).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const port = Number(process.env.BENCH_PORT ?? 4100);
const base = `http://127.0.0.1:${port}`;

const dataDir = mkdtempSync(path.join(tmpdir(), "lumen-bench-"));
let databaseUrl;
let dropDatabase = async () => {};
if (process.env.DATABASE_URL) {
  const name = `lumen_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
}

const api = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
  cwd: path.join(root, "apps/api"),
  env: {
    ...process.env,
    NODE_ENV: "production",
    JWT_SECRET: "bench-secret-bench-secret-bench-secret-0123",
    ENCRYPTION_KEY: "ab".repeat(32),
    DATA_DIR: dataDir,
    API_PORT: String(port),
    LOG_LEVEL: "warn",
    // The limiter would stop a load test after 100 requests; it is measured by the tests, not here.
    RATE_LIMIT_MAX: "1000000000",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: "" }),
  },
  stdio: ["ignore", "inherit", "inherit"],
});

async function cleanup() {
  api.kill("SIGTERM");
  await new Promise((r) => api.once("exit", r));
  await dropDatabase();
  rmSync(dataDir, { recursive: true, force: true });
}

async function waitReady() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("API did not become ready");
}

function run(title, opts) {
  return new Promise((resolve, reject) => {
    autocannon({ url: base, connections, duration: seconds, ...opts }, (err, result) => {
      if (err) return reject(err);
      resolve({
        scenario: title,
        requests_per_second: Math.round(result.requests.average),
        latency_p50_ms: result.latency.p50,
        latency_p99_ms: result.latency.p99,
        non_2xx: result.non2xx,
        errors: result.errors,
      });
    });
  });
}

try {
  await waitReady();
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "sam@lumen.dev", password: "lumen-student-demo" }),
  }).then((r) => r.json());
  const token = login.data.access_token;
  const results = [];
  results.push(await run("GET /health (baseline)", { requests: [{ method: "GET", path: "/health" }] }));
  results.push(
    await run("GET /courses (catalog page)", {
      requests: [{ method: "GET", path: "/api/v1/courses?limit=12&sort=popular" }],
    }),
  );
  results.push(
    await run("GET /auth/me (authenticated)", {
      requests: [{ method: "GET", path: "/api/v1/auth/me", headers: { authorization: `Bearer ${token}` } }],
    }),
  );
  results.push(
    await run("POST /auth/login (argon2id)", {
      connections: Math.min(connections, 4),
      requests: [
        {
          method: "POST",
          path: "/api/v1/auth/login",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: "maya@lumen.dev", password: "lumen-student-demo" }),
        },
      ],
    }),
  );
  console.table(results);
  mkdirSync(path.join(root, "bench-results"), { recursive: true });
  const file = path.join(
    root,
    "bench-results",
    `bench-${databaseUrl ? "postgres" : "pglite"}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
  );
  writeFileSync(
    file,
    JSON.stringify({ database: databaseUrl ? "postgres" : "pglite", seconds, connections, results }, null, 2),
  );
  console.log(`Saved ${path.relative(root, file)}`);
} finally {
  await cleanup();
}
