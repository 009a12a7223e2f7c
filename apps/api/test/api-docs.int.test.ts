import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../src/env.js";
import { createTestContext, type TestContext } from "./helpers.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ config: { apiDocs: false } });
});
afterAll(async () => ctx?.close());

describe("API_DOCS=false", () => {
  it("is read from the environment, on by default", () => {
    expect(parseEnv({}).API_DOCS).toBe(true);
    expect(parseEnv({ API_DOCS: "false" }).API_DOCS).toBe(false);
  });

  it("switches off Swagger UI and the OpenAPI document: 404 in the envelope", async () => {
    for (const url of ["/docs", "/docs/", "/docs/json", "/api/v1/openapi.json"]) {
      const r = await ctx.app.inject({ method: "GET", url });
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error.code, url).toBe("NOT_FOUND");
    }
  });

  it("leaves the API itself working", async () => {
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/courses" })).statusCode).toBe(200);
  });
});
