import { createHmac } from "node:crypto";
import { REVALIDATE_SIGNATURE_HEADER } from "@lumen/contracts";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ revalidateTag }));

const { POST } = await import("./route");

describe("the revalidate route", () => {
  const saved = process.env.REVALIDATE_SECRET;
  beforeEach(() => {
    process.env.REVALIDATE_SECRET = "r".repeat(40);
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.REVALIDATE_SECRET;
    else process.env.REVALIDATE_SECRET = saved;
    revalidateTag.mockReset();
  });

  it("expires the tags at once in Next's cache, checked with REVALIDATE_SECRET", async () => {
    const body = JSON.stringify({ tags: ["course:abc", "catalog"] });
    const time = Math.floor(Date.now() / 1000);
    const hmac = createHmac("sha256", "r".repeat(40)).update(`${time}.${body}`).digest("hex");
    const response = await POST(
      new Request("http://web.test/api/revalidate", {
        method: "POST",
        headers: { [REVALIDATE_SIGNATURE_HEADER]: `t=${time},v1=${hmac}` },
        body,
      }),
    );
    expect(response.status).toBe(200);
    expect(revalidateTag.mock.calls).toEqual([
      ["course:abc", { expire: 0 }],
      ["catalog", { expire: 0 }],
    ]);
  });
});
