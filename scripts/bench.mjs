#!/usr/bin/env node
// `npm run bench`: starts the API on a fresh database and measures it with autocannon.
// With DATABASE_URL set, a throwaway database is created on that server (and dropped afterwards), so the
// numbers are PostgreSQL's, and a bare Fastify + pg server (scripts/bench-bare-server.mjs) running the catalog's
// SQL on the same database gives the floor the API's catalog is compared with. Without DATABASE_URL a fresh
// PGlite directory is used (one process only: no bare comparison). Results go to bench-results/.
//
// Learners: BENCH_USERS (default 200) accounts are registered through the API and enrolled in a free demo course,
// and every authenticated request picks one of them, so the per-user rate limit (which the API process has raised
// out of the way anyway) and per-user row locks are not what is measured.
// Options (env): BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50), BENCH_USERS (default 200),
// BENCH_PORT (default 4100; the bare server uses the next port), BENCH_ONLY (comma-separated scenario keys:
// health, catalog, detail, me, progress, mixed, login; all by default).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { buildApi } from "./build-api.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const userCount = Number(process.env.BENCH_USERS ?? 200);
const port = Number(process.env.BENCH_PORT ?? 4100);
const barePort = port + 1;
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",").map((s) => s.trim())) : null;
const want = (key) => !only || only.has(key);
const base = `http://127.0.0.1:${port}`;
const bareBase = `http://127.0.0.1:${barePort}`;
const PASSWORD = "bench learner passphrase 42";
const json = { "content-type": "application/json" };

// Other work on the machine skews the figures: the load before the run is saved with them.
const loadBefore = os.loadavg()[0];
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

const children = [];
function start(args, cwd, env) {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "inherit", "inherit"] });
  children.push(child);
  return child;
}

// The compiled API, as production runs it (built first; turbo makes an unchanged build instant).
buildApi(root);
const apiProcess = start(["--enable-source-maps", "dist/server.js"], path.join(root, "apps/api"), {
  ...process.env,
  NODE_ENV: "production",
  JWT_SECRET: "bench-secret-bench-secret-bench-secret-0123",
  ENCRYPTION_KEY: "ab".repeat(32),
  // Production refuses to start without it (the web gateway's proof); the bench calls the API directly.
  GATEWAY_SECRET: "bench-gateway-secret-bench-gateway-secret",
  DATA_DIR: dataDir,
  API_PORT: String(port),
  LOG_LEVEL: "warn",
  // The limiter would stop a load test after 100 requests; it is measured by the tests, not here.
  RATE_LIMIT_MAX: "1000000000",
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: "" }),
});

async function cleanup() {
  for (const child of children) {
    if (child.exitCode !== null) continue;
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
  await dropDatabase();
  rmSync(dataDir, { recursive: true, force: true });
}

async function waitReady(url, child = apiProcess) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the server for ${url} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become ready`);
}

async function api(method, url, { token, body } = {}) {
  const res = await fetch(`${base}/api/v1${url}`, {
    method,
    headers: { ...(body ? json : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const payload = await res.json();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(payload.error ?? payload)}`);
  return payload.data;
}

/** Runs `task` over `items` with at most `limit` at a time. */
async function pool(items, limit, task) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await task(items[i], i);
      }
    }),
  );
  return out;
}

/** Tally of response statuses per operation, to explain any non-2xx. */
const statuses = new Map();
function tally(op, status) {
  const key = `${op} ${status}`;
  statuses.set(key, (statuses.get(key) ?? 0) + 1);
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
        errors: result.errors + result.timeouts,
      });
    });
  });
}

/** A short unmeasured run first, so both servers are compared warm (JIT, pool connections). */
async function warm(url, requests) {
  await new Promise((resolve, reject) =>
    autocannon({ url, connections, duration: 2, requests }, (err) => (err ? reject(err) : resolve())),
  );
}

// ---- the learners -------------------------------------------------------------------------------------------

/** Picks the demo course the learners enroll in: free, with the most video lessons. */
async function pickCourse() {
  const catalog = await api("GET", "/courses?limit=100");
  const details = await Promise.all(
    catalog.items.filter((c) => c.pricing.is_free).map((c) => api("GET", `/courses/${c.id}`)),
  );
  const withVideos = details.map((d) => ({
    id: d.id,
    title: d.title,
    videos: d.modules.flatMap((m) => m.lessons).filter((l) => l.kind === "video" && l.duration_seconds > 0),
  }));
  withVideos.sort((a, b) => b.videos.length - a.videos.length);
  const chosen = withVideos[0];
  if (!chosen || chosen.videos.length === 0) throw new Error("no free demo course with video lessons");
  return { course: chosen, courseIds: catalog.items.map((c) => c.id) };
}

