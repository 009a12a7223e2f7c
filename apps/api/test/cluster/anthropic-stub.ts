import { createServer, type ServerResponse } from "node:http";

/**
 * (The answer cites the first passages, as the real model is asked to: an answer without a citation counts as
 * "not covered" and costs no budget.)
 *
 * A loopback Anthropic Messages API (POST /v1/messages) for the instances' tutor. A streamed answer can be held
 * after its first token until the test releases it: whatever reaches the client before the release crossed
 * nginx while the answer was still being written.
 */
export interface AnthropicStub {
  baseUrl: string;
  /** The next streamed answer stops after its first token until `release()`; `started` resolves at that point. */
  hold(): { started: Promise<void>; release(): void };
  close(): Promise<void>;
}

const ANSWER = ["Comets are made ", "of ice, dust ", "and rock; near ", "the Sun the ice ", "turns to gas. [1][2]"];

function event(res: ServerResponse, name: string, data: Record<string, unknown>) {
  res.write(`event: ${name}\ndata: ${JSON.stringify({ type: name, ...data })}\n\n`);
}

export async function startAnthropicStub(port: number): Promise<AnthropicStub> {
  let held: { started: () => void; gate: Promise<void> } | null = null;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { stream?: boolean; model?: string };
    const message = { id: "msg_cluster", type: "message", role: "assistant", model: body.model ?? "stub" };
    if (!body.stream) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          ...message,
          content: [{ type: "text", text: ANSWER.join("") }],
          stop_reason: "end_turn",
          stop_sequence: null,
          usage: { input_tokens: 100, output_tokens: 20 },
        }),
      );
      return;
    }
    const hold = held;
    held = null;
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    event(res, "message_start", {
      message: { ...message, content: [], stop_reason: null, usage: { input_tokens: 100, output_tokens: 1 } },
    });
    event(res, "content_block_start", { index: 0, content_block: { type: "text", text: "" } });
    for (const [i, text] of ANSWER.entries()) {
      event(res, "content_block_delta", { index: 0, delta: { type: "text_delta", text } });
      if (i === 0 && hold) {
        hold.started();
        await hold.gate;
      }
    }
    event(res, "content_block_stop", { index: 0 });
    event(res, "message_delta", {
      delta: { stop_reason: "end_turn", stop_sequence: null },
      usage: { output_tokens: 20 },
    });
    event(res, "message_stop", {});
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    hold() {
      let release = () => {};
      let started = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const startedP = new Promise<void>((r) => {
        started = r;
      });
      held = { started, gate };
      return { started: startedP, release };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const STUB_ANSWER = ANSWER.join("");
