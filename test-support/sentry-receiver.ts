import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";

/** One item of a Sentry envelope: its header line and its JSON payload. */
export interface EnvelopeItem {
  header: { type?: string } & Record<string, unknown>;
  payload: Record<string, unknown>;
}

/**
 * Shared by the API's and the web app's tests (each imports this file by its relative path; it needs nothing but
 * Node). A loopback Sentry ingest endpoint: accepts `POST /api/<project>/envelope/` as the SDK sends them (newline-
 * delimited JSON: envelope header, then item header and payload pairs; gzip when the SDK compresses), checks the
 * `X-Sentry-Auth` key, and keeps every envelope's raw text for assertions about what left the process.
 */
export async function startSentryReceiver(publicKey = "testkey") {
  const envelopes: Array<{ raw: string; items: EnvelopeItem[] }> = [];
  const waiters: Array<() => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const auth = String(req.headers["x-sentry-auth"] ?? "");
      const keyInQuery = new URL(req.url ?? "/", "http://x").searchParams.get("sentry_key");
      if (!/^\/api\/\d+\/envelope\/?/.test(req.url ?? "") || req.method !== "POST") {
        res.writeHead(404).end();
        return;
      }
      if (!auth.includes(`sentry_key=${publicKey}`) && keyInQuery !== publicKey) {
        res.writeHead(401, { "content-type": "application/json" }).end('{"detail":"bad key"}');
        return;
      }
      let body = Buffer.concat(chunks);
      if (req.headers["content-encoding"] === "gzip") body = gunzipSync(body);
      const raw = body.toString("utf8");
      const lines = raw.split("\n").filter((l) => l.trim() !== "");
      const items: EnvelopeItem[] = [];
      for (let i = 1; i + 1 < lines.length; i += 2) {
        items.push({ header: JSON.parse(lines[i] as string), payload: JSON.parse(lines[i + 1] as string) });
      }
      envelopes.push({ raw, items });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
      for (const w of waiters.splice(0)) w();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    dsn: `http://${publicKey}@127.0.0.1:${port}/1`,
    envelopes,
    /** Resolves once an envelope holding an item of `type` has arrived. */
    async waitFor(type: string): Promise<EnvelopeItem> {
      for (;;) {
        const found = envelopes.flatMap((e) => e.items).find((i) => i.header.type === type);
        if (found) return found;
        await new Promise<void>((r) => waiters.push(r));
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