async function makeLearners(courseId) {
  const stamp = Date.now().toString(36);
  // Registration hashes a password (argon2id, ~80 ms of CPU): a few at a time suits 2 cores.
  return pool(
    Array.from({ length: userCount }, (_, i) => i),
    4,
    async (i) => {
      const email = `learner${i}.${stamp}@bench.lumen.test`;
      const session = await api("POST", "/auth/register", {
        body: { email, password: PASSWORD, full_name: `Bench Learner ${i}` },
      });
      await api("POST", `/courses/${courseId}/enroll`, { token: session.access_token });
      return { email, access: session.access_token, refresh: session.refresh_token, busy: false };
    },
  );
}

/**
 * A learner's player reports every 10 s of video: the segment just watched and the playhead. Each learner moves
 * through the course's videos in turn, so writes spread over many progress rows and some complete lessons.
 */
function progressWriter(learners, videos) {
  const playhead = learners.map(() => ({ lesson: 0, at: 0 }));
  let n = 0;
  return () => {
    const u = n++ % learners.length;
    const state = playhead[u];
    const video = videos[(state.lesson + u) % videos.length];
    const from = state.at;
    const to = Math.min(from + 10, video.duration_seconds);
    state.at = to >= video.duration_seconds ? 0 : to;
    if (state.at === 0) state.lesson++;
    return {
      method: "PUT",
      path: `/api/v1/lessons/${video.id}/progress`,
      headers: { ...json, authorization: `Bearer ${learners[u].access}` },
      body: JSON.stringify({ position_seconds: to, segment: { from_seconds: from, to_seconds: to } }),
    };
  };
}

// ---- scenarios ----------------------------------------------------------------------------------------------

const CATALOG = "/api/v1/courses?limit=12";

function mixedWorkload(learners, courseIds, nextProgress) {
  let n = 0;
  const pickUser = () => learners[n++ % learners.length];
  const read = (path, user) => ({ method: "GET", path, headers: { authorization: `Bearer ${user.access}` } });
  // 80 % reads (catalog 35, course detail 30, me 15), 15 % progress writes, 5 % auth (4 refresh : 1 login).
  const ops = [
    [35, "catalog", () => read(CATALOG, pickUser())],
    [30, "detail", () => read(`/api/v1/courses/${courseIds[n % courseIds.length]}`, pickUser())],
    [15, "me", () => read("/api/v1/auth/me", pickUser())],
    [15, "progress", nextProgress],
    [4, "refresh", (ctx) => authOp(ctx, "refresh")],
    [1, "login", (ctx) => authOp(ctx, "login")],
  ];
  const total = ops.reduce((s, [w]) => s + w, 0);

  // A refresh token is single-use (a replay ends the session), so a learner has at most one auth call in flight.
  let a = 0;
  function idleLearner() {
    for (let k = 0; k < learners.length; k++) {
      const user = learners[(a + k) % learners.length];
      if (!user.busy) {
        a = (a + k + 1) % learners.length;
        return user;
      }
    }
    return null;
  }
  function authOp(ctx, kind) {
    const user = idleLearner();
    if (!user) {
      ctx.op = "catalog";
      return read(CATALOG, pickUser());
    }
    user.busy = true;
    ctx.user = user;
    return kind === "refresh"
      ? {
          method: "POST",
          path: "/api/v1/auth/refresh",
          headers: json,
          body: JSON.stringify({ refresh_token: user.refresh }),
        }
      : {
          method: "POST",
          path: "/api/v1/auth/login",
          headers: json,
          body: JSON.stringify({ email: user.email, password: PASSWORD }),
        };
  }

  return {
    setupRequest: (_req, ctx) => {
      let roll = Math.random() * total;
      for (const [weight, name, make] of ops) {
        roll -= weight;
        if (roll < 0) {
          ctx.op = name;
          return make(ctx);
        }
      }
      throw new Error("unreachable");
    },
    onResponse: (status, body, ctx) => {
      tally(ctx.op, status);
      if ((ctx.op === "refresh" || ctx.op === "login") && ctx.user) {
        if (status === 200) {
          const data = JSON.parse(body).data;
          ctx.user.access = data.access_token;
          ctx.user.refresh = data.refresh_token;
        }
        ctx.user.busy = false;
        ctx.user = undefined;
      }
    },
  };
}

