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
// The learner session (`session`) is docs/capacity.md's 30-minute session of BENCH_SESSION_LEARNERS (default 1,000)
// learners: their combined request rate (145 requests per learner per 30 min) offered for BENCH_SESSION_SECONDS
// (default 30), the requests drawn at random from the session's mix; its p99 is what issue 15 sets a target for.
// Progress writes: half the learners play at 1× (a report covers what was played since the learner's previous one,
// so segments join up as a real player's do), the other half claim 10 s per report as fast as the connections go
// (the credit window cuts those, and rows collect scattered segments). The players run in one window like the other
// scenarios, then both kinds and the signed-in course page in slices interleaved with catalog slices (see
// interleaved): the players' p99 over the catalog's, and the course page's rate over the catalog's, are the ratios
// issue 15 sets targets for.
// Options (env): BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50), BENCH_USERS (default 200),
// BENCH_PORT (default 4100), BENCH_BARE_PORT (the bare server's; default the next port), BENCH_DATABASE_PREFIX
// (the throwaway database's name before the pid; default lumen_bench), BENCH_ONLY (comma-separated scenario keys:
// health, catalog, detail, me, progress, mixed, login, session; all by default), BENCH_API_NODE_ARGS (extra flags
// for the API's node process, e.g. "--cpu-prof --cpu-prof-dir=prof" to profile it).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
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
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const userCount = Number(process.env.BENCH_USERS ?? 200);
const sessionLearners = Number(process.env.BENCH_SESSION_LEARNERS ?? 1000);
const sessionSeconds = Number(process.env.BENCH_SESSION_SECONDS ?? 30);
const port = Number(process.env.BENCH_PORT ?? 4100);
const barePort = Number(process.env.BENCH_BARE_PORT ?? port + 1);
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",").map((s) => s.trim())) : null;
const want = (key) => !only || only.has(key);
const base = `http://127.0.0.1:${port}`;
const bareBase = `http://127.0.0.1:${barePort}`;
const PASSWORD = "bench learner passphrase 42";
const json = JSON_HEADERS;

// Other work on the machine skews the figures: the load before the run is saved with them.
const loadBefore = os.loadavg()[0];
const dataDir = mkdtempSync(path.join(tmpdir(), "lumen-bench-"));
let databaseUrl;
let dropDatabase = async () => {};
if (process.env.DATABASE_URL) {
  const database = await throwawayDatabase(
    process.env.DATABASE_URL,
    `${process.env.BENCH_DATABASE_PREFIX ?? "lumen_bench"}_${process.pid}`,
  );
  databaseUrl = database.url;
  dropDatabase = database.drop;
}

const children = processes();
const start = (args, cwd, env) => children.start(process.execPath, args, { cwd, env });

// The compiled API, as production runs it (built first; turbo makes an unchanged build instant).
buildApi(root);
const apiNodeArgs = (process.env.BENCH_API_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
const apiProcess = start([...apiNodeArgs, "--enable-source-maps", "dist/server.js"], path.join(root, "apps/api"), {
  ...process.env,
  NODE_ENV: "production",
  JWT_SECRET: "bench-secret-bench-secret-bench-secret-0123",
  ENCRYPTION_KEY: "ab".repeat(32),
  // Production refuses to start without it (the web gateway's proof); the bench calls the API directly.
  GATEWAY_SECRET: "bench-gateway-secret-bench-gateway-secret",
  DATA_DIR: dataDir,
  API_PORT: String(port),
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
  // The limiter would stop a load test after 100 requests; it is measured by the tests, not here.
  RATE_LIMIT_MAX: "1000000000",
  // The learner session asks the (offline) tutor: the daily budgets would cut it off.
  AI_USER_DAILY_LIMIT: "1000000",
  AI_PLATFORM_DAILY_LIMIT: "100000000",
  // The offline tutor, whatever the shell has set: a hosted model's latency is not the API's.
  ANTHROPIC_API_KEY: "",
  AI_BASE_URL: "",
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: "" }),
});

async function cleanup() {
  await children.stopAll();
  await dropDatabase();
  rmSync(dataDir, { recursive: true, force: true });
}

