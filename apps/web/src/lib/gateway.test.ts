import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GATEWAY_CLIENT_IP_HEADER, GATEWAY_SECRET_HEADER } from "@lumen/contracts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  clientAddress,
  createAddressMatcher,
  createGateway,
  installGateway,
  parseAddressList,
  secretSource,
} from "../../server/gateway.mjs";
import { createApiClient } from "./api-client";
import { proxyToApi } from "./api-proxy";
import { gatewayHeaders } from "./gateway";

const SECRET = "s".repeat(43);
const trusted = createAddressMatcher(["10.0.0.0/8", "192.168.1.10"]);

/** A request as the custom server sees it: socket peer and headers. */
const incoming = (peer: string, headers: Record<string, string> = {}) => ({
  socket: { remoteAddress: peer } as never,
  headers: { ...headers } as Record<string, string | undefined>,
});

afterEach(() => {
  vi.unstubAllGlobals();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("lumen.gateway")];
});

describe("the visitor's address", () => {
  it("is the socket peer, whatever X-Forwarded-For a visitor sends", () => {
    expect(clientAddress("::ffff:127.0.0.2", "1.2.3.4", trusted)).toBe("127.0.0.2");
    expect(clientAddress("203.0.113.9", undefined, trusted)).toBe("203.0.113.9");
  });

  it("is read back through trusted load balancers only, never left of the first untrusted hop", () => {
    expect(clientAddress("10.0.0.5", "203.0.113.7", trusted)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.5", "6.6.6.6, 203.0.113.7, 192.168.1.10", trusted)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.5", "not-an-ip", trusted)).toBe("10.0.0.5");
  });

  it("TRUST_PROXY lists addresses and ranges; true (everyone) is refused", () => {
    expect(parseAddressList(undefined)).toEqual([]);
    expect(parseAddressList("false")).toEqual([]);
    expect(parseAddressList("10.0.0.0/8, ::1")).toEqual(["10.0.0.0/8", "::1"]);
    expect(() => parseAddressList("true")).toThrow(/load balancers/);
    expect(() => parseAddressList("10.0.0.0/40")).toThrow(/CIDR/);
  });
});

describe("the gateway", () => {
  it("vouches for the visitor of the request being served, and for nobody outside one", () => {
    const gateway = createGateway({ isTrusted: trusted, secret: () => SECRET });
    const req = incoming("127.0.0.3", {
      [GATEWAY_SECRET_HEADER]: "forged",
      [GATEWAY_CLIENT_IP_HEADER]: "9.9.9.9",
    });
    const seen = gateway.run(req, () => gateway.headers());
    expect(seen).toEqual({ [GATEWAY_SECRET_HEADER]: SECRET, [GATEWAY_CLIENT_IP_HEADER]: "127.0.0.3" });
    // Whatever the visitor sent under those names is gone before the app sees the request.
    expect(req.headers[GATEWAY_SECRET_HEADER]).toBeUndefined();
    expect(req.headers[GATEWAY_CLIENT_IP_HEADER]).toBeUndefined();
    expect(gateway.headers()).toEqual({});
  });

  it("sends nothing while no secret is known", () => {
    const gateway = createGateway({ isTrusted: trusted, secret: () => null });
    expect(gateway.run(incoming("127.0.0.3"), () => gateway.headers())).toEqual({});
  });

  it("reads the development secret the API writes into DATA_DIR, once it is there", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "lumen-gw-"));
    const secret = secretSource({ dataDir });
    expect(secret()).toBeNull();
    writeFileSync(path.join(dataDir, "secrets.json"), JSON.stringify({ gateway_secret: SECRET }));
    expect(secret()).toBe(SECRET);
    expect(secretSource({ secret: "from-env", dataDir })()).toBe("from-env");
  });
});

describe("calls to the API", () => {
  const okEnvelope = () =>
    new Response(JSON.stringify({ success: true, data: { id: "x" }, message: "", timestamp: "t" }), {
      headers: { "content-type": "application/json" },
    });

  it("through the proxy carry the vouched visitor, never the visitor's own forwarding headers", async () => {
    const gateway = createGateway({ isTrusted: trusted, secret: () => SECRET });
    installGateway(gateway);
    const fetchStub = vi.fn<typeof fetch>(async () => okEnvelope());
    vi.stubGlobal("fetch", fetchStub);
    const browserRequest = new Request("http://localhost:3000/api/v1/courses?limit=1", {
      headers: {
        "x-forwarded-for": "1.1.1.1",
        "x-real-ip": "2.2.2.2",
        [GATEWAY_SECRET_HEADER]: "forged",
        [GATEWAY_CLIENT_IP_HEADER]: "3.3.3.3",
      },
    });
    await gateway.run(incoming("127.0.0.2"), () => proxyToApi(browserRequest, "/api/v1/courses"));
    const sent = new Headers(fetchStub.mock.calls[0]?.[1]?.headers);
    expect(sent.get(GATEWAY_SECRET_HEADER)).toBe(SECRET);
    expect(sent.get(GATEWAY_CLIENT_IP_HEADER)).toBe("127.0.0.2");
    expect(sent.get("x-forwarded-for")).toBeNull();
    expect(sent.get("x-real-ip")).toBeNull();
  });

  it("from server-side rendering carry the visitor the page is rendered for", async () => {
    const gateway = createGateway({ isTrusted: trusted, secret: () => SECRET });
    installGateway(gateway);
    const fetchStub = vi.fn<typeof fetch>(async () => okEnvelope());
    const client = createApiClient({ baseUrl: "http://api.test", fetch: fetchStub });
    await gateway.run(incoming("10.0.0.7", { "x-forwarded-for": "198.51.100.23" }), () =>
      client.request("/courses/x", z.object({ id: z.string() })),
    );
    const sent = new Headers(fetchStub.mock.calls[0]?.[1]?.headers);
    expect(sent.get(GATEWAY_SECRET_HEADER)).toBe(SECRET);
    expect(sent.get(GATEWAY_CLIENT_IP_HEADER)).toBe("198.51.100.23");
  });

  it("add nothing where no gateway runs (build-time rendering)", () => {
    expect(gatewayHeaders()).toEqual({});
  });
});
