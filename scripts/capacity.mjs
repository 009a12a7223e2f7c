#!/usr/bin/env node
// `node scripts/capacity.mjs`: CPU cost per request kind, for docs/capacity.md. Starts the compiled API
// (production mode, demo data) on a throwaway PostgreSQL database and a Redis of its own, then sends a fixed number
// of requests of each kind and reads how much CPU each process spent on them:
//   API      utime+stime of the API process (/proc/<pid>/stat)
//   Postgres utime+stime of the backends connected to the throwaway database (pg_stat_activity → /proc)
//   Redis    used_cpu_user+used_cpu_sys of its own redis-server (INFO cpu)
// Needs root or the postgres user to read the backends' /proc entries, DATABASE_URL (a server to create the
// database on; default postgres://postgres@127.0.0.1:5432/postgres) and redis-server on the PATH.
// Options (env): BENCH_CAP_PORT (4764; Redis uses the next port), BENCH_CAP_CONNECTIONS (10), BENCH_CAP_LEARNERS (60), BENCH_CAP_SCALE (1).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { buildApi } from "./build-api.mjs";
import {
  apiClient,
  JSON_HEADERS,
  pickDemoCourse,
  processes,
  progressReports,
  quizGuesses,
  throwawayDatabase,
  waitReady,
} from "./lib/bench-kit.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.BENCH_CAP_PORT ?? 4764);
const redisPort = port + 1;
const connections = Number(process.env.BENCH_CAP_CONNECTIONS ?? 10);
const learnerCount = Number(process.env.BENCH_CAP_LEARNERS ?? 60);
const scale = Number(process.env.BENCH_CAP_SCALE ?? 1);
const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const base = `http://127.0.0.1:${port}`;
const PASSWORD = "capacity learner passphrase 42";
const json = JSON_HEADERS;
const TICK_MS = 1000 / 100; // USER_HZ: /proc reports CPU time in 1/100 s on Linux

const name = `lumen_capacity_${process.pid}`;
const database = await throwawayDatabase(serverUrl, name);
const dbUrl = database.url;
// Reads the backends' CPU (pg_stat_activity) while the run goes on.
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
const dataDir = mkdtempSync(path.join(tmpdir(), "lumen-capacity-"));

const children = processes();
const start = children.start;
async function cleanup() {
  await children.stopAll();
  await admin.end().catch(() => {});
  await database.drop().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
}

start("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
buildApi(root);
const api = start(process.execPath, ["--enable-source-maps", "dist/server.js"], {
  cwd: path.join(root, "apps/api"),
  env: {
    ...process.env,
    NODE_ENV: "production",
    JWT_SECRET: "capacity-secret-capacity-secret-0123456789",
    ENCRYPTION_KEY: "cd".repeat(32),
    GATEWAY_SECRET: "capacity-gateway-secret-0123456789abcdef",
    DATA_DIR: dataDir,
    API_PORT: String(port),
    METRICS_PORT: "0",
    LOG_LEVEL: "warn",
    DATABASE_URL: dbUrl,
    DATABASE_READ_URL: "",
    REDIS_URL: `redis://127.0.0.1:${redisPort}/0`,
    RATE_LIMIT_MAX: "1000000000",
    AI_USER_DAILY_LIMIT: "1000000",
    AI_PLATFORM_DAILY_LIMIT: "100000000",
    ANTHROPIC_API_KEY: "",
    AI_BASE_URL: "",
  },
});

const cpuOf = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
  } catch {
    return 0; // the backend ended
  }
};
async function postgresCpu() {
  const { rows } = await admin.query("SELECT pid FROM pg_stat_activity WHERE datname = $1", [name]);
  return new Map(rows.map((r) => [r.pid, cpuOf(r.pid)]));
}
async function redisCpu() {
  const info = execFileSync("redis-cli", ["-p", String(redisPort), "info", "cpu"], { encoding: "utf8" });
  const value = (key) => Number(new RegExp(`^${key}:([0-9.]+)`, "m").exec(info)?.[1] ?? 0);
  return (value("used_cpu_user") + value("used_cpu_sys")) * 1000;
}

const call = apiClient(base);