const api = apiClient(base);

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

/** Tallies of response statuses per operation (mixed workload, learner session), to explain any non-2xx. */
const statuses = new Map();
const sessionStatuses = new Map();
function tally(map, op, status) {
  const key = `${op} ${status}`;
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * One autocannon run whose first `settleMs` are not counted (its connections being opened): the response time of
 * every later request, and how many of them were not 2xx.
 */
function slice(opts, settleMs = 0) {
  return new Promise((resolve, reject) => {
    const times = [];
    let non2xx = 0;
    const startedAt = performance.now();
    const instance = autocannon({ url: base, connections, duration: seconds, ...opts }, (err, result) =>
      err ? reject(err) : resolve({ times, non2xx, errors: result.errors + result.timeouts }),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      if (performance.now() - startedAt < settleMs) return;
      times.push(ms);
      if (status < 200 || status > 299) non2xx++;
    });
  });
}

/** A table row from the counted responses of one or more slices that ran `measuredSeconds` in all. */
function summary(scenario, parts, measuredSeconds) {
  const times = parts.flatMap((p) => p.times).sort((x, y) => x - y);
  const at = (q) => Math.round(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? 0);
  return {
    scenario,
    requests_per_second: Math.round(times.length / measuredSeconds),
    latency_p50_ms: at(0.5),
    latency_p99_ms: at(0.99),
    non_2xx: parts.reduce((n, p) => n + p.non2xx, 0),
    errors: parts.reduce((n, p) => n + p.errors, 0),
  };
}

/** One scenario in one window (`seconds` long unless `opts.duration` says otherwise). */
async function run(title, opts) {
  return summary(title, [await slice(opts)], opts.duration ?? seconds);
}

/**
 * Scenarios measured in alternating slices (A B C, C B A, A B C…) and each one's slices added up, so that all see
 * the same machine: on a shared 2-core box the rate a 10 s window gets drifts by a quarter from one window to the
 * next, and a ratio of two figures taken minutes apart measures the drift as much as the API. Each slice runs 2 s
 * after half a second of opening its connections, which is not counted, and starts on a quiet server: after the
 * pause, buffered progress (written every PROGRESS_WRITE_BEHIND_MS) is in the table and no flush from another
 * scenario's slice lands in this one. `scenarios` are [title, autocannon options] pairs.
 */
async function interleaved(scenarios, { pauseMs = 1500, settleMs = 500 } = {}) {
  const slices = Math.max(1, Math.round(seconds / 2));
  const measured = seconds / slices;
  const runs = scenarios.map(() => []);
  const forward = scenarios.map((_, i) => i);
  for (let i = 0; i < slices; i++) {
    for (const k of i % 2 === 0 ? forward : [...forward].reverse()) {
      await new Promise((r) => setTimeout(r, pauseMs));
      runs[k].push(await slice({ ...scenarios[k][1], duration: measured + settleMs / 1000 }, settleMs));
    }
  }
  return scenarios.map(([title], k) => summary(title, runs[k], slices * measured));
}

/** A short unmeasured run first, so both servers are compared warm (JIT, pool connections). */
async function warm(url, requests) {
  await new Promise((resolve, reject) =>
    autocannon({ url, connections, duration: 2, requests }, (err) => (err ? reject(err) : resolve())),
  );
}

// ---- the learners -------------------------------------------------------------------------------------------

/**
 * Registers one learner. A keep-alive socket the server closed just as it was reused fails the POST without an
 * answer: try again, and sign in if the first attempt did register.
 */
async function register(email, fullName) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await api("POST", "/auth/register", { body: { email, password: PASSWORD, full_name: fullName } });
    } catch (err) {
      if (/: 409 /.test(String(err?.message)))
        return api("POST", "/auth/login", { body: { email, password: PASSWORD } });
      if (attempt >= 3 || err?.code !== "ECONNRESET") throw err;
    }
  }
}

