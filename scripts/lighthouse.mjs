#!/usr/bin/env node
// `npm run lighthouse`: Lighthouse (mobile, its default emulation) on the landing page, the catalog and a course
// page of a production build. Starts the compiled API (production mode, demo data, a throwaway PGlite) and the
// web app's own server on free loopback ports, warms Next's cache so each page is measured as it is served in
// steady state (from the cache), runs each page LIGHTHOUSE_RUNS times (default 3) and keeps the median run by
// performance score. Prints performance, Total Blocking Time and accessibility, and exits non-zero below the
// targets (performance ≥ 90, TBT ≤ 200 ms, accessibility 100). Too slow and too noisy for CI: run it by hand on a
// quiet machine (it prints the load average before and after).
//
// Options (env): LIGHTHOUSE_RUNS, LIGHTHOUSE_API_PORT, LIGHTHOUSE_WEB_PORT (default: free ports),
// LIGHTHOUSE_SKIP_BUILD=1 (use the builds already there), CHROME_PATH (default /usr/bin/chromium),
// LIGHTHOUSE_OUT (directory for the JSON reports; default a temporary one, kept when set).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { processes, waitReady } from "./lib/bench-kit.mjs";

// Pinned and fetched by npx when run, so it never weighs on `npm ci`.
const LIGHTHOUSE = "lighthouse@12.8.2";
const TARGETS = { performance: 90, tbtMs: 200, accessibility: 100 };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const apiPort = Number(process.env.LIGHTHOUSE_API_PORT ?? (await freePort()));
const webPort = Number(process.env.LIGHTHOUSE_WEB_PORT ?? (await freePort()));
const dataDir = mkdtempSync(path.join(tmpdir(), "lumen-lighthouse-"));
const outDir = process.env.LIGHTHOUSE_OUT ? path.resolve(process.env.LIGHTHOUSE_OUT) : path.join(dataDir, "reports");
mkdirSync(outDir, { recursive: true });
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
const loadBefore = load();

if (process.env.LIGHTHOUSE_SKIP_BUILD !== "1") {
  const build = spawnSync(
    "npx",
    ["turbo", "run", "build", "--filter=@lumen/api", "--filter=@lumen/web", "--output-logs=errors-only"],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const revalidateSecret = "lighthouse-revalidate-secret-0123456789abcdef";
const gatewaySecret = "lighthouse-gateway-secret-0123456789abcdef";
const webUrl = `http://127.0.0.1:${webPort}`;
const children = processes();
const api = children.start(process.execPath, ["--enable-source-maps", "dist/server.js"], {
  cwd: path.join(root, "apps/api"),
  env: {
    ...process.env,
    NODE_ENV: "production",
    JWT_SECRET: "lighthouse-jwt-secret-0123456789abcdef0123456789",
    ENCRYPTION_KEY: "cd".repeat(32),
    GATEWAY_SECRET: gatewaySecret,
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    REDIS_URL: "",
    API_HOST: "127.0.0.1",
    API_PORT: String(apiPort),
    METRICS_PORT: process.env.METRICS_PORT ?? "0",
    APP_URL: webUrl,
    WEB_REVALIDATE_URL: `${webUrl}/api/revalidate`,
    REVALIDATE_SECRET: revalidateSecret,
    LOG_LEVEL: "warn",
    // Lighthouse and the warm-up make many requests from one address.
    RATE_LIMIT_MAX: "1000000",
  },
});

async function cleanup() {
  await children.stopAll();
  rmSync(dataDir, { recursive: true, force: true });
}
process.on("SIGINT", () => cleanup().then(() => process.exit(130)));

let failed = false;
try {
  await waitReady(`http://127.0.0.1:${apiPort}/health/ready`, api);
  const web = children.start(process.execPath, ["server.mjs", "-p", String(webPort), "--hostname", "127.0.0.1"], {
    cwd: path.join(root, "apps/web"),
    env: {
      ...process.env,
      NODE_ENV: "production",
      API_URL: `http://127.0.0.1:${apiPort}`,
      APP_URL: webUrl,
      GATEWAY_SECRET: gatewaySecret,
      REVALIDATE_SECRET: revalidateSecret,
    },
  });
  await waitReady(`${webUrl}/`, web);

  const catalog = await (await fetch(`http://127.0.0.1:${apiPort}/api/v1/courses?limit=1&sort=popular`)).json();
  const courseId = catalog.data.items[0]?.id;
  if (!courseId) throw new Error("the demo catalog is empty");
  const pages = [
    { name: "landing", path: "/" },
    { name: "catalog", path: "/courses" },
    { name: "course", path: `/courses/${courseId}` },
  ];
  // The first request after start may regenerate a page (ISR); later ones are served from the cache.
  for (const page of pages) for (let i = 0; i < 3; i++) await (await fetch(`${webUrl}${page.path}`)).text();

  const rows = [];
  for (const page of pages) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const file = path.join(outDir, `${page.name}-${i + 1}.json`);
      const lh = spawnSync(
        "npx",
        [
          "--yes",
          LIGHTHOUSE,
          `${webUrl}${page.path}`,
          "--quiet",
          "--output=json",
          `--output-path=${file}`,
          "--only-categories=performance,accessibility",
          // One argument, no shell: Lighthouse splits the flags on spaces itself.
          "--chrome-flags=--headless --no-sandbox",
        ],
        { cwd: dataDir, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, CHROME_PATH: chromePath } },
      );
      if (lh.status !== 0) throw new Error(`lighthouse failed on ${page.path} (exit ${lh.status})`);
      const report = JSON.parse(readFileSync(file, "utf8"));
      results.push({
        performance: Math.round(report.categories.performance.score * 100),
        accessibility: Math.round(report.categories.accessibility.score * 100),
        tbtMs: Math.round(report.audits["total-blocking-time"].numericValue),
        lcpMs: Math.round(report.audits["largest-contentful-paint"].numericValue),
        file,
      });
    }
    results.sort((a, b) => a.performance - b.performance);
    const median = results[Math.floor(results.length / 2)];
    rows.push({ page: page.path, ...median, all: results.map((r) => r.performance).join("/") });
  }

  console.log(`\nLighthouse ${LIGHTHOUSE.split("@")[1]}, mobile, median of ${runs} run(s) by performance score`);
  console.log("page                                          perf  TBT ms  LCP ms  a11y  (every run's perf)");
  for (const r of rows) {
    const ok =
      r.performance >= TARGETS.performance && r.tbtMs <= TARGETS.tbtMs && r.accessibility >= TARGETS.accessibility;
    if (!ok) failed = true;
    console.log(
      `${r.page.padEnd(45)} ${String(r.performance).padStart(4)}  ${String(r.tbtMs).padStart(6)}  ${String(r.lcpMs).padStart(6)}  ${String(r.accessibility).padStart(4)}  (${r.all})${ok ? "" : "  below target"}`,
    );
  }
  console.log(`load average before: ${loadBefore}; after: ${load()}`);
  console.log(
    `targets: performance ≥ ${TARGETS.performance}, TBT ≤ ${TARGETS.tbtMs} ms, accessibility ${TARGETS.accessibility}`,
  );
  if (process.env.LIGHTHOUSE_OUT) console.log(`reports: ${outDir}`);
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
