import { afterEach, describe, expect, it, vi } from "vitest";
import { useSession } from "@/features/auth/session";
import { streamChat } from "./learn.api";

afterEach(() => useSession.setState({ status: "unknown", user: null, accessToken: null, expiresAt: 0 }));

function signedIn() {
  useSession.setState({ status: "authenticated", user: null, accessToken: "token-1", expiresAt: Date.now() + 600_000 });
}

/** An SSE response delivered in awkward chunks (split inside events), as networks do. */
function sse(chunks: string[], status = 200): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status, headers: { "content-type": "text/event-stream; charset=utf-8" } });
}

const done = {
  answer: "Red and blue [1].",
  citations: [{ lesson_id: "l1", title: "Light", start_seconds: 63, excerpt: "680 nm" }],
  conversation_id: "c1",
  cached: false,
  provider: "offline",
  model: "m",
  grounded: true,
};

describe("streamChat", () => {
  it("passes tokens on as they arrive and resolves with the final result", async () => {
    signedIn();
    const payload = `event: token\ndata: {"text":"Red "}\n\nevent: token\ndata: {"text":"and blue"}\n\nevent: done\ndata: ${JSON.stringify(done)}\n\n`;
    const cut = [payload.slice(0, 17), payload.slice(17, 60), payload.slice(60)];
    const fetchStub = vi.fn<typeof fetch>(async () => sse(cut));
    const tokens: string[] = [];
    const result = await streamChat({ message: "Why?" }, (t) => tokens.push(t), { fetch: fetchStub });
    expect(tokens).toEqual(["Red ", "and blue"]);
    expect(result.citations[0]?.start_seconds).toBe(63);
    const init = fetchStub.mock.calls[0]?.[1];
    expect(new Headers(init?.headers).get("authorization")).toBe("Bearer token-1");
    expect(new Headers(init?.headers).get("accept")).toBe("text/event-stream");
  });

  it("turns an error event in the stream into an ApiError", async () => {
    signedIn();
    const fetchStub = vi.fn<typeof fetch>(async () =>
      sse([`event: error\ndata: {"code":"SERVICE_UNAVAILABLE","message":"The tutor is unavailable"}\n\n`]),
    );
    await expect(streamChat({ message: "Why?" }, () => undefined, { fetch: fetchStub })).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message: "The tutor is unavailable",
    });
  });

  it("turns an error envelope (before streaming) into an ApiError with its status", async () => {
    signedIn();
    const fetchStub = vi.fn<typeof fetch>(async () =>
      Response.json(
        { success: false, error: { code: "AI_LIMIT_EXCEEDED", message: "Daily limit reached" }, timestamp: "t" },
        { status: 429 },
      ),
    );
    await expect(streamChat({ message: "Why?" }, () => undefined, { fetch: fetchStub })).rejects.toMatchObject({
      code: "AI_LIMIT_EXCEEDED",
      status: 429,
    });
  });

  it("reports a stream that ends without an answer as cut off", async () => {
    signedIn();
    const fetchStub = vi.fn<typeof fetch>(async () => sse([`event: token\ndata: {"text":"Red"}\n\n`]));
    await expect(streamChat({ message: "Why?" }, () => undefined, { fetch: fetchStub })).rejects.toMatchObject({
      code: "NETWORK_ERROR",
    });
  });

  it("refuses without a session", async () => {
    useSession.setState({ status: "anonymous", user: null, accessToken: null, expiresAt: 0 });
    await expect(streamChat({ message: "Why?" }, () => undefined, { fetch: vi.fn() })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