/** Registers learners `from`…`to - 1` and enrolls each in `courseIds`. */
async function makeLearners(courseIds, from, to) {
  const stamp = Date.now().toString(36);
  // Registration hashes a password (argon2id, ~80 ms of CPU): a few at a time suits 2 cores.
  return pool(
    Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i),
    4,
    async (i) => {
      const email = `learner${i}.${stamp}@bench.lumen.test`;
      const session = await register(email, `Bench Learner ${i}`);
      for (const courseId of courseIds)
        await api("POST", `/courses/${courseId}/enroll`, { token: session.access_token });
      return { email, access: session.access_token, refresh: session.refresh_token, busy: false };
    },
  );
}

/** The next progress report, learner after learner (each learner's player moves through the videos). */
function progressWriter(learners, videos, opts) {
  const report = progressReports(learners.length, videos, opts);
  let n = 0;
  return () => {
    const u = n++ % learners.length;
    return report(u, learners[u].access);
  };
}

// ---- scenarios ----------------------------------------------------------------------------------------------

const CATALOG = "/api/v1/courses?limit=12";
const catalogRequests = [{ method: "GET", path: CATALOG }];

/**
 * A weighted mix of operations (`[weight, name, make(ctx)]`), for autocannon's setupRequest/onResponse. `auth`
 * makes the learners' token refreshes and logins: a refresh token is single-use (a replay ends the session), so a
 * learner has at most one auth call in flight, and a new pair replaces the learner's tokens. Responses are counted
 * per operation and status in `statusMap`.
 */
