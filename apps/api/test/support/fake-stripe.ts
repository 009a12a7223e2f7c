import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the stand-in received: form-decoded params (Stripe's bracket keys kept flat) and its headers. */
export interface StripeRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  idempotencyKey: string | null;
}

type Json = Record<string, unknown>;

/**
 * A loopback server speaking the parts of Stripe's HTTP API the billing module calls: form-encoded POST bodies,
 * bearer secret key, Idempotency-Key replays, and Stripe's error shape `{error: {type, message}}`.
 * `mode` makes it fail: "down" answers 500 api_error, "slow" never answers (the client must time out).
 */
export async function startFakeStripe(secretKey: string) {
  const requests: StripeRequest[] = [];
  const byKey = new Map<string, { status: number; body: Json }>();
  const subscriptions = new Map<string, Json>();
  const held: ServerResponse[] = [];
  const state = { mode: "ok" as "ok" | "down" | "slow" };
  const id = (prefix: string) => `${prefix}_${randomBytes(8).toString("hex")}`;

  const send = (res: ServerResponse, status: number, body: Json) => {
    res.writeHead(status, { "content-type": "application/json", "request-id": id("req") });
    res.end(JSON.stringify(body));
  };
  const stripeError = (type: string, message: string) => ({ error: { type, message } });

  function handle(req: IncomingMessage, path: string, params: Record<string, string>): { status: number; body: Json } {
    const post = req.method === "POST";
    if (post && path === "/v1/customers") {
      return { status: 200, body: { id: id("cus"), object: "customer", email: params.email ?? null, metadata: {} } };
    }
    if (post && path === "/v1/checkout/sessions") {
      const sid = id("cs_test");
      if (!params.success_url || !params.client_reference_id) {
        return { status: 400, body: stripeError("invalid_request_error", "Missing required param: success_url.") };
      }
      return {
        status: 200,
        body: {
          id: sid,
          object: "checkout.session",
          url: `https://checkout.stripe.test/c/pay/${sid}`,
          mode: params.mode,
          client_reference_id: params.client_reference_id,
          customer: params.customer,
          status: "open",
          payment_status: "unpaid",
        },
      };
    }
    const subMatch = /^\/v1\/subscriptions\/([\w-]+)$/.exec(path);
    if (subMatch?.[1]) {
      const sub = subscriptions.get(subMatch[1]);
      if (!sub)
        return { status: 404, body: stripeError("invalid_request_error", `No such subscription: '${subMatch[1]}'`) };
      // DELETE /v1/subscriptions/:id cancels at once.
      if (req.method === "DELETE") sub.status = "canceled";
      if (post && params.cancel_at_period_end !== undefined)
        sub.cancel_at_period_end = params.cancel_at_period_end === "true";
      return { status: 200, body: sub };
    }
    if (post && path === "/v1/refunds") {
      return {
        status: 200,
        body: { id: id("re"), object: "refund", payment_intent: params.payment_intent, status: "succeeded" },
      };
    }
    if (post && path === "/v1/billing_portal/sessions") {
      return {
        status: 200,
        body: { id: id("bps"), object: "billing_portal.session", url: "https://billing.stripe.test/p/session" },
      };
    }
    return {
      status: 404,
      body: stripeError("invalid_request_error", `Unrecognized request URL (${req.method}: ${path}).`),
    };
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stripe.test");
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const params: Record<string, string> = Object.fromEntries(form);
      const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
      requests.push({ method: req.method ?? "GET", path: url.pathname, params, idempotencyKey: key });
      if (req.headers.authorization !== `Bearer ${secretKey}`) {
        return send(res, 401, stripeError("invalid_request_error", "Invalid API Key provided"));
      }
      if (state.mode === "slow") return void held.push(res);
      if (state.mode === "down")
        return send(res, 500, stripeError("api_error", "Something went wrong on Stripe's end."));
      const replay = key ? byKey.get(key) : undefined;
      if (replay) return send(res, replay.status, replay.body);
      const answer = handle(req, url.pathname, params);
      if (key && req.method === "POST") byKey.set(key, answer);
      send(res, answer.status, answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    state,
    /** Makes a subscription retrievable, as Stripe would hold it. */
    putSubscription(sub: Json) {
      subscriptions.set(String(sub.id), sub);
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
