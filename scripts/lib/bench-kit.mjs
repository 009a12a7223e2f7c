// What scripts/bench.mjs and scripts/capacity.mjs share: child processes, a throwaway database, the API's JSON
// calls, waiting for readiness, the demo course the learners use and the player's progress reports.
import { spawn } from "node:child_process";
import http from "node:http";
import pg from "pg";

export const JSON_HEADERS = { "content-type": "application/json" };

/** Children started with `start`, stopped (last first) by `stopAll`, whatever state they are in. */
export function processes() {
  const children = [];
  return {
    start(command, args, options) {
      const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"], ...options });
      children.push(child);
      return child;
    },
    async stopAll() {
      for (const child of children.splice(0).reverse()) {
        if (child.exitCode !== null) continue;
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
    },
  };
}

/** Creates the database `name` on the server at `serverUrl`; `drop()` removes it, connections and all. */
export async function throwawayDatabase(serverUrl, name) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Polls `url` until it answers 2xx; fails early when `child` (the server) has exited. */
export async function waitReady(url, child) {
  for (let i = 0; i < 240; i++) {
    if (child && child.exitCode !== null) throw new Error(`the server for ${url} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become ready`);
}

/**
 * `call(method, "/courses", { token, body })` against `${base}/api/v1`: the envelope's data, or a thrown error.
 * node:http with a keep-alive agent of its own rather than fetch: after the long autocannon runs, undici's pool
 * (fetch) was seen opening a connection and never writing the request on it, until the API's 60 s headers timeout
 * answered 408; the server had read nothing on that socket.
 */
export function apiClient(base) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const origin = new URL(base);
  return function call(method, url, { token, body } = {}) {
    const payload = body ? JSON.stringify(body) : null;
    const headers = {
      ...(payload ? { ...JSON_HEADERS, "content-length": Buffer.byteLength(payload) } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    };
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: origin.hostname, port: origin.port, path: `/api/v1${url}`, method, headers, agent },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk) => {
            text += chunk;
          });
          res.on("end", () => {
            let parsed;
            try {
              parsed = JSON.parse(text);
            } catch {
              return reject(new Error(`${method} ${url}: ${res.statusCode} ${text.slice(0, 200)}`));
            }
            if (res.statusCode < 200 || res.statusCode >= 300)
              return reject(new Error(`${method} ${url}: ${res.statusCode} ${JSON.stringify(parsed.error ?? parsed)}`));
            resolve(parsed.data);
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(payload ?? undefined);
    });
  };
}

/**
 * The free demo course with the most video lessons (`rankBy: "lessons"`: the most lessons) among those with videos
 * (and, with `needsQuiz`, a quiz): its lessons, video lessons, quiz lesson, and the ids of every catalog course.
 */
export async function pickDemoCourse(call, { needsQuiz = false, rankBy = "videos" } = {}) {
  const catalog = await call("GET", "/courses?limit=100");
  const details = await Promise.all(
    catalog.items.filter((c) => c.pricing.is_free).map((c) => call("GET", `/courses/${c.id}`)),
  );
  const candidates = details
    .map((d) => {
      const lessons = d.modules.flatMap((m) => m.lessons);
      return {
        id: d.id,
        title: d.title,
        lessons,
        videos: lessons.filter((l) => l.kind === "video" && l.duration_seconds > 0),
        quizLesson: lessons.find((l) => l.has_quiz) ?? null,
      };
    })
    .filter((c) => c.videos.length > 0 && (!needsQuiz || c.quizLesson));
  const rank = (c) => (rankBy === "lessons" ? c.lessons.length : c.videos.length);
  candidates.sort((a, b) => rank(b) - rank(a));
  const course = candidates[0];
  if (!course) throw new Error(`no free demo course with video lessons${needsQuiz ? " and a quiz" : ""}`);
  return { course, courseIds: catalog.items.map((c) => c.id) };
}

/**
 * A learner's player reports every 10 s of video: the segment just watched and the playhead. Each learner moves
 * through the course's videos in turn, so writes spread over many progress rows and some complete lessons.
 * `report(u, token)` is learner u's next report as an autocannon request.
 * With `speed`, the player plays at that rate in real time instead: a report covers what it played since the
 * learner's previous one (at most 10 s), so however often it reports, its segments join up as a real player's do.
 * Without it, every report claims 10 s more, which a load test sends many times a second per learner: far faster
 * than any player, so the credit window cuts each to a fraction and the row collects scattered segments.
 */
export function progressReports(learnerCount, videos, { speed } = {}) {
  const playhead = Array.from({ length: learnerCount }, () => ({ lesson: 0, at: 0, clock: performance.now() }));
  return (u, token) => {
    const state = playhead[u];
    const video = videos[(state.lesson + u) % videos.length];
    const from = state.at;
    const now = performance.now();
    const played = speed ? Math.min(10, (speed * (now - state.clock)) / 1000) : 10;
    state.clock = now;
    const to = Math.min(from + played, video.duration_seconds);
    state.at = to >= video.duration_seconds ? 0 : to;
    if (state.at === 0) state.lesson++;
    return {
      method: "PUT",
      path: `/api/v1/lessons/${video.id}/progress`,
      headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` },
      body: JSON.stringify({ position_seconds: to, segment: { from_seconds: from, to_seconds: to } }),
    };
  };
}

/** A guess for each question of a quiz (the answers need not be right: a submission is what is measured). */
export function quizGuesses(quiz) {
  return quiz.questions.map((q) => ({
    question_id: q.id,
    answer:
      q.type === "single_choice" ? 0 : q.type === "multiple_choice" ? [0] : q.type === "true_false" ? true : "a guess",
  }));
}
