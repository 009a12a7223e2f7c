import { createHmac } from "node:crypto";
import { REVALIDATE_SIGNATURE_HEADER } from "@lumen/contracts";
import { describe, expect, it } from "vitest";
import { handleRevalidate } from "./revalidate";

const SECRET = "s".repeat(40);
const NOW = 1_800_000_000_000;

function signed(body: string, { secret = SECRET, time = NOW / 1000 } = {}): Request {
  const hmac = createHmac("sha256", secret).update(`${time}.${body}`).digest("hex");
  return new Request("http://web.test/api/revalidate", {
    method: "POST",
    headers: { "content-type": "application/json", [REVALIDATE_SIGNATURE_HEADER]: `t=${time},v1=${hmac}` },
    body,
  });
}

async function send(request: Request, secret: string | null = SECRET) {
  const revalidated: string[] = [];
  const response = await handleRevalidate(request, {
    secret,
    revalidate: (tag) => revalidated.push(tag),
    now: () => NOW,
  });
  return { status: response.status, body: await response.json(), revalidated };
}

describe("POST /api/revalidate", () => {
  it("expires each tag of a signed call once and answers with the envelope", async () => {
    const result = await send(signed(JSON.stringify({ tags: ["course:c-1", "catalog", "course:c-1"] })));
    expect(result.status).toBe(200);
    expect(result.revalidated).toEqual(["course:c-1", "catalog"]);
    expect(result.body).toMatchObject({ success: true, data: { revalidated: ["course:c-1", "catalog"] } });
    expect(typeof result.body.timestamp).toBe("string");
  });

  it("refuses a call without a signature, with another secret's, or with a changed body", async () => {
    const body = JSON.stringify({ tags: ["catalog"] });
    const unsigned = new Request("http://web.test/api/revalidate", { method: "POST", body });
    const forged = signed(body, { secret: "t".repeat(40) });
    const original = signed(body);
    const tampered = new Request(original.url, {
      method: "POST",
      headers: original.headers,
      body: JSON.stringify({ tags: ["course:other"] }),
    });
    for (const request of [unsigned, forged, tampered]) {
      const result = await send(request);
      expect(result.status).toBe(401);
      expect(result.body).toMatchObject({ success: false, error: { code: "UNAUTHORIZED" } });
      expect(result.revalidated).toEqual([]);
    }
  });

  it("refuses a signature older than five minutes (a replayed call)", async () => {
    const result = await send(signed(JSON.stringify({ tags: ["catalog"] }), { time: NOW / 1000 - 301 }));
    expect(result.status).toBe(401);
    expect(result.revalidated).toEqual([]);
  });

  it("refuses everything when no secret is configured", async () => {
    const result = await send(signed(JSON.stringify({ tags: ["catalog"] })), null);
    expect(result.status).toBe(503);
    expect(result.body.error.code).toBe("SERVICE_UNAVAILABLE");
    expect(result.revalidated).toEqual([]);
  });

  it.each([
    ["not JSON", "tags=catalog"],
    ["no tags", JSON.stringify({ tags: [] })],
    ["an unknown kind of tag", JSON.stringify({ tags: ["_N_T_/layout"] })],
    ["a tag with a path in it", JSON.stringify({ tags: ["course:../x"] })],
    ["more than 100 tags", JSON.stringify({ tags: Array.from({ length: 101 }, (_, i) => `course:c${i}`) })],
  ])("answers 400 to a signed body with %s, expiring nothing", async (_, body) => {
    const result = await send(signed(body));
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });
    expect(result.revalidated).toEqual([]);
  });

  it("refuses an oversized body before reading it", async () => {
    const body = JSON.stringify({ tags: ["catalog"], pad: "x".repeat(20_000) });
    const result = await send(signed(body));
    expect(result.status).toBe(413);
    expect(result.revalidated).toEqual([]);
  });

  it("stops reading a streamed body with no length once it is too large", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 1_000) return controller.close(); // never reached: reading stops at 16 KB
        controller.enqueue(new TextEncoder().encode("x".repeat(4096)));
      },
    });
    const request = new Request("http://web.test/api/revalidate", {
      method: "POST",
      headers: { [REVALIDATE_SIGNATURE_HEADER]: `t=${NOW / 1000},v1=${"0".repeat(64)}` },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const result = await send(request);
    expect(result.status).toBe(413);
    expect(pulled).toBeLessThan(10);
    expect(result.revalidated).toEqual([]);
  });
});
