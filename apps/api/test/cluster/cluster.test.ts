import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnthropicStub, STUB_ANSWER, startAnthropicStub } from "./anthropic-stub.js";
import { type Envelope, openEventStream, request, type SseEvent, waitFor } from "./http.js";
import { type ApiInstance, cleanupAll, freePort, type Nginx, type TestDatabase } from "./processes.js";
import { type Cluster, startCluster, stopCluster } from "./support.js";
import { addresses, type CourseWorld, signUp } from "./world.js";

/**
 * Issue 15 item 4: two compiled API instances sharing PostgreSQL and Redis behind nginx (deploy/nginx). Limits
 * and budgets are one across the instances, an edit on one is read on the other, the tutor streams through
 * nginx, and a rolling restart under load fails no request.
 */
const RATE_LIMIT = 30;
const AI_DAILY_LIMIT = 3;

describe("two API instances behind nginx", () => {
  let db: TestDatabase;
  let stub: AnthropicStub;
  let a: ApiInstance;
  let b: ApiInstance;
  let nginx: Nginx;
  let world: CourseWorld;
  const client = addresses(10);

  const cluster: Partial<Cluster> = {};

  beforeAll(async () => {
    stub = await startAnthropicStub(await freePort());
    ({ db, a, b, nginx, world } = await startCluster(cluster, {
      from: client(),
      extra: {
        RATE_LIMIT_MAX: String(RATE_LIMIT),
        ANTHROPIC_API_KEY: "sk-ant-cluster-test",
        ANTHROPIC_BASE_URL: stub.baseUrl,
        AI_USER_DAILY_LIMIT: String(AI_DAILY_LIMIT),
      },
    }));
  }, 180_000);

  afterAll(async () => {
    await cleanupAll();
    await stub?.close();
    await stopCluster(cluster);
  });

  it("counts one rate-limit window per client across both instances and nginx", async () => {
    const from = client();
    const targets = [a.url, b.url, nginx.url];
    for (let i = 0; i < RATE_LIMIT; i++) {
      const res = await request(`${targets[i % 3]}/api/v1/courses`, { from });
      expect(res.status).toBe(200);
      expect(res.headers["x-ratelimit-remaining"]).toBe(String(RATE_LIMIT - i - 1));
    }
    for (const target of targets) {
      const res = await request<Envelope<never>>(`${target}/api/v1/courses`, { from });
      expect(res.status).toBe(429);
      expect(res.body.error?.code).toBe("RATE_LIMITED");
      expect(res.headers["retry-after"]).toBeDefined();
    }
    // Another client, through nginx: its own window (nginx's X-Forwarded-For is believed, nobody else's).
    expect((await request(`${nginx.url}/api/v1/courses`, { from: client() })).status).toBe(200);
  });

  it("spends one tutor budget per learner whichever instance answers", async () => {
    const learner = await signUp(nginx.url, db, "budget@cluster.test", { from: client() });
    await db.query("insert into enrollments (user_id, course_id, status) values ($1, $2, 'active')", [
      learner.user.id,
      world.courseId,
    ]);
    const ask = (target: ApiInstance, message: string) =>
      request<Envelope<{ grounded: boolean }>>(`${target.url}/api/v1/ai/chat`, {
        body: { message, lesson_id: world.lessonId },
        token: learner.access_token,
        from: client(),
      });
    const questions = ["What are comets made of?", "Why do comets have tails?", "What happens to comet ice?"];
    for (const [i, question] of questions.entries()) {
      const res = await ask(i % 2 === 0 ? a : b, question);
      expect(res.status).toBe(200);
      expect(res.body.data.grounded).toBe(true);
    }
    for (const target of [a, b]) {
      const over = await ask(target, "What is a comet's tail made of?");
      expect(over.status).toBe(429);
      expect((over.body as Envelope<never>).error?.code).toBe("AI_LIMIT_EXCEEDED");
    }
    const usage = await request<Envelope<{ used: number }>>(`${b.url}/api/v1/ai/usage/me`, {
      token: learner.access_token,
      from: client(),
    });
    expect(usage.body.data.used).toBe(AI_DAILY_LIMIT);
  });

  it("streams the tutor's answer through nginx as it is written", async () => {
    const held = stub.hold();
    const stream = await openEventStream(`${nginx.url}/api/v1/ai/chat`, {
      method: "POST",
      body: { message: "What are comets made of?", lesson_id: world.lessonId },
      token: world.learner.access_token,
      from: client(),
    });
    expect(stream.status).toBe(200);
    expect(stream.headers["content-type"]).toContain("text/event-stream");
    // The model is still holding the rest of its answer: this token crossed nginx before the answer ended.
    await held.started;
    const first = await stream.next();
    expect(first?.event).toBe("token");
    held.release();
    const events: SseEvent[] = first ? [first] : [];
    for (let e = await stream.next(); e; e = await stream.next()) events.push(e);
    expect(events.at(-1)?.event).toBe("done");
    const tokens = events.filter((e) => e.event === "token").map((e) => (e.data as { text: string }).text);
    expect(tokens.join("")).toBe(STUB_ANSWER);
  });

  it("shows an edit made on one instance on the other within a second", async () => {
    const detail = (target: ApiInstance) =>
      request<Envelope<{ title: string }>>(`${target.url}/api/v1/courses/${world.courseId}`, { from: client() });
    // Read on B first, so a cache (if any) holds the old title.
    expect((await detail(b)).body.data.title).toBe("Comets for Everyone");
    const title = "Comets for Everyone, edited on A";
    const edit = await request(`${a.url}/api/v1/courses/${world.courseId}`, {
      method: "PUT",
      body: { title },
      token: world.creator.access_token,
      from: client(),
    });
    expect(edit.status).toBe(200);
    await waitFor(
      "instance B to serve the edited title",
      async () => (await detail(b)).body.data.title === title,
      1_000,
    );
  });

  it("shows an enrollment and a sign-out made on one instance to the other's viewer cache within a second", async () => {
    const reader = await signUp(a.url, db, "viewer-cache@cluster.test", { from: client() });
    const detail = (target: ApiInstance) =>
      request<Envelope<{ enrollment: { status: string } | null }>>(`${target.url}/api/v1/courses/${world.courseId}`, {
        token: reader.access_token,
        from: client(),
      });
    // Read on B twice, so its viewer cache holds "not enrolled" for this session.
    expect((await detail(b)).body.data.enrollment).toBeNull();
    expect((await detail(b)).body.data.enrollment).toBeNull();
    const enroll = await request(`${a.url}/api/v1/courses/${world.courseId}/enroll`, {
      method: "POST",
      token: reader.access_token,
      from: client(),
    });
    expect(enroll.status).toBe(201);
    await waitFor(
      "instance B to show the enrollment",
      async () => (await detail(b)).body.data.enrollment?.status === "active",
      1_000,
    );
    const out = await request(`${a.url}/api/v1/auth/logout`, {
      method: "POST",
      token: reader.access_token,
      from: client(),
    });
    expect(out.status).toBeLessThan(300);
    await waitFor("instance B to refuse the ended session", async () => (await detail(b)).status === 401, 1_000);
  });

  it("applies a learner's progress reports on either instance to one buffered row, written within 2 s", async () => {
    const [video] = await db.query<{ id: string }>(
      `insert into lessons (course_id, module_id, kind, title, duration_seconds, position)
       select course_id, module_id, 'video', 'Comets on film', 100, position + 1 from lessons where id = $1
       returning id`,
      [world.lessonId],
    );
    const viewer = await signUp(a.url, db, "progress@cluster.test", { from: client() });
    await db.query("insert into enrollments (user_id, course_id, status) values ($1, $2, 'active')", [
      viewer.user.id,
      world.courseId,
    ]);
    const report = (target: ApiInstance, body: object) =>
      request<Envelope<{ video_progress: { watch_percentage: number; position_seconds: number } }>>(
        `${target.url}/api/v1/lessons/${video?.id}/progress`,
        { method: "PUT", body, token: viewer.access_token, from: client() },
      );
    const first = await report(a, { position_seconds: 4, segment: { from_seconds: 0, to_seconds: 4 } });
    expect(first.status).toBe(200);
    expect(first.body.data.video_progress.watch_percentage).toBe(4);
    // B answers from the same buffered row (Redis): what A acknowledged is there, before any flush.
    const second = await report(b, { position_seconds: 30 });
    expect(second.status).toBe(200);
    expect(second.body.data.video_progress).toMatchObject({ watch_percentage: 4, position_seconds: 30 });
    await waitFor(
      "the buffered reports to reach PostgreSQL",
      async () => {
        const rows = await db.query<{ position_seconds: number; watched_segments: unknown }>(
          "select position_seconds, watched_segments from progress where user_id = $1",
          [viewer.user.id],
        );
        return (
          rows.length === 1 &&
          Number(rows[0]?.position_seconds) === 30 &&
          JSON.stringify(rows[0]?.watched_segments) === "[[0,4]]"
        );
      },
      2_000,
    );
  });

  it("restarts both instances one at a time under load without a failed request", async () => {
    const urls = ["/api/v1/courses", `/api/v1/courses/${world.courseId}`, "/api/v1/courses/categories", "/health"];
    const results: Array<{ status: number; upstream: string; error?: string }> = [];
    let stopping = false;
    const worker = async () => {
      let from = client();
      for (let n = 0; !stopping; n++) {
        // A new client address every 20 requests keeps each under the per-client limit.
        if (n % 20 === 19) from = client();
        const url = urls[results.length % urls.length] as string;
        try {
          const res = await request(`${nginx.url}${url}`, { from, timeoutMs: 20_000 });
          results.push({ status: res.status, upstream: String(res.headers["x-lumen-upstream"] ?? "") });
        } catch (err) {
          results.push({ status: 0, upstream: "", error: String(err) });
        }
      }
    };
    const workers = Array.from({ length: 3 }, worker);
    const servedBy = (instance: ApiInstance, since: number) =>
      results
        .slice(since)
        .some((r) => r.status === 200 && r.upstream.split(", ").at(-1) === `127.0.0.1:${instance.port}`);

    try {
      await waitFor("both instances to serve the load", async () => servedBy(a, 0) && servedBy(b, 0), 20_000);
      for (const instance of [a, b]) {
        const exited = instance.terminate();
        // Readiness flips first, while the instance still serves requests (the drain window).
        await waitFor(
          `${instance.name} to report draining`,
          async () => {
            const ready = await request<Envelope<never>>(`${instance.url}/health/ready`).catch(() => null);
            return ready?.status === 503 && (ready.body.error?.details as { draining?: boolean })?.draining === true;
          },
          10_000,
        );
        expect((await request(`${instance.url}/api/v1/courses`, { from: client() })).status).toBe(200);
        expect(await exited, instance.output()).toBe(0);
        const restartedAt = results.length;
        await instance.start();
        // nginx takes a failed instance out for fail_timeout: the next one stops only once this one is back.
        await waitFor(
          `nginx to send load to ${instance.name} again`,
          async () => servedBy(instance, restartedAt),
          30_000,
        );
      }
    } finally {
      stopping = true;
      await Promise.all(workers);
    }
    const failed = results.filter((r) => r.status !== 200);
    const retried = results.filter((r) => r.upstream.includes(",")).length;
    console.info(`rolling restart: ${results.length} requests, ${failed.length} failed, ${retried} retried by nginx`);
    expect(failed).toEqual([]);
    expect(results.length).toBeGreaterThan(50);
  });
});
