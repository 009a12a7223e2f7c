/**
 * How the web app's server (the gateway every browser request and server-side render goes through) tells the API
 * who the visitor is. The API believes the client address only together with the shared secret; any other hop's
 * copy of these headers is ignored by the API and stripped by the gateway.
 */
export const GATEWAY_SECRET_HEADER = "x-lumen-gateway-secret";
export const GATEWAY_CLIENT_IP_HEADER = "x-lumen-client-ip";
