import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSentryReceiver } from "../../../test-support/sentry-receiver.js";
import { buildApp } from "../src/app.js";
import { createErrorReporter } from "../src/lib/error-reporting.js";
import { createMetrics } from "../src/lib/metrics.js";
import { prettyStream } from "../src/logger.js";
import { startMetricsServer } from "../src/metrics-server.js";
import { createFileTransport } from "../src/modules/mail/mail-transport.js";
import { call, createTestContext, register, type TestContext } from "./helpers.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ config: { metricsToken: "scrape-token-0123456789" } });
});
afterAll(async () => {
  await ctx?.close();
});

/** The value of one sample line of the exposition text, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) {
      return Number(line.slice(line.lastIndexOf(" ") + 1));
    }
  }
  return 0;
}

describe("metrics", () => {
  it("count requests by route template, method and status, never by raw URL", async () => {
    const before = await ctx.app.metrics.render();
    const id = "00000000-0000-4000-8000-000000000000";
    expect((await call(ctx.app, { method: "GET", url: "/api/v1/courses" })).status).toBe(200);
    expect((await call(ctx.app, { method: "GET", url: `/api/v1/courses/${id}` })).status).toBe(404);
    expect((await call(ctx.app, { method: "GET", url: "/api/v1/no-such-thing/abc" })).status).toBe(404);
    const text = await ctx.app.metrics.render();
    const count = "lumen_http_request_duration_seconds_count";
    const catalog = { method: "GET", route: "/api/v1/courses", status: "200" };
    expect(sample(text, count, catalog)).toBe(sample(before, count, catalog) + 1);
    expect(sample(text, count, { route: "/api/v1/courses/:id", status: "404" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, count, { route: "unmatched", status: "404" })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(id);
    expect(text).not.toContain("no-such-thing");
  });

  it("count business events, database queries, the outbox and process health", async () => {
    const before = await ctx.app.metrics.render();
    await register(ctx.app, "metrics-learner@example.com");
    await ctx.app.metrics.render();
    const text = await ctx.app.metrics.render();
    const reg = { event: "registration" };
    expect(sample(text, "lumen_business_events_total", reg)).toBe(
      sample(before, "lumen_business_events_total", reg) + 1,
    );
    expect(sample(text, "lumen_db_query_duration_seconds_count", { outcome: "ok" })).toBeGreaterThan(
      sample(before, "lumen_db_query_duration_seconds_count", { outcome: "ok" }),
    );
    // The verification mail sits in the outbox until the delivery pass runs.
    expect(text).toMatch(/lumen_mail_queue_depth\{state="pending"\} \d+/);
    expect(sample(text, "lumen_ready")).toBe(1);
    expect(text).toContain("lumen_process_cpu_user_seconds_total");
    expect(text).toContain("lumen_nodejs_eventloop_lag_p99_seconds");
  });

  it("count 429 refusals by route", async () => {
    const limited = await createTestContext({ config: { rateLimit: { max: 1, windowSeconds: 3600 } } });
    try {
      for (let i = 0; i < 3; i++) await limited.app.inject({ method: "GET", url: "/api/v1/courses/categories" });
      const text = await limited.app.metrics.render();
      expect(sample(text, "lumen_rate_limit_refusals_total", { route: "/api/v1/courses/categories" })).toBe(2);
    } finally {
      await limited.close();
    }
  });

  it("serve /metrics on the public port only to the bearer of METRICS_TOKEN", async () => {
    expect((await call(ctx.app, { method: "GET", url: "/metrics" })).status).toBe(401);
    const wrong = await call(ctx.app, {
      method: "GET",
      url: "/metrics",
      headers: { authorization: "Bearer scrape-token-0123456780" },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.code).toBe("UNAUTHORIZED");
    const res = await ctx.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: "Bearer scrape-token-0123456789" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain");
    expect(res.body).toContain("lumen_http_request_duration_seconds_bucket");
  });

  it("keep /metrics off the public port without a token, and serve it on its own port", async () => {
    const plain = await createTestContext();
    try {
      expect((await call(plain.app, { method: "GET", url: "/metrics" })).status).toBe(404);
      const server = await startMetricsServer(plain.app.metrics, { host: "127.0.0.1", port: 0 });
      try {
        const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
        expect(res.status).toBe(200);
        expect(await res.text()).toContain("lumen_process_resident_memory_bytes");
        expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
        // Without a readiness probe (the API serves its own on the public port) there is no health route here.
        expect((await fetch(`http://127.0.0.1:${server.port}/health/ready`)).status).toBe(404);
      } finally {
        await server.close();
      }
      // The worker's: its app's own readiness (database, migrations, draining), and a 503 when it cannot be asked.
      let failing = false;
      const probed = await startMetricsServer(plain.app.metrics, {
        host: "127.0.0.1",
        port: 0,
        ready: async () => {
          if (failing) throw new Error("the app is gone");
          const res = await plain.app.inject({ method: "GET", url: "/health/ready" });
          return { status: res.statusCode, body: res.body };
        },
      });
      try {
        const ok = await fetch(`http://127.0.0.1:${probed.port}/health/ready`);
        expect(ok.status).toBe(200);
        expect(ok.headers.get("cache-control")).toBe("no-store");
        expect(((await ok.json()) as { data: unknown }).data).toMatchObject({
          database: "ok",
          migrations: "applied",
          draining: false,
        });
        failing = true;
        const down = await fetch(`http://127.0.0.1:${probed.port}/health/ready`);
        expect(down.status).toBe(503);
        expect(down.headers.get("retry-after")).toBe("2");
        expect(((await down.json()) as { error: { code: string } }).error.code).toBe("SERVICE_UNAVAILABLE");
        expect((await fetch(`http://127.0.0.1:${probed.port}/metrics`)).status).toBe(200);
      } finally {
        await probed.close();
      }
    } finally {
      await plain.close();
    }
  });
});

describe("request logs", () => {
  it("write one JSON line per request with route, status, duration, request and user id, no secrets", async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const app = await buildApp({
      config: { ...ctx.config, logLevel: "info", metricsToken: undefined },
      database: ctx.database,
      mailTransport: createFileTransport(ctx.outboxDir),
      logStream: stream,
    });
    try {
      const session = await register(app, "log-line@example.com");
      lines.length = 0;
      await app.inject({
        method: "GET",
        url: "/api/v1/courses?token=hunter2-secret",
        headers: { authorization: `Bearer ${session.access_token}`, "x-request-id": "req-log-1" },
      });
      const logged = lines.map((l) => JSON.parse(l));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({
        msg: "request",
        reqId: "req-log-1",
        method: "GET",
        route: "/api/v1/courses",
        status: 200,
        user_id: session.user.id,
      });
      expect(typeof logged[0].ms).toBe("number");
      expect(lines.join("\n")).not.toContain("hunter2-secret");
    } finally {
      await app.close();
    }
  });

  it("read as one short line per request in development", async () => {
    let out = "";
    const sink = new Writable({
      write(chunk, _enc, cb) {
        out += chunk.toString();
        cb();
      },
    });
    const pretty = prettyStream(sink);
    pretty.write(
      `${JSON.stringify({ level: 30, time: Date.now(), reqId: "r1", msg: "request", method: "GET", url: "/api/v1/courses", route: "/api/v1/courses", status: 200, ms: 3.2 })}\n`,
    );
    pretty.write(`${JSON.stringify({ level: 30, time: Date.now(), msg: "Lumen API ready", url: "http://x" })}\n`);
    pretty.end();
    await new Promise((r) => sink.on("finish", r));
    const shown = out.trim().split("\n");
    expect(shown).toHaveLength(2);
    expect(shown[0]).toContain("GET /api/v1/courses → 200 in 3.2 ms");
    expect(shown[0]).not.toContain("{");
    expect(shown[1]).toContain("Lumen API ready");
  });
});

describe("error reporting", () => {
  it("sends an unhandled route error to Sentry with request id, route and user id, and no personal data", async () => {
    const receiver = await startSentryReceiver();
    const reporter = createErrorReporter({
      dsn: receiver.dsn,
      environment: "test",
      release: "lumen@test",
      tracesSampleRate: 0,
      component: "api",
    });
    const app = await buildApp({
      config: ctx.config,
      database: ctx.database,
      mailTransport: createFileTransport(ctx.outboxDir),
      logger: false,
      metrics: createMetrics(),
      errorReporter: reporter,
    });
    app.post("/api/v1/test-failure/:id", async () => {
      throw new Error("database exploded while saving");
    });
    try {
      // Built at run time: the event carries source lines around the throw, and they must not hide a leak.
      const email = `sentry-${randomUUID()}@example.com`;
      const session = await register(app, email);
      const res = await call(app, {
        method: "POST",
        url: "/api/v1/test-failure/42?token=query-secret-value",
        headers: {
          authorization: `Bearer ${session.access_token}`,
          cookie: "lumen_refresh=cookie-secret-value",
          "x-request-id": "req-sentry-1",
        },
        payload: { password: "body-secret-value", email },
      });
      expect(res.status).toBe(500);
      // A refusal the API expects (404) is not an error worth reporting.
      await call(app, { method: "GET", url: "/api/v1/courses/00000000-0000-4000-8000-000000000000" });
      await reporter.flush(5000);
      const event = (await receiver.waitFor("event")).payload as {
        exception?: { values?: Array<{ value?: string }> };
        tags?: Record<string, string>;
        user?: Record<string, unknown>;
        environment?: string;
        release?: string;
      };
      expect(event.exception?.values?.[0]?.value).toBe("database exploded while saving");
      expect(event.tags).toMatchObject({
        request_id: "req-sentry-1",
        route: "/api/v1/test-failure/:id",
        component: "api",
      });
      expect(event.user).toEqual({ id: session.user.id });
      expect(event.environment).toBe("test");
      expect(event.release).toBe("lumen@test");
      const raw = receiver.envelopes.map((e) => e.raw).join("\n");
      for (const secret of [
        email,
        "query-secret-value",
        "cookie-secret-value",
        "body-secret-value",
        session.access_token,
      ]) {
        expect(raw).not.toContain(secret);
      }
      expect(receiver.envelopes.flatMap((e) => e.items).filter((i) => i.header.type === "event")).toHaveLength(1);
    } finally {
      await app.close();
      await receiver.close();
    }
  });
});