function weightedWorkload(learners, statusMap, makeOps) {
  let n = 0;
  const pickUser = () => learners[n++ % learners.length];
  const read = (path, user) => ({ method: "GET", path, headers: { authorization: `Bearer ${user.access}` } });

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
  function auth(ctx, kind) {
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

  const ops = makeOps({ pickUser, read, auth, n: () => n });
  const total = ops.reduce((sum, [w]) => sum + w, 0);
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
      tally(statusMap, ctx.op, status);
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

function mixedWorkload(learners, courseIds, nextProgress) {
  // 80 % reads (catalog 35, course detail 30, me 15), 15 % progress writes, 5 % auth (4 refresh : 1 login).
  return weightedWorkload(learners, statuses, ({ pickUser, read, auth, n }) => [
    [35, "catalog", () => read(CATALOG, pickUser())],
    [30, "detail", () => read(`/api/v1/courses/${courseIds[n() % courseIds.length]}`, pickUser())],
    [15, "me", () => read("/api/v1/auth/me", pickUser())],
    [15, "progress", nextProgress],
    [4, "refresh", (ctx) => auth(ctx, "refresh")],
    [1, "login", (ctx) => auth(ctx, "login")],
  ]);
}

/** Requests per learner in a 30-minute session, as docs/capacity.md defines it ("The learner session"). */
const SESSION_SECONDS_PER_LEARNER = 30 * 60;
const SESSION_REQUESTS = 145;

/**
 * The learner session of docs/capacity.md, per 145 requests: browse (5 catalog pages, 3 course pages), watch
 * (120 progress reports, one per 10 s of video), open 4 lessons with their resume points and 2 quizzes, submit 2
 * quizzes, refresh the session twice and ask the tutor 3 questions. Each request is one learner's, at random.
 */
function sessionWorkload(learners, { course, courseIds }, answers) {
  const nextProgress = progressWriter(learners, course.videos);
  const lessonIds = course.lessons.map((l) => l.id);
  let q = 0;
  return weightedWorkload(learners, sessionStatuses, ({ pickUser, read, auth, n }) => [
    [5, "catalog", () => read(CATALOG, pickUser())],
    [3, "course", () => read(`/api/v1/courses/${courseIds[n() % courseIds.length]}`, pickUser())],
    [120, "progress", nextProgress],
    [4, "lesson", () => read(`/api/v1/lessons/${lessonIds[n() % lessonIds.length]}`, pickUser())],
    [4, "resume", () => read(`/api/v1/lessons/${lessonIds[n() % lessonIds.length]}/progress`, pickUser())],
    [2, "quiz", () => read(`/api/v1/lessons/${course.quizLesson.id}/quiz`, pickUser())],
    [
      2,
      "quiz submit",
      () => ({
        method: "POST",
        path: `/api/v1/lessons/${course.quizLesson.id}/quiz/attempts`,
        headers: { ...json, authorization: `Bearer ${pickUser().access}` },
        body: JSON.stringify({ answers }),
      }),
    ],
    [2, "refresh", (ctx) => auth(ctx, "refresh")],
    [
      3,
      "tutor",
      () => ({
        method: "POST",
        path: "/api/v1/ai/chat",
        headers: { ...json, authorization: `Bearer ${pickUser().access}` },
        // A different question each time: the answer cache would otherwise serve all but the first.
        body: JSON.stringify({ message: `What does this course say about idea ${q++}?`, course_id: course.id }),
      }),
    ],
  ]);
}

let bare;
try {
  await waitReady(`${base}/health/ready`, apiProcess);
  console.log(`Preparing ${userCount} learners…`);
  const { course, courseIds } = await pickDemoCourse(api);
  const learners = await makeLearners([course.id], 0, userCount);
  console.log(`${learners.length} learners enrolled in "${course.title}" (${course.videos.length} video lessons)`);

  const results = [];
  if (want("health")) {
    results.push(await run("GET /health (baseline)", { requests: [{ method: "GET", path: "/health" }] }));
  }

  let catalog = null;
  let bareCatalog = null;
  if (want("catalog")) {
    await warm(base, catalogRequests);
    catalog = await run("GET /courses?limit=12 (catalog, guest)", { requests: catalogRequests });
    results.push(catalog);
  }
  if (want("catalog") && databaseUrl) {
    bare = start(["scripts/bench-bare-server.mjs", String(barePort)], root, {
      ...process.env,
      DATABASE_URL: databaseUrl,
    });
    await waitReady(`${bareBase}/health`, bare);
    await warm(bareBase, catalogRequests);
    bareCatalog = await run("bare Fastify + pg, same catalog SQL", {
      url: bareBase,
      requests: catalogRequests,
    });
    results.push(bareCatalog);
    bare.kill("SIGTERM");
    await new Promise((r) => bare.once("exit", r));
  }

  let d = 0;
  const details = [
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
  ];
  const detailTitle = "GET /courses/:id (detail, signed in)";
  if (want("detail")) results.push(await run(detailTitle, { requests: details }));

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

  // Half the learners play at 1× (contiguous segments, as a real player reports them however often); the others
  // claim 10 s per report as fast as the connections go (the credit window's path, and the mixed workload's).
  const half = Math.ceil(learners.length / 2);
  const [players, skimmers] = [learners.slice(0, half), learners.slice(half)];
  const nextPlay = progressWriter(players, course.videos, { speed: 1 });
  const nextSkim = progressWriter(skimmers, course.videos);
  const playTitle = `PUT /lessons/:id/progress (${players.length} learners playing at 1×)`;
  const skimTitle = `PUT /lessons/:id/progress (${skimmers.length} learners, 10 s per report)`;
  const plays = [{ setupRequest: (req) => ({ ...req, ...nextPlay() }) }];
  const skims = [{ setupRequest: (req) => ({ ...req, ...nextSkim() }) }];
  if (want("progress")) {
    // As the player does: each learner opens each video (POST /lessons/:id/start) before reporting on it, then the
    // scenario is warmed for 2 s like the catalog's.
    const opens = learners.flatMap((learner) => course.videos.map((video) => [learner, video]));
    await pool(opens, 20, ([learner, video]) => api("POST", `/lessons/${video.id}/start`, { token: learner.access }));
    await warm(base, plays);
    await warm(base, skims);
    results.push(await run(playTitle, { requests: plays }));
  }
  // The ratios' sides measured side by side with the catalog (see interleaved); the one-window rows above stay.
  const paired = {};
  if (want("catalog") && (want("detail") || want("progress"))) {
    const sides = [
      ...(want("progress")
        ? [
            ["progress", playTitle, plays],
            ["skimming", skimTitle, skims],
          ]
        : []),
      ...(want("detail") ? [["detail", detailTitle, details]] : []),
      ["catalog", "GET /courses?limit=12 (catalog, guest)", catalogRequests],
    ];
    const measured = await interleaved(sides.map(([, title, requests]) => [`${title}, interleaved`, { requests }]));
    results.push(...measured);
    sides.forEach(([key], i) => {
      paired[key] = measured[i];
    });
  }

  if (want("mixed")) {
    const mixed = mixedWorkload(learners, courseIds, nextSkim);
    results.push(
      await run("mixed: 80% reads, 15% progress, 5% auth", {
        requests: [{ setupRequest: mixed.setupRequest, onResponse: mixed.onResponse }],
      }),
    );
  }

  let session = null;
  if (want("session")) {
    // The bench's learners and more up to BENCH_SESSION_LEARNERS, all enrolled in a free course with a quiz too.
    const picked = await pickDemoCourse(api, { needsQuiz: true });
    const extraCourse = picked.course.id === course.id ? [] : [picked.course.id];
    for (const learner of learners) {
      for (const id of extraCourse) await api("POST", `/courses/${id}/enroll`, { token: learner.access });
    }
    console.log(`Preparing ${sessionLearners} learners for the learner session…`);
    const more = await makeLearners([course.id, ...extraCourse], learners.length, sessionLearners);
    const everyone = [...learners, ...more].slice(0, sessionLearners);
    const quiz = await api("GET", `/lessons/${picked.course.quizLesson.id}/quiz`, { token: everyone[0].access });
    const workload = sessionWorkload(everyone, picked, quizGuesses(quiz));
    // The offered load of that many learners online at once, however fast the API answers (an open-loop rate).
    const rate = Math.max(1, Math.round((everyone.length * SESSION_REQUESTS) / SESSION_SECONDS_PER_LEARNER));
    session = await run(`learner session: ${everyone.length} learners (${rate} req/s offered)`, {
      duration: sessionSeconds,
      overallRate: rate,
      requests: [{ setupRequest: workload.setupRequest, onResponse: workload.onResponse }],
    });
    results.push(session);
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
  // Issue 15's second target: a signed-in course page at least half the (cached) catalog's rate (interleaved).
  const detailRatio =
    paired.catalog && paired.detail
      ? Math.round((paired.detail.requests_per_second / paired.catalog.requests_per_second) * 100) / 100
      : null;
  // Issue 15: progress writes' p99 at most twice the catalog's, at the same connections (measured interleaved).
  const p99Ratio = (r) =>
    paired.catalog && r
      ? Math.round((r.latency_p99_ms / Math.max(1, paired.catalog.latency_p99_ms)) * 100) / 100
      : null;
  const progressP99Ratio = p99Ratio(paired.progress);
  const skimP99Ratio = p99Ratio(paired.skimming);
  console.table(results);
  if (ratio !== null)
    console.log(`Catalog, API / bare: ${ratio} (${Math.round(ratio * 100)}% of the bare server's req/s)`);
  if (detailRatio !== null) console.log(`Signed-in detail / catalog req/s: ${detailRatio} (target ≥ 0.5)`);
  if (progressP99Ratio !== null) {
    console.log(`Progress p99 / catalog p99: ${progressP99Ratio} (target ≤ 2; players at 1×)`);
    console.log(`  with 10 s claimed per report, many times a second (cut by the credit window): ${skimP99Ratio}`);
  }
  if (session) console.log(`Learner session p99: ${session.latency_p99_ms} ms (target ≤ 250 ms)`);
  if (sessionStatuses.size > 0)
    console.log("Learner session, responses by operation:", Object.fromEntries(sessionStatuses));
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
        progress_p99_to_catalog_p99: progressP99Ratio,
        progress_10s_reports_p99_to_catalog_p99: skimP99Ratio,
        session_learners: session ? sessionLearners : null,
        session_p99_ms: session?.latency_p99_ms ?? null,
        results,
        mixed_statuses: Object.fromEntries(statuses),
        session_statuses: Object.fromEntries(sessionStatuses),
      },
      null,
      2,
    ),
  );
  console.log(`Saved ${path.relative(root, file)}`);
} finally {
  await cleanup();
}
