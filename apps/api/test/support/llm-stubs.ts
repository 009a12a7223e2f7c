import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/** What a stub server answers: plain text, or the JSON of a structured output. */
export interface StubReply {
  text: string;
  inputTokens?: number;
  outputTokens?: number;
  /** Milliseconds to wait before answering (timeout tests). */
  delayMs?: number;
  status?: number;
}

export interface LlmStub {
  url: string;
  requests: Array<{ path: string; body: Record<string, unknown>; headers: IncomingMessage["headers"] }>;
  reply(next: StubReply | ((body: Record<string, unknown>) => StubReply)): void;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
}

async function start(
  handler: (req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>, reply: StubReply) => void,
  base: string,
): Promise<LlmStub> {
  let next: StubReply | ((body: Record<string, unknown>) => StubReply) = { text: "ok" };
  const requests: LlmStub["requests"] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readJson(req);
    requests.push({ path: req.url ?? "", body, headers: req.headers });
    const reply = typeof next === "function" ? next(body) : next;
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    if (reply.status && reply.status >= 400) {
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(JSON.stringify({ type: "error", error: { type: "api_error", message: "stub failure" } }));
      return;
    }
    handler(req, res, body, reply);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    reply(r) {
      next = r;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const sse = (res: ServerResponse, events: Array<[string | null, unknown]>) => {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const [event, data] of events)
    res.write(`${event ? `event: ${event}\n` : ""}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
  res.end();
};

/** Splits text into a few deltas, as a model streams tokens. */
const pieces = (text: string) => text.match(/.{1,12}/gs) ?? [""];

/**
 * A loopback server speaking the Anthropic Messages API (POST /v1/messages): JSON, and SSE in the API's event
 * order. Structured output is answered both ways the SDK may ask: JSON in a text block (output_config.format)
 * or a forced `json` tool call.
 */
export function startAnthropicStub(): Promise<LlmStub> {
  return start((_req, res, body, reply) => {
    const usage = { input_tokens: reply.inputTokens ?? 120, output_tokens: reply.outputTokens ?? 40 };
    const tools = body.tools as Array<{ name: string }> | undefined;
    const asTool = Array.isArray(tools) && tools.some((t) => t.name === "json");
    const content = asTool
      ? [{ type: "tool_use", id: "toolu_stub", name: "json", input: JSON.parse(reply.text) }]
      : [{ type: "text", text: reply.text }];
    const message = {
      id: "msg_stub",
      type: "message",
      role: "assistant",
      model: body.model,
      stop_reason: asTool ? "tool_use" : "end_turn",
      stop_sequence: null,
    };
    if (!body.stream) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ...message, content, usage }));
      return;
    }
    sse(res, [
      [
        "message_start",
        {
          type: "message_start",
          message: {
            ...message,
            content: [],
            stop_reason: null,
            usage: { input_tokens: usage.input_tokens, output_tokens: 1 },
          },
        },
      ],
      ["content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }],
      ...pieces(reply.text).map((p): [string, unknown] => [
        "content_block_delta",
        { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: p } },
      ]),
      ["content_block_stop", { type: "content_block_stop", index: 0 }],
      [
        "message_delta",
        {
          type: "message_delta",
          delta: { stop_reason: "end_turn", stop_sequence: null },
          usage: { output_tokens: usage.output_tokens },
        },
      ],
      ["message_stop", { type: "message_stop" }],
    ]);
  }, "/v1");
}

/** A loopback server speaking the OpenAI chat-completions API (POST /v1/chat/completions), JSON and SSE. */
export function startOpenAiStub(opts: { embeddingsFail?: () => boolean } = {}): Promise<LlmStub> {
  return start((req, res, body, reply) => {
    if (req.url?.endsWith("/embeddings")) {
      // A small real embedding: letter frequencies, enough for similar texts to land near each other.
      if (opts.embeddingsFail?.()) {
        res.writeHead(503, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: "embeddings unavailable" } }));
        return;
      }
      const inputs = (Array.isArray(body.input) ? body.input : [body.input]) as string[];
      const data = inputs.map((text, index) => {
        const v = new Array(26).fill(0);
        for (const ch of text.toLowerCase()) if (ch >= "a" && ch <= "z") v[ch.charCodeAt(0) - 97] += 1;
        return { object: "embedding", index, embedding: v };
      });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ object: "list", data, model: body.model, usage: { prompt_tokens: 10, total_tokens: 10 } }),
      );
      return;
    }
    const usage = {
      prompt_tokens: reply.inputTokens ?? 90,
      completion_tokens: reply.outputTokens ?? 30,
      total_tokens: (reply.inputTokens ?? 90) + (reply.outputTokens ?? 30),
    };
    const base = {
      id: "chatcmpl-stub",
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body.model,
    };
    if (!body.stream) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          ...base,
          choices: [{ index: 0, message: { role: "assistant", content: reply.text }, finish_reason: "stop" }],
          usage,
        }),
      );
      return;
    }
    sse(res, [
      ...pieces(reply.text).map((p, i): [null, unknown] => [
        null,
        {
          ...base,
          object: "chat.completion.chunk",
          choices: [
            { index: 0, delta: i === 0 ? { role: "assistant", content: p } : { content: p }, finish_reason: null },
          ],
        },
      ]),
      [
        null,
        { ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta: {}, finish_reason: "stop" }], usage },
      ],
      [null, "[DONE]"],
    ]);
  }, "/v1");
}
