import { ERROR_CODES } from "@lumen/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTE_ERRORS } from "../src/plugins/openapi.js";
import { createTestContext, type TestContext } from "./helpers.js";

type Response = { description: string; content?: Record<string, { schema: Record<string, unknown> }> };
type Operation = { operationId?: string; responses: Record<string, Response> };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

const ERROR_REF = { $ref: "#/components/schemas/ErrorEnvelope" };

let ctx: TestContext;
let doc: Document;
let operations: Array<{ method: string; path: string; op: Operation }>;

beforeAll(async () => {
  ctx = await createTestContext();
  const res = await ctx.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
  expect(res.statusCode).toBe(200);
  doc = res.json();
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method, path, op })),
  );
});
afterAll(async () => ctx?.close());

const op = (method: string, path: string) => {
  const found = doc.paths[path]?.[method];
  if (!found) throw new Error(`${method} ${path} is not documented`);
  return found;
};
const statuses = (o: Operation) => Object.keys(o.responses).map(Number);

describe("the OpenAPI document", () => {
  it("gives every operation an operationId, unique across the document", () => {
    expect(operations.length).toBeGreaterThan(50);
    const ids = operations.map((o) => o.op.operationId);
    for (const { method, path, op: o } of operations) {
      expect(o.operationId, `${method} ${path}`).toMatch(/^[a-z]+[A-Z][A-Za-z0-9]*$/);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(op("get", "/api/v1/courses/{id}").operationId).toBe("getCoursesById");
    expect(op("post", "/api/v1/courses/{id}/enroll").operationId).toBe("postCoursesByIdEnroll");
  });

  it("documents error responses on every operation as the one ErrorEnvelope component", () => {
    for (const { method, path, op: o } of operations) {
      const errors = statuses(o).filter((s) => s >= 400);
      expect(errors, `${method} ${path}`).toContain(500);
      for (const status of errors) {
        expect(o.responses[status]?.content?.["application/json"]?.schema, `${method} ${path} ${status}`).toEqual(
          ERROR_REF,
        );
      }
    }
    const envelope = doc.components.schemas.ErrorEnvelope;
    expect(Object.keys(envelope?.properties ?? {})).toEqual(["success", "error", "timestamp"]);
    expect(JSON.stringify(envelope)).toContain(JSON.stringify(ERROR_CODES));
  });

  it("derives the statuses from the route: guard, parameters, inputs", () => {
    // Public, with a query: validation, a bad token, the rate limit; nothing to be refused or missing.
    const catalog = statuses(op("get", "/api/v1/courses"));
    expect(catalog).toEqual(expect.arrayContaining([200, 400, 401, 429, 500, 503]));
    expect(catalog).not.toContain(403);
    expect(catalog).not.toContain(404);
    // A role guard: 403; no path parameter: no 404.
    const mine = statuses(op("get", "/api/v1/courses/mine"));
    expect(mine).toEqual(expect.arrayContaining([401, 403]));
    expect(mine).not.toContain(404);
    // A guarded route on someone's resource: 403 and 404, plus its service's conflicts.
    expect(statuses(op("put", "/api/v1/courses/{id}"))).toEqual(
      expect.arrayContaining([400, 401, 403, 404, 409, 429, 500]),
    );
    expect(statuses(op("post", "/api/v1/courses/{id}/enroll"))).toEqual(expect.arrayContaining([402, 404, 409]));
    // Health is exempt from the rate limit and answers before the readiness gate.
    const live = statuses(op("get", "/health"));
    expect(live).not.toContain(429);
    expect(live).not.toContain(503);
    expect(op("get", "/api/v1/courses/{id}").responses["404"]?.description).toContain("NOT_FOUND");
  });

  it("names only real routes in its table of service refusals", () => {
    for (const [key, extra] of Object.entries(ROUTE_ERRORS)) {
      const [method = "", url = ""] = key.split(" ");
      const o = op(method.toLowerCase(), url.replace(/:(\w+)/g, "{$1}"));
      expect(statuses(o), key).toEqual(expect.arrayContaining([...extra]));
    }
  });

  it("names the shared shapes as components and references them", () => {
    for (const name of ["ErrorEnvelope", "CourseDetail", "CourseSummaryPage", "Lesson", "Module", "User"]) {
      expect(doc.components.schemas, name).toHaveProperty([name]);
    }
    const data = (o: Operation) =>
      (o.responses["200"] ?? o.responses["201"])?.content?.["application/json"]?.schema.properties as
        | Record<string, unknown>
        | undefined;
    expect(data(op("get", "/api/v1/courses/{id}"))?.data).toEqual({ $ref: "#/components/schemas/CourseDetail" });
    expect(data(op("get", "/api/v1/courses"))?.data).toEqual({ $ref: "#/components/schemas/CourseSummaryPage" });
    expect(data(op("get", "/api/v1/lessons/{id}"))?.data).toEqual({ $ref: "#/components/schemas/Lesson" });
    // Every reference resolves.
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[A-Za-z0-9]+/g) ?? [];
    for (const ref of new Set(refs)) expect(doc.components.schemas, ref).toHaveProperty([ref.split("/").pop() ?? ""]);
  });
});
