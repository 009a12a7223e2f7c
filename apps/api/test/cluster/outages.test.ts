import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Envelope, request, waitFor } from "./http.js";
import { type ApiInstance, cleanupAll, freePort, type Nginx, type RedisServer } from "./processes.js";
import { type Cluster, startCluster, stopCluster } from "./support.js";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.js";
import { addresses, type CourseWorld } from "./world.js";

/**
 * Issue 15 item 6: the cluster survives its services going away. Redis down → reads keep working, limits count
 * per instance, no 5xx; back → used again without a restart. PostgreSQL down (refused, or silent) → readiness
 * and requests answer 503 SERVICE_UNAVAILABLE with Retry-After within 2 s; back → recovers by itself. Redis is a
 * server of the test's own; PostgreSQL is reached through a TCP proxy the test cuts.
 */
const RATE_LIMIT = 40;
const WITHIN_MS = 2_000;

type Ready = { database: string; redis: string; draining: boolean };

describe("outages of Redis and PostgreSQL", () => {
  let redis: RedisServer;
  let proxy: TcpProxy;
  let a: ApiInstance;
  let b: ApiInstance;
  let nginx: Nginx;
  let world: CourseWorld;
  let db: Cluster["db"];
  const client = addresses(20);

  const cluster: Partial<Cluster> = {};

  beforeAll(async () => {
    ({ db, redis, a, b, nginx, world } = await startCluster(cluster, {
      from: client(),
      extra: { RATE_LIMIT_MAX: String(RATE_LIMIT) },
      // PostgreSQL is reached through a proxy the tests cut.
      databaseUrl: async (directUrl) => {
        const direct = new URL(directUrl);
        proxy = await startTcpProxy({
          port: await freePort(),
          target: { host: direct.hostname, port: Number(direct.port || 5432) },
        });
        const proxied = new URL(directUrl);
        proxied.hostname = "127.0.0.1";
        proxied.port = String(proxy.port);
        return proxied.toString();
      },
    }));
  }, 180_000);

  afterAll(async () => {
    await cleanupAll();
    await proxy?.close();
    await stopCluster(cluster);
  });

  const ready = (instance: ApiInstance) => request<Envelope<Ready>>(`${instance.url}/health/ready`);
  const readyDetails = (res: { body: Envelope<Ready> }) =>
    res.body.success ? res.body.data : (res.body.error?.details as Ready);

  /** The reads a learner makes, anonymous and signed in, including the tutor (whose answer cache is in Redis). */
  async function learnerReads(base: string) {
    const token = world.learner.access_token;
    const from = client();
    const results = await Promise.all([
      request(`${base}/api/v1/courses`, { from }),
      request(`${base}/api/v1/courses/${world.courseId}`, { from }),
      request(`${base}/api/v1/courses/categories`, { from }),
      request(`${base}/api/v1/auth/me`, { token, from }),
      request(`${base}/api/v1/courses/${world.courseId}`, { token, from }),
      request(`${base}/api/v1/ai/chat`, {
        body: { message: "What are comets made of?", lesson_id: world.lessonId },
        token,
        from,
      }),
    ]);
    return results.map((r) => r.status);
  }

  it("keeps serving reads with per-instance limits while Redis is down, and uses Redis again once it is back", async () => {
    await redis.stop();
    for (const instance of [a, b]) {
      await waitFor(
        `${instance.name} to see Redis down`,
        async () => {
          const res = await ready(instance);
          return readyDetails(res)?.redis === "down";
        },
        10_000,
      );
      // Degraded, still ready: the load balancer keeps it.
      expect((await ready(instance)).status).toBe(200);
    }
    for (const base of [nginx.url, a.url, b.url])
      expect(await learnerReads(base)).toEqual([200, 200, 200, 200, 200, 200]);

    // Player reports have no buffer to go to: each is written to PostgreSQL before it is answered.
    const [video] = await db.query<{ id: string }>(
      `insert into lessons (course_id, module_id, kind, title, duration_seconds, position)
       select course_id, module_id, 'video', 'Comets on film', 100, position + 1 from lessons where id = $1
       returning id`,
      [world.lessonId],
    );
    const report = (base: string, from: number, to: number) =>
      request<Envelope<{ video_progress: { watch_percentage: number } }>>(
        `${base}/api/v1/lessons/${video?.id}/progress`,
        {
          method: "PUT",
          body: { position_seconds: to, segment: { from_seconds: from, to_seconds: to } },
          token: world.learner.access_token,
          from: client(),
        },
      );
    const lessonCall = (method: string, suffix: string) =>
      request<Envelope<{ video_progress: { watch_percentage: number } }>>(
        `${b.url}/api/v1/lessons/${video?.id}/${suffix}`,
        { method, token: world.learner.access_token, from: client() },
      );
    expect((await lessonCall("POST", "start")).status).toBe(200);
    const onA = await report(a.url, 0, 4);
    expect(onA.status).toBe(200);
    expect(onA.body.data.video_progress.watch_percentage).toBe(4);
    const read = await lessonCall("GET", "progress");
    expect(read.status).toBe(200);
    expect(read.body.data.video_progress.watch_percentage).toBe(4);
    const stored = await db.query<{ watched_segments: unknown }>(
      "select watched_segments from progress where user_id = $1 and lesson_id = $2",
      [world.learner.user.id, video?.id],
    );
    expect(stored.map((r) => r.watched_segments)).toEqual([[[0, 4]]]);

    // Limits fall back to each instance's memory: still a limit, counted per instance.
    const from = client();
    for (let i = 0; i < RATE_LIMIT; i++) expect((await request(`${a.url}/api/v1/courses`, { from })).status).toBe(200);
    expect((await request(`${a.url}/api/v1/courses`, { from })).status).toBe(429);
    expect((await request(`${b.url}/api/v1/courses`, { from })).status).toBe(200);

    await redis.start();
    for (const instance of [a, b]) {
      await waitFor(
        `${instance.name} to reconnect to Redis`,
        async () => readyDetails(await ready(instance))?.redis === "ok",
        15_000,
      );
    }
    // Counted in Redis again: the window is shared, and its key is there.
    const again = client();
    expect((await request(`${a.url}/api/v1/courses`, { from: again })).headers["x-ratelimit-remaining"]).toBe(
      String(RATE_LIMIT - 1),
    );
    expect((await request(`${b.url}/api/v1/courses`, { from: again })).headers["x-ratelimit-remaining"]).toBe(
      String(RATE_LIMIT - 2),
    );
    const key = execFileSync("redis-cli", ["-p", String(redis.port), "exists", `lumen:rl:ip:${again}`], {
      encoding: "utf8",
    });
    expect(key.trim()).toBe("1");
  });

  async function expectUnavailable(base: string, path: string, token?: string) {
    const res = await request<Envelope<never>>(`${base}${path}`, { from: client(), ...(token ? { token } : {}) });
    expect(res.status, `${base}${path}`).toBe(503);
    expect(res.body.error?.code).toBe("SERVICE_UNAVAILABLE");
    expect(res.headers["retry-after"]).toBeDefined();
    expect(res.ms, `${base}${path} took ${Math.round(res.ms)} ms`).toBeLessThan(WITHIN_MS);
  }

  async function expectRecovery() {
    for (const instance of [a, b]) {
      await waitFor(`${instance.name} to be ready again`, async () => (await ready(instance)).status === 200, 20_000);
      expect((await request(`${instance.url}/api/v1/courses/${world.courseId}`, { from: client() })).status).toBe(200);
    }
    // nginx takes instances that answered 503 out for its fail_timeout, then tries them again.
    await waitFor(
      "nginx to serve again",
      async () => (await request(`${nginx.url}/api/v1/courses/${world.courseId}`, { from: client() })).status === 200,
      20_000,
    );
    expect(await learnerReads(nginx.url)).toEqual([200, 200, 200, 200, 200, 200]);
  }

  for (const cut of ["refuse", "blackhole"] as const) {
    it(`answers 503 within 2 s while PostgreSQL is ${cut === "refuse" ? "down" : "silent"}, and recovers by itself`, async () => {
      await proxy[cut]();
      for (const instance of [a, b]) {
        const res = await ready(instance);
        expect(res.status).toBe(503);
        expect(readyDetails(res)?.database).toBe("down");
        expect(res.headers["retry-after"]).toBeDefined();
        expect(res.ms).toBeLessThan(WITHIN_MS);
        // Requests that must reach the database (public reads may come from a cache and still succeed).
        await expectUnavailable(instance.url, "/api/v1/auth/me", world.learner.access_token);
        await expectUnavailable(instance.url, "/api/v1/ai/usage/me", world.learner.access_token);
      }
      await expectUnavailable(nginx.url, "/api/v1/auth/me", world.learner.access_token);
      if (cut === "refuse") {
        // Every instance answering 503 soon takes them all out of nginx's pool; nginx then answers for them, with
        // the same envelope (no x-request-id: no instance saw the request).
        const answers = [];
        for (let i = 0; i < 6; i++) {
          const res = await request<Envelope<never>>(`${nginx.url}/api/v1/auth/me`, {
            token: world.learner.access_token,
            from: client(),
          });
          answers.push({ status: res.status, code: res.body.error?.code, retryAfter: res.headers["retry-after"] });
          if (i === 5) expect(res.headers["x-request-id"]).toBeUndefined();
        }
        expect(answers).toEqual(Array(6).fill({ status: 503, code: "SERVICE_UNAVAILABLE", retryAfter: "2" }));
      }
      await proxy.open();
      await expectRecovery();
    });
  }
});
