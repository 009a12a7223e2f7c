import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { redactUrl } from "../src/logger.js";
import { createFileTransport } from "../src/modules/mail/mail-transport.js";
import { createTestContext, type TestContext } from "./helpers.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe("request logs", () => {
  it("redact the signature of signed media links like tokens", async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const app = await buildApp({
      config: { ...ctx.config, logLevel: "info" },
      database: ctx.database,
      mailTransport: createFileTransport(ctx.outboxDir),
      logStream: stream,
    });
    const sig = "Zm9yZ2VkLXNpZ25hdHVyZS10aGF0LW11c3Qtbm90LWJlLWxvZ2dlZA";
    await app.inject({ method: "GET", url: `/api/v1/media/${randomUUID()}?exp=4102444800&sig=${sig}` });
    await app.inject({ method: "GET", url: `/media/demo/python-loops.webm?sig=${sig}&exp=4102444800` });
    await app.close();
    const all = lines.join("\n");
    expect(all).toContain("exp=4102444800");
    expect(all).toContain("sig=[REDACTED]");
    expect(all).not.toContain(sig);
  });

  it("keep the rest of the query readable", () => {
    expect(redactUrl("/api/v1/media/a?exp=1&sig=abc&x=2")).toBe("/api/v1/media/a?exp=1&sig=[REDACTED]&x=2");
    expect(redactUrl("/api/v1/courses?signal=1")).toBe("/api/v1/courses?signal=1");
  });
});
