import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, apiMediaUrl, createApiClient } from "./api-client";

const itemSchema = z.object({ id: z.string() });

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

function clientAnswering(answer: () => Promise<Response>) {
  const fetchStub = vi.fn<typeof fetch>(answer);
  return { client: createApiClient({ baseUrl: "http://api.test/", fetch: fetchStub }), fetchStub };
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("api client", () => {
  it("calls /api/v1 with the query and returns the parsed data of the envelope", async () => {
    const { client, fetchStub } = clientAnswering(async () =>
      jsonResponse({ success: true, data: { id: "a", extra: 1 }, message: "ok", timestamp: "t" }),
    );
    await expect(client.request("/courses", itemSchema, { query: { limit: 3, q: undefined } })).resolves.toEqual({
      id: "a",
    });
    expect(fetchStub.mock.calls[0]?.[0]).toBe("http://api.test/api/v1/courses?limit=3");
  });

  it("turns an error envelope into an ApiError with its code, status and details", async () => {
    const { client } = clientAnswering(async () =>
      jsonResponse(
        {
          success: false,
          error: { code: "VALIDATION_ERROR", message: "limit is too big", details: { limit: "max 100" } },
          timestamp: "t",
        },
        400,
      ),
    );
    const error = await rejection(client.request("/courses", itemSchema));
    expect(error).toMatchObject({
      code: "VALIDATION_ERROR",
      message: "limit is too big",
      status: 400,
      details: { limit: "max 100" },
    });
  });

  it("reports a failed connection as NETWORK_ERROR with status 0", async () => {
    const { client } = clientAnswering(async () => {
      throw new TypeError("fetch failed");
    });
    const error = await rejection(client.request("/courses", itemSchema));
    expect(error.code).toBe("NETWORK_ERROR");
    expect(error.status).toBe(0);
  });

  it("reports a timeout as NETWORK_ERROR", async () => {
    // Like fetch, the stub gives up when its signal aborts.
    const fetchStub = vi.fn<typeof fetch>(
      (_url, init) =>
        new Promise<Response>((_, reject) => {
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
        }),
    );
    const client = createApiClient({ baseUrl: "http://api.test", fetch: fetchStub });
    const error = await rejection(client.request("/courses", itemSchema, { timeoutMs: 10 }));
    expect(error.code).toBe("NETWORK_ERROR");
    expect(error.message).toMatch(/did not answer/);
  });

  it("rejects answers that are not the expected envelope", async () => {
    const { client } = clientAnswering(async () => new Response("<html>Bad gateway</html>", { status: 502 }));
    const error = await rejection(client.request("/courses", itemSchema));
    expect(error).toMatchObject({ code: "INVALID_RESPONSE", status: 502 });

    const wrongShape = clientAnswering(async () =>
      jsonResponse({ success: true, data: { id: 7 }, message: "ok", timestamp: "t" }),
    );
    expect((await rejection(wrongShape.client.request("/courses", itemSchema))).code).toBe("INVALID_RESPONSE");
  });
});

describe("apiMediaUrl", () => {
  it("keeps API-relative paths on the web origin (which forwards them) and leaves absolute URLs alone", () => {
    expect(apiMediaUrl("/media/demo/x.svg")).toBe("/media/demo/x.svg");
    expect(apiMediaUrl("media/demo/x.svg")).toBe("/media/demo/x.svg");
    expect(apiMediaUrl("https://cdn.example.com/x.png")).toBe("https://cdn.example.com/x.png");
    expect(apiMediaUrl(null)).toBeNull();
  });
});