let bare;
try {
  await waitReady(`${base}/health/ready`);
  console.log(`Preparing ${userCount} learners…`);
  const { course, courseIds } = await pickCourse();
  const learners = await makeLearners(course.id);
  console.log(`${learners.length} learners enrolled in "${course.title}" (${course.videos.length} video lessons)`);

  const results = [];
  if (want("health")) {
    results.push(await run("GET /health (baseline)", { requests: [{ method: "GET", path: "/health" }] }));
  }

  let catalog = null;
  let bareCatalog = null;
  if (want("catalog")) {
    await warm(base, [{ method: "GET", path: CATALOG }]);
    catalog = await run("GET /courses?limit=12 (catalog, guest)", { requests: [{ method: "GET", path: CATALOG }] });
    results.push(catalog);
  }
  if (want("catalog") && databaseUrl) {
    bare = start(["scripts/bench-bare-server.mjs", String(barePort)], root, {
      ...process.env,
      DATABASE_URL: databaseUrl,
    });
    await waitReady(`${bareBase}/health`, bare);
    await warm(bareBase, [{ method: "GET", path: CATALOG }]);
    bareCatalog = await run("bare Fastify + pg, same catalog SQL", {
      url: bareBase,
      requests: [{ method: "GET", path: CATALOG }],
    });
    results.push(bareCatalog);
    bare.kill("SIGTERM");
    await new Promise((r) => bare.once("exit", r));
  }

  let d = 0;
  let detail = null;
  if (want("detail")) {
    detail = await run("GET /courses/:id (detail, signed in)", {
      requests: [
        {
          setupRequest: (req) => {
            const i = d++;
            return {
              ...req,
              method: "GET",
              path: `/api/v1/courses/${courseIds[i % courseIds.length]}`,
              headers: { authorization: `Bearer ${learners[i % learners.length].access}` },
            };
          },
        },
      ],
    });
    results.push(detail);
  }

  let m = 0;
  if (want("me")) {
    results.push(
      await run("GET /auth/me (signed in)", {
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              method: "GET",
              path: "/api/v1/auth/me",
              headers: { authorization: `Bearer ${learners[m++ % learners.length].access}` },
            }),
          },
        ],
      }),
    );
  }

  const nextProgress = progressWriter(learners, course.videos);
  if (want("progress")) {
    results.push(
      await run(`PUT /lessons/:id/progress (${learners.length} learners)`, {
        requests: [{ setupRequest: (req) => ({ ...req, ...nextProgress() }) }],
      }),
    );
  }

  if (want("mixed")) {
    const mixed = mixedWorkload(learners, courseIds, nextProgress);
    results.push(
      await run("mixed: 80% reads, 15% progress, 5% auth", {
        requests: [{ setupRequest: mixed.setupRequest, onResponse: mixed.onResponse }],
      }),
    );
  }

  if (want("login")) {
    results.push(
      await run("POST /auth/login (argon2id, 4 connections)", {
        connections: Math.min(connections, 4),
        requests: [
          {
            method: "POST",
            path: "/api/v1/auth/login",
            headers: json,
            body: JSON.stringify({ email: learners[0].email, password: PASSWORD }),
          },
        ],
      }),
    );
  }

  const ratio =
    catalog && bareCatalog
      ? Math.round((catalog.requests_per_second / bareCatalog.requests_per_second) * 100) / 100
      : null;
  // Issue 15's second target: a signed-in course page costs at most twice a (cached) catalog page.
  const detailRatio =
    catalog && detail ? Math.round((detail.requests_per_second / catalog.requests_per_second) * 100) / 100 : null;
  console.table(results);
  if (ratio !== null)
    console.log(`Catalog, API / bare: ${ratio} (${Math.round(ratio * 100)}% of the bare server's req/s)`);
  if (detailRatio !== null) console.log(`Signed-in detail / catalog: ${detailRatio}`);
  const failing = [...statuses].filter(([key]) => !/ 2\d\d$/.test(key));
  if (failing.length > 0) console.log("Non-2xx in the mixed workload, by operation:", Object.fromEntries(failing));
  if (statuses.size > 0) console.log("Mixed workload, responses by operation:", Object.fromEntries(statuses));
  const loadAfter = os.loadavg()[0];
  console.log(
    `Load average (1 min) before: ${loadBefore.toFixed(2)}, after: ${loadAfter.toFixed(2)}, on ${os.cpus().length} cores`,
  );

  mkdirSync(path.join(root, "bench-results"), { recursive: true });
  const file = path.join(
    root,
    "bench-results",
    `bench-${databaseUrl ? "postgres" : "pglite"}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
  );
  writeFileSync(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        database: databaseUrl ? "postgres" : "pglite",
        machine: {
          cpus: os.cpus().length,
          cpu_model: os.cpus()[0]?.model ?? null,
          memory_gb: Math.round(os.totalmem() / 2 ** 30),
          node: process.version,
          load_average_before: loadBefore,
          load_average_after: loadAfter,
        },
        seconds,
        connections,
        learners: learners.length,
        catalog_api_to_bare_ratio: ratio,
        detail_to_catalog_ratio: detailRatio,
        results,
        mixed_statuses: Object.fromEntries(statuses),
      },
      null,
      2,
    ),
  );
  console.log(`Saved ${path.relative(root, file)}`);
} finally {
  await cleanup();
}
