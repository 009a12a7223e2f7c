import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { call, createTestContext, markVerified, register, type TestContext, userWithRole } from "./helpers.js";
import { buildCourse, enroll } from "./learning-fixtures.js";

/**
 * Wiring: writes that change a course's public view reach the web app's /api/revalidate (a local stand-in here)
 * with that course's tag and the catalog's, signed; a web app that is down never fails the write.
 */
const SECRET = "v".repeat(40);
const servers: Server[] = [];
const contexts: TestContext[] = [];

afterEach(async () => {
  for (const ctx of contexts.splice(0)) await ctx.close();
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function webApp() {
  const calls: Array<{ tags: string[]; signature: string; body: string }> = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      calls.push({ tags: JSON.parse(body).tags, signature: String(req.headers["x-lumen-signature"]), body });
      res.setHeader("content-type", "application/json");
      res.end('{"success":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/revalidate`, calls };
}

async function appTelling(url: string) {
  const ctx = await createTestContext({ config: { webRevalidation: { urls: [url], secret: SECRET } } });
  contexts.push(ctx);
  return ctx;
}

describe("the web app's cached pages", () => {
  it("are revalidated after a course is published, edited and enrolled in", async () => {
    const web = await webApp();
    const ctx = await appTelling(web.url);
    const creator = await userWithRole(ctx, "creator@example.com", "creator");
    const learner = await register(ctx.app, "learner@example.com");
    await markVerified(ctx, learner);
    const course = await buildCourse(ctx, creator);
    const edit = await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${course.courseId}`,
      token: creator.access_token,
      payload: { title: "Cell Biology, Revised" },
    });
    expect(edit.status).toBe(200);
    await enroll(ctx, learner, course.courseId);

    // Closing the app sends what the coalescing window still holds and waits for it.
    contexts.splice(0);
    await ctx.close();
    const tags = new Set(web.calls.flatMap((c) => c.tags));
    expect(tags).toEqual(new Set([`course:${course.courseId}`, "catalog"]));
    for (const c of web.calls) {
      const [, time, hmac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(c.signature) ?? [];
      expect(hmac).toBe(createHmac("sha256", SECRET).update(`${time}.${c.body}`).digest("hex"));
    }
  });

  it("being unreachable never fails or holds up a write", async () => {
    const ctx = await appTelling("http://127.0.0.1:1/api/revalidate");
    const creator = await userWithRole(ctx, "creator@example.com", "creator");
    const course = await buildCourse(ctx, creator);
    const edit = await call(ctx.app, {
      method: "PUT",
      url: `/api/v1/courses/${course.courseId}`,
      token: creator.access_token,
      payload: { title: "Still saved" },
    });
    expect(edit.status).toBe(200);
    contexts.splice(0);
    await ctx.close();
  });
});
