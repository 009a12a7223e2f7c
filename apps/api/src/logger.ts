import type { FastifyServerOptions } from "fastify";
import pretty from "pino-pretty";

/** Query parameters whose values never reach a log line (`sig` makes a media link usable until it expires). */
const SECRET_PARAMS = /([?&](?:token|refresh_token|access_token|code|password|sig)=)[^&#]*/gi;
export const redactUrl = (url: string) => url.replace(SECRET_PARAMS, "$1[REDACTED]");

/** Development logs: one readable line per event; a request reads "GET /api/v1/courses → 200 in 3.2 ms". */
export function prettyStream(destination: NodeJS.WritableStream = process.stdout) {
  return pretty({
    destination,
    sync: true,
    colorize: destination === process.stdout && Boolean(process.stdout.isTTY),
    translateTime: "HH:MM:ss.l",
    ignore: "pid,hostname,reqId,method,url,route,status,ms,remote",
    messageFormat: (log, messageKey) =>
      log.route !== undefined && log[messageKey] === "request"
        ? `${log.method} ${log.url} → ${log.status} in ${log.ms} ms`
        : String(log[messageKey] ?? ""),
    singleLine: true,
  });
}

/** pino JSON logs: a request id on every line; passwords, tokens, cookies and secrets never written. */
export function loggerOptions(
  level: string,
  format: "json" | "pretty" = "json",
): Exclude<FastifyServerOptions["logger"], boolean | undefined> {
  return {
    level,
    // Development: one readable line per event, written synchronously (no worker thread). Production: JSON lines.
    ...(format === "pretty" ? { stream: prettyStream() } : {}),
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        'res.headers["set-cookie"]',
        "*.password",
        "*.new_password",
        "*.refresh_token",
        "*.access_token",
        "*.token",
        "*.sig",
        "*.passwordHash",
        "*.password_hash",
        "*.secret",
      ],
      censor: "[REDACTED]",
    },
    serializers: {
      req(req) {
        return {
          method: req.method,
          url: redactUrl(req.url),
          remoteAddress: req.clientIp,
          userAgent: req.headers["user-agent"],
        };
      },
    },
  };
}
