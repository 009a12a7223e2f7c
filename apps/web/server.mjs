#!/usr/bin/env node
// The web app's server: Next.js behind a plain Node HTTP server, so every request runs knowing its visitor's
// real address (the socket peer, which Next's route handlers can't see) for the API gateway (server/gateway.mjs).
// `node server.mjs [-p PORT] [--hostname HOST] [--dev]`: production (the build in .next) or development.
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  createAddressMatcher,
  createGateway,
  installGateway,
  parseAddressList,
  secretSource,
} from "./server/gateway.mjs";

const dir = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (...names) => {
  const i = args.findIndex((a) => names.includes(a));
  return i >= 0 ? args[i + 1] : undefined;
};
const dev = args.includes("--dev");
const port = Number(option("-p", "--port") ?? process.env.PORT ?? 3000);
const hostname = option("-H", "--hostname");
// As `next start` does, and before React and Next are loaded: they pick their builds by NODE_ENV at import.
if (!dev) process.env.NODE_ENV ??= "production";
const { default: next } = await import("next");

let trusted;
try {
  trusted = parseAddressList(process.env.TRUST_PROXY);
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
const dataDir = path.resolve(process.env.INIT_CWD ?? process.cwd(), process.env.DATA_DIR ?? ".data");
const secret = secretSource({ secret: process.env.GATEWAY_SECRET, dataDir });
if (!dev && !secret()) {
  console.warn("GATEWAY_SECRET is not set: the API will count every visitor as this server (one shared rate limit).");
}
const gateway = createGateway({ isTrusted: createAddressMatcher(trusted), secret });
installGateway(gateway);
// The secret the API signs cache revalidation calls with (POST /api/revalidate, see src/env.ts revalidateSecret).
globalThis[Symbol.for("lumen.revalidateSecret")] = secretSource({
  secret: process.env.REVALIDATE_SECRET,
  dataDir,
  field: "revalidate_secret",
});

const app = next({ dev, dir, hostname, port, ...(dev ? { turbopack: true } : {}) });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  gateway
    .run(req, () => handle(req, res))
    .catch((err) => {
      console.error(err);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
});
// Idle keep-alive connections stay open longer than clients and load balancers keep theirs (nginx 60 s, most
// HTTP agents less). With Node's default of 5 s, a client that reuses a connection just as the server closes it
// gets ECONNRESET: a request lost for nothing (seen in the browser tests after a 5.5 s pause).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(`▲ Lumen web app ${dev ? "(development) " : ""}on http://${hostname ?? "localhost"}:${port}`);
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(0), 10_000);
  force.unref();
  server.close(() => app.close().finally(() => process.exit(0)));
  server.closeIdleConnections();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
