import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, createApiClient } from "./api-client";
import { CATALOG_TAG, courseTag, PUBLIC_REVALIDATE_SECONDS, publicRead, readForCachedPage } from "./public-cache";

const GATEWAY_HOOK = Symbol.for("lumen.gateway");
const hooks = globalThis as Record<symbol, unknown>;

afterEach(() => {
  vi.unstubAllEnvs();
  delete hooks[GATEWAY_HOOK];
});

describe("a cached public read", () => {
  it("is tagged like the API's cache versions and revalidated on the safety-net timer", () => {
    expect(publicRead([CATALOG_TAG, courseTag("c-1")])).toEqual({
      next: { tags: ["catalog", "course:c-1"], revalidate: PUBLIC_REVALIDATE_SECONDS },
      visitor: false,
    });
  });

  it("is baked by the build for one second only", () => {
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    expect(publicRead([CATALOG_TAG]).next?.revalidate).toBe(1);
  });

  it("never carries the visitor's gateway headers, which would split the cache by client address", async () => {
    hooks[GATEWAY_HOOK] = { headers: () => ({ "x-lumen-client-ip": "203.0.113.9" }) };
    const seen: Headers[] = [];
    const client = createApiClient({
      baseUrl: "http://api.test",
      fetch: async (_url, init) => {
        seen.push(new Headers(init?.headers));
        return Response.json({ success: true, data: {}, message: "", timestamp: "" });
      },
    });
    const { z } = await import("zod");
    await client.request("/courses", z.object({}), publicRead([CATALOG_TAG]));
    await client.request("/courses", z.object({}));
    expect(seen[0]?.get("x-lumen-client-ip")).toBeNull();
    expect(seen[1]?.get("x-lumen-client-ip")).toBe("203.0.113.9");
  });
});

describe("reading for a cached page", () => {
  const unreachable = () => Promise.reject(new ApiError("NETWORK_ERROR", "The API could not be reached.", 0));

  it("throws at run time, so Next keeps the last good page instead of caching a broken one", async () => {
    await expect(readForCachedPage(unreachable, "the catalog")).rejects.toMatchObject({ code: "NETWORK_ERROR" });
  });

  it("gives null during the build, when the API is not running", async () => {
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await expect(readForCachedPage(unreachable, "the catalog")).resolves.toBeNull();
  });

  it("passes the data through", async () => {
    await expect(readForCachedPage(async () => [1, 2], "x")).resolves.toEqual([1, 2]);
  });
});
