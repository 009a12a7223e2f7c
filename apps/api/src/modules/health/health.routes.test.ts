import Fastify from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { describe, expect, it } from "vitest";
import { registerErrorHandling } from "../../plugins/error-handler.js";
import { healthRoutes, type ReadinessProbe } from "./health.routes.js";

async function appWith(probe: Partial<ReadinessProbe>) {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  healthRoutes(app, {
    probe: {
      migrated: () => true,
      draining: () => false,
      database: async () => true,
      redis: async () => true,
      ...probe,
    },
  });
  await app.ready();
  return app;
}

describe("readiness", () => {
  it("is ready when the database answers, migrations are applied and the instance is not draining", async () => {
    const res = await (await appWith({})).inject({ method: "GET", url: "/health/ready" });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual({ database: "ok", migrations: "applied", redis: "ok", draining: false });
  });

  it("answers 503 with Retry-After once shutdown has begun, whatever else is healthy", async () => {
    const res = await (await appWith({ draining: () => true })).inject({ method: "GET", url: "/health/ready" });
    expect(res.statusCode).toBe(503);
    expect(res.headers["retry-after"]).toBe("2");
    expect(res.json().error).toMatchObject({ code: "SERVICE_UNAVAILABLE", details: { draining: true } });
  });

  it("answers 503 when the database is down", async () => {
    const res = await (await appWith({ database: async () => false })).inject({ method: "GET", url: "/health/ready" });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.details).toMatchObject({ database: "down" });
  });

  it("stays ready with Redis down, reporting it: every Redis user falls back", async () => {
    const res = await (await appWith({ redis: async () => false })).inject({ method: "GET", url: "/health/ready" });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ redis: "down" });
  });
});
