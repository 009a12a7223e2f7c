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
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { buildApi } from "./build-api.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.BENCH_CAP_PORT ?? 4764);
const redisPort = port + 1;
const connections = Number(process.env.BENCH_CAP_CONNECTIONS ?? 10);
const learnerCount = Number(process.env.BENCH_CAP_LEARNERS ?? 60);
const scale = Number(process.env.BENCH_CAP_SCALE ?? 1);
const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const base = `http://127.0.0.1:${port}`;
const PASSWORD = "capacity learner passphrase 42";
const json = { "content-type": "application/json" };
const TICK_MS = 1000 / 100; // USER_HZ: /proc reports CPU time in 1/100 s on Linux

const name = `lumen_capacity_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const dbUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
const dataDir = mkdtempSync(path.join(tmpdir(), "lumen-capacity-"));

const children = [];
const start = (cmd, args, opts) => {
  const child = spawn(cmd, args, { stdio: ["ignore", "inherit", "inherit"], ...opts });
  children.push(child);
  return child;
};
async function cleanup() {
  for (const child of children.reverse()) {
    if (child.exitCode !== null) continue;
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
  await admin.end();
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

async function call(method, url, { token, body } = {}) {
  const res = await fetch(`${base}/api/v1${url}`, {
    method,
    headers: { ...(body ? json : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const payload = await res.json();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(payload.error ?? payload)}`);
  return payload.data;
}

async function waitReady() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the API did not become ready");
}

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
  await waitReady();
  const catalog = await call("GET", "/courses?limit=100");
  const details = await Promise.all(
    catalog.items.filter((c) => c.pricing.is_free).map((c) => call("GET", `/courses/${c.id}`)),
  );
  const lessonsOf = (d) => d.modules.flatMap((m) => m.lessons);
  const course = details
    .map((d) => ({ id: d.id, lessons: lessonsOf(d) }))
    .filter(
      (d) => d.lessons.some((l) => l.has_quiz) && d.lessons.some((l) => l.kind === "video" && l.duration_seconds > 0),
    )
    .sort((a, b) => b.lessons.length - a.lessons.length)[0];
  if (!course) throw new Error("no free demo course with a video and a quiz");
  const videos = course.lessons.filter((l) => l.kind === "video" && l.duration_seconds > 0);
  const quizLesson = course.lessons.find((l) => l.has_quiz);
  const courseIds = catalog.items.map((c) => c.id);

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
  const answers = quiz.questions.map((q) => ({
    question_id: q.id,
    answer:
      q.type === "single_choice" ? 0 : q.type === "multiple_choice" ? [0] : q.type === "true_false" ? true : "a guess",
  }));
  const auth = (i) => ({ authorization: `Bearer ${learners[i % learners.length]}` });
  const playhead = learners.map(() => ({ lesson: 0, at: 0 }));

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
      const state = playhead[u];
      const video = videos[(state.lesson + u) % videos.length];
      const from = state.at;
      const to = Math.min(from + 10, video.duration_seconds);
      state.at = to >= video.duration_seconds ? 0 : to;
      if (state.at === 0) state.lesson++;
      return {
        method: "PUT",
        path: `/api/v1/lessons/${video.id}/progress`,
        headers: { ...json, ...auth(u) },
        body: JSON.stringify({ position_seconds: to, segment: { from_seconds: from, to_seconds: to } }),
      };
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
