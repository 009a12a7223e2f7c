import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, createTestContext, register, type Session, type TestContext, userWithRole } from "./helpers.js";

// Runs on the in-process queue by default and on BullMQ when REDIS_URL is set (as in CI): the same answers.
let ctx: TestContext;
let admin: Session;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  await ctx.reset();
  admin = await userWithRole(ctx, "ops-admin@example.com", "admin");
});

interface Overview {
  driver: string;
  counts: Record<"waiting" | "active" | "delayed" | "completed" | "failed", number>;
  failed: Array<{ id: string; name: string; error: string; attempts: number; failed_at: string | null }>;
}

describe("admin jobs", () => {
  it("are closed to guests (401) and students (403)", async () => {
    const student = await register(ctx.app, "learner@example.com");
    for (const [method, url] of [
      ["GET", "/api/v1/admin/jobs"],
      ["POST", "/api/v1/admin/jobs/some-id/retry"],
    ] as const) {
      expect((await call(ctx.app, { method, url })).status).toBe(401);
      const res = await call(ctx.app, { method, url, token: student.access_token });
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBe("FORBIDDEN");
    }
  });

  it("list a job that failed its last attempt, and run it again on request", async () => {
    let healthy = false;
    ctx.app.jobs.register("lesson.reindex", async () => {
      if (!healthy) throw new Error("embedding server unreachable");
    });
    const { id } = await ctx.app.jobs.enqueue("lesson.reindex", { lessonId: "l-1" }, { attempts: 2, backoffMs: 5 });
    await ctx.app.jobs.idle();

    const before = await call<Overview>(ctx.app, {
      method: "GET",
      url: "/api/v1/admin/jobs",
      token: admin.access_token,
    });
    expect(before.status).toBe(200);
    expect(before.body.data.driver).toBe(ctx.redis ? "bullmq" : "memory");
    expect(before.body.data.counts.failed).toBe(1);
    const [dead] = before.body.data.failed;
    expect(dead).toMatchObject({ id, name: "lesson.reindex", error: "embedding server unreachable", attempts: 2 });
    expect(Date.parse(dead?.failed_at ?? "")).not.toBeNaN();

    healthy = true;
    const retried = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/admin/jobs/${id}/retry`,
      token: admin.access_token,
    });
    expect(retried.status).toBe(200);
    expect(retried.body.data).toEqual({ id, retried: true });
    await ctx.app.jobs.idle();

    const after = await call<Overview>(ctx.app, {
      method: "GET",
      url: "/api/v1/admin/jobs",
      token: admin.access_token,
    });
    expect(after.body.data.counts.failed).toBe(0);
    expect(after.body.data.failed).toEqual([]);

    // Only dead letters can be retried: the job has completed now.
    const again = await call(ctx.app, {
      method: "POST",
      url: `/api/v1/admin/jobs/${id}/retry`,
      token: admin.access_token,
    });
    expect(again.status).toBe(404);
    expect(again.body.error?.code).toBe("NOT_FOUND");
  });

  it("answer 404 for an unknown job and 400 for a bad limit", async () => {
    const unknown = await call(ctx.app, {
      method: "POST",
      url: "/api/v1/admin/jobs/never-was/retry",
      token: admin.access_token,
    });
    expect(unknown.status).toBe(404);
    const bad = await call(ctx.app, { method: "GET", url: "/api/v1/admin/jobs?limit=0", token: admin.access_token });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe("VALIDATION_ERROR");
  });

  it("are documented in the OpenAPI document", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    const paths = (res.json() as { paths: Record<string, Record<string, unknown>> }).paths;
    expect(paths["/api/v1/admin/jobs"]?.get).toBeDefined();
    expect(paths["/api/v1/admin/jobs/{id}/retry"]?.post).toBeDefined();
  });
});
