import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// Written by `npm run openapi:types -w @lumen/api` (gitignored). Type-only: Vitest runs this file without it, and
// `tsc -p tsconfig.client.json` (CI step "generated client") checks the calls below against it.
import type { components, operations, paths } from "../generated/openapi.js";
import { createTestContext, type TestContext } from "./helpers.js";

// A minimal client typed only by the generated `paths`: what any openapi-typescript consumer gets from the document.
type JsonOf<R> = R extends { content: { "application/json": infer B } } ? B : never;
type GetPath = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths];
type GetOp<P extends GetPath> = paths[P]["get"];
type PathParams<O> = O extends { parameters: { path: infer T } } ? T : never;
type Query<O> = O extends { parameters: { query?: infer T } } ? T : never;
type Answer<O> = O extends { responses: infer R }
  ? { [S in keyof R]: { status: S; body: JsonOf<R[S]> } }[keyof R]
  : never;

let ctx: TestContext;

async function get<P extends GetPath>(
  path: P,
  input: { params?: PathParams<GetOp<P>>; query?: Query<GetOp<P>> },
): Promise<Answer<GetOp<P>>> {
  const params = (input.params ?? {}) as Record<string, string>;
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  const query = Object.entries((input.query ?? {}) as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join("&");
  const res: LightMyRequestResponse = await ctx.app.inject({ method: "GET", url: query ? `${url}?${query}` : url });
  return { status: res.statusCode, body: res.json() } as Answer<GetOp<P>>;
}

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe("a client generated from the OpenAPI document", () => {
  it("types a successful call by the route's named component", async () => {
    const answer = await get("/api/v1/courses", { query: { limit: 5 } });
    expect(answer.status).toBe(200);
    if (answer.status !== 200) return;
    const page: components["schemas"]["CourseSummaryPage"] = answer.body.data;
    expect(page.items).toEqual([]);
    expect(page.next_cursor).toBeNull();
    // @ts-expect-error the page has no such field: the generated types are exact, not `any`
    expect(answer.body.data.total).toBeUndefined();
  });

  it("types an error answer as the ErrorEnvelope with the registry's codes", async () => {
    type GetCourse = operations["getCoursesById"];
    const answer = await get("/api/v1/courses/{id}", { params: { id: "00000000-0000-4000-8000-000000000000" } });
    expect(answer.status).toBe(404);
    if (answer.status !== 404) return;
    const body: JsonOf<GetCourse["responses"][404]> = answer.body;
    const code: components["schemas"]["ErrorEnvelope"]["error"]["code"] = body.error.code;
    expect(code).toBe("NOT_FOUND");
    expect(body.success).toBe(false);
    // @ts-expect-error a path parameter the route doesn't have is refused at compile time
    await expect(get("/api/v1/courses/{id}", { params: { slug: "x" } })).resolves.toBeDefined();
  });
});
