/**
 * Headers that vouch for the current visitor to the API (shared secret + their real address), for the API proxy
 * route and for server-side rendering calls alike. The custom server (server.mjs) knows the visitor of the request
 * being served and publishes the gateway under a global symbol; in the browser, or outside that server (build-time
 * rendering, unit tests), there is no visitor and nothing is added.
 */
const GATEWAY_HOOK = Symbol.for("lumen.gateway");

interface GatewayHook {
  headers(): Record<string, string>;
}

export function gatewayHeaders(): Record<string, string> {
  if (typeof window !== "undefined") return {};
  const hook = (globalThis as Record<symbol, GatewayHook | undefined>)[GATEWAY_HOOK];
  return hook?.headers() ?? {};
}