/** Sends `amount` requests made by `make(i)` and returns CPU ms per request for each process, and latency. */
async function measure(kind, amount, make) {
  let i = 0;
  const pgBefore = await postgresCpu();
  const apiBefore = cpuOf(api.pid);
  const redisBefore = await redisCpu();
  const load = os.loadavg()[0];
  const statuses = {};
  const result = await new Promise((resolve, reject) =>
    autocannon(
      {
        url: base,
        connections,
        amount,
        requests: [
          {
            setupRequest: (req) => ({ ...req, ...make(i++) }),
            onResponse: (status) => {
              statuses[status] = (statuses[status] ?? 0) + 1;
            },
          },
        ],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    ),
  );
  const apiMs = cpuOf(api.pid) - apiBefore;
  const pgAfter = await postgresCpu();
  let pgMs = 0;
  for (const [pid, after] of pgAfter) pgMs += after - (pgBefore.get(pid) ?? 0);
  const redisMs = (await redisCpu()) - redisBefore;
  const row = {
    kind,
    requests: result.requests.total,
    statuses,
    api_cpu_ms: +(apiMs / amount).toFixed(3),
    postgres_cpu_ms: +(pgMs / amount).toFixed(3),
    redis_cpu_ms: +(redisMs / amount).toFixed(3),
    requests_per_second: Math.round(result.requests.average),
    latency_p50_ms: result.latency.p50,
    latency_p99_ms: result.latency.p99,
    load_before: +load.toFixed(2),
  };
  console.log(JSON.stringify(row));
  return row;
}

try {
  await waitReady(`${base}/health/ready`, api);
  const { course, courseIds } = await pickDemoCourse(call, { needsQuiz: true, rankBy: "lessons" });
  const { videos, quizLesson } = course;

  console.log(`Registering ${learnerCount} learners…`);
  const learners = [];
  for (let i = 0; i < learnerCount; i++) {
    const s = await call("POST", "/auth/register", {
      body: { email: `cap${i}.${process.pid}@capacity.lumen.test`, password: PASSWORD, full_name: `Capacity ${i}` },
    });
    await call("POST", `/courses/${course.id}/enroll`, { token: s.access_token });
    learners.push(s.access_token);
  }
  const quiz = await call("GET", `/lessons/${quizLesson.id}/quiz`, { token: learners[0] });
  const answers = quizGuesses(quiz);
  const auth = (i) => ({ authorization: `Bearer ${learners[i % learners.length]}` });
  const nextReport = progressReports(learners.length, videos);

  const n = (count) => Math.max(50, Math.round(count * scale));
  // Warm-up: JIT, pool connections, prepared statements.
  await measure("warm-up", n(300), (i) => ({
    method: "GET",
    path: `/api/v1/courses/${courseIds[i % courseIds.length]}`,
  }));
  const rows = [];
  rows.push(await measure("catalog (guest)", n(3000), () => ({ method: "GET", path: "/api/v1/courses?limit=12" })));
  rows.push(
    await measure("course detail (signed in)", n(2000), (i) => ({
      method: "GET",
      path: `/api/v1/courses/${courseIds[i % courseIds.length]}`,
      headers: auth(i),
    })),
  );
  rows.push(
    await measure("progress write (10 s of video)", n(2000), (i) => {
      const u = i % learners.length;
      return nextReport(u, learners[u]);
    }),
  );
  rows.push(
    await measure("quiz submit", n(1000), (i) => ({
      method: "POST",
      path: `/api/v1/lessons/${quizLesson.id}/quiz/attempts`,
      headers: { ...json, ...auth(i) },
      body: JSON.stringify({ answers }),
    })),
  );
  rows.push(
    await measure("tutor answer (offline, uncached)", n(300), (i) => ({
      method: "POST",
      path: "/api/v1/ai/chat",
      headers: { ...json, ...auth(i) },
      // A different question each time: the answer cache would otherwise serve all but the first.
      body: JSON.stringify({
        message: `What does lesson ${i} say about the main idea, question ${i}?`,
        course_id: course.id,
      }),
    })),
  );
  const out = path.join(root, "bench-results");
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `capacity-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ connections, learners: learnerCount, cpus: os.cpus().length, rows }, null, 2));
  console.log(`saved ${path.relative(root, file)}`);
} finally {
  await cleanup();
}
