import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

const here = path.dirname(fileURLToPath(import.meta.url));

// End-to-end tests drive Debian's Chromium (no browser downloads here) against the real API and web app.
// The API runs on a fresh embedded database with the demo data; the web app is the production build.
// Set once in the main process and inherited by the workers, which read the mail outbox under it.
process.env.LUMEN_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "lumen-e2e-"));
const dataDir = process.env.LUMEN_E2E_DATA_DIR;
// Overridable so several runs (e.g. two engineers on one machine) don't collide.
const apiPort = Number(process.env.E2E_API_PORT ?? 4000);
const webPort = Number(process.env.E2E_WEB_PORT ?? 3000);
const jsonReport = process.env.VITEST_JSON_DIR ? path.join(process.env.VITEST_JSON_DIR, "web-e2e.json") : undefined;

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  // No retries, in CI or anywhere: a test that needs one is flaky, and a flaky test is a bug to fix (issue 10).
  retries: 0,
  failOnFlakyTests: true,
  workers: 1,
  reporter: jsonReport ? [["list"], ["json", { outputFile: jsonReport }]] : [["list"]],
  outputDir: "./test-results",
  use: {
    baseURL: `http://localhost:${webPort}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // The journey plays lesson videos without a real user gesture.
        "--autoplay-policy=no-user-gesture-required",
        "--mute-audio",
      ],
    },
  },
  webServer: [
    {
      // The compiled API (`turbo run build` builds it with the web app).
      command: "node --enable-source-maps dist/server.js",
      cwd: path.resolve(here, "../api"),
      url: `http://127.0.0.1:${apiPort}/health/ready`,
      timeout: 180_000,
      reuseExistingServer: false,
      env: {
        DATA_DIR: dataDir,
        API_PORT: String(apiPort),
        LOG_LEVEL: "warn",
        RATE_LIMIT_MAX: "100000",
        APP_URL: `http://localhost:${webPort}`,
        // As `npm start` does: the API tells the web app which cached pages to regenerate after a course changes
        // (signed with the secret it generates into DATA_DIR, where the web app's server reads it).
        WEB_REVALIDATE_URL: `http://127.0.0.1:${webPort}/api/revalidate`,
        DATABASE_URL: "",
        REDIS_URL: "",
      },
    },
    {
      // The web app's server (server.mjs) as `npm start` runs it; it reads the gateway secret the API generated.
      command: `node server.mjs -p ${webPort}`,
      cwd: here,
      url: `http://127.0.0.1:${webPort}`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { API_URL: `http://127.0.0.1:${apiPort}`, DATA_DIR: dataDir },
    },
  ],
});
