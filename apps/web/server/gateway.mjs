// The web app's side of client identity (see the API's plugins/client-ip.ts). Every request reaches the API from
// this server's address, so the gateway tells the API who the visitor is: its socket peer, or what the load
// balancers listed in TRUST_PROXY say, vouched for with the shared GATEWAY_SECRET. Plain JavaScript: the custom
// server (server.mjs) loads it before Next compiles anything.
import { AsyncLocalStorage } from "node:async_hooks";
import { readFileSync } from "node:fs";
import { BlockList, isIP } from "node:net";
import path from "node:path";
import { GATEWAY_CLIENT_IP_HEADER, GATEWAY_SECRET_HEADER } from "@lumen/contracts";

/** Where the running server publishes the gateway for the app's code (src/lib/gateway.ts reads it). */
export const GATEWAY_HOOK = Symbol.for("lumen.gateway");

/** `::ffff:1.2.3.4` (an IPv4 visitor on a dual-stack socket) is 1.2.3.4; IPv6 in lower case. */
export function normalizeAddress(address) {
  const lower = String(address).trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  return mapped ? mapped[1] : lower;
}

function parseAddress(value) {
  if (!value) return null;
  const address = normalizeAddress(value);
  return isIP(address) ? address : null;
}

/** "10.0.0.0/8, 127.0.0.1" → entries; "", "false" → none; "true" and anything malformed throw. */
export function parseAddressList(value) {
  const text = (value ?? "").trim();
  if (/^(|false|0|no)$/i.test(text)) return [];
  if (/^(true|1|yes)$/i.test(text)) {
    throw new Error("TRUST_PROXY=true would believe any visitor's X-Forwarded-For: list the load balancers instead");
  }
  const entries = text
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = "", prefix, extra] = entry.split("/");
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    if (
      family === 0 ||
      extra !== undefined ||
      (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && +prefix <= max))
    ) {
      throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or CIDR range`);
    }
  }
  return entries;
}

/** Membership in a list of addresses and CIDR ranges. */
export function createAddressMatcher(list) {
  if (list.length === 0) return () => false;
  const blocks = new BlockList();
  for (const entry of list) {
    const [address = "", prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) blocks.addAddress(normalizeAddress(address), type);
    else blocks.addSubnet(normalizeAddress(address), Number(prefix), type);
  }
  return (address) => {
    const normal = parseAddress(address);
    return normal !== null && blocks.check(normal, isIP(normal) === 6 ? "ipv6" : "ipv4");
  };
}

/**
 * The visitor's address: the socket peer, unless the peer is a trusted load balancer, in which case
 * X-Forwarded-For is read from the right, one trusted hop at a time. Entries left of the first untrusted hop
 * are whatever the visitor wrote and never count.
 */
export function clientAddress(peer, forwardedFor, isTrusted) {
  let current = normalizeAddress(peer ?? "");
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  while (isTrusted(current) && hops.length > 0) {
    const next = parseAddress(hops.pop());
    if (!next) break;
    current = next;
  }
  return current;
}

/**
 * GATEWAY_SECRET (or another `field`'s secret, such as REVALIDATE_SECRET) from the environment, else the one the API
 * generates into $DATA_DIR/secrets.json outside production (`npm start`, `npm run dev`), read until it appears: the
 * API may start after the web app.
 */
export function secretSource({ secret, dataDir, field = "gateway_secret" }) {
  if (secret) return () => secret;
  const file = path.join(dataDir, "secrets.json");
  let found = null;
  return () => {
    if (found) return found;
    try {
      const stored = JSON.parse(readFileSync(file, "utf8"));
      if (typeof stored[field] === "string" && stored[field].length >= 32) found = stored[field];
    } catch {
      // not written yet
    }
    return found;
  };
}

/**
 * `run(req, handle)` serves a request knowing its visitor (any copy of the gateway headers the request brought is
 * removed first); `headers()` gives the headers that vouch for the current request's visitor to the API.
 */
export function createGateway({ isTrusted, secret }) {
  const visitors = new AsyncLocalStorage();
  return {
    run(req, handle) {
      delete req.headers[GATEWAY_SECRET_HEADER];
      delete req.headers[GATEWAY_CLIENT_IP_HEADER];
      const clientIp = clientAddress(req.socket?.remoteAddress, req.headers["x-forwarded-for"], isTrusted);
      return visitors.run({ clientIp }, handle);
    },
    headers() {
      const visitor = visitors.getStore();
      const value = secret();
      if (!visitor || !value) return {};
      return { [GATEWAY_SECRET_HEADER]: value, [GATEWAY_CLIENT_IP_HEADER]: visitor.clientIp };
    },
  };
}

/** Makes the gateway reachable from the app's server code, whichever bundle layer it runs in. */
export function installGateway(gateway) {
  globalThis[GATEWAY_HOOK] = gateway;
}
