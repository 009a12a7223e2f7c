import { GATEWAY_CLIENT_IP_HEADER, GATEWAY_SECRET_HEADER } from "@lumen/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { safeEqual } from "../lib/crypto.js";
import { createAddressMatcher, normalizeAddress, parseAddress } from "../lib/net.js";

declare module "fastify" {
  interface FastifyRequest {
    /**
     * The client's real address, for everything that counts or records per client (rate limits, login throttle,
     * mail throttles, security events): what the web gateway vouches for with the shared secret, else the first
     * address behind the trusted load balancers, else the socket peer.
     */
    readonly clientIp: string;
  }
}

/**
 * Fastify's own `trustProxy`: X-Forwarded-For is walked back only through hops listed in TRUST_PROXY, so
 * `request.ip` is the socket peer unless that peer is a listed load balancer. Anyone else's header is ignored.
 */
export function trustProxyOption(trusted: readonly string[]): false | ((address: string) => boolean) {
  return trusted.length === 0 ? false : createAddressMatcher(trusted);
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Resolves `request.clientIp` (see above); the gateway's headers count only with the exact secret. */
export function registerClientIp(app: FastifyInstance, opts: { gatewaySecret: string }): void {
  const { gatewaySecret } = opts;
  app.decorateRequest("clientIp", {
    getter(this: FastifyRequest): string {
      const presented = firstHeader(this.headers[GATEWAY_SECRET_HEADER]);
      if (presented !== undefined && gatewaySecret.length > 0 && safeEqual(presented, gatewaySecret)) {
        const vouched = parseAddress(firstHeader(this.headers[GATEWAY_CLIENT_IP_HEADER]));
        if (vouched) return vouched;
      }
      return normalizeAddress(this.ip);
    },
  });
}
