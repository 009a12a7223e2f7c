import type { FastifyServerOptions } from "fastify";

/** Query parameters whose values never reach a log line (`sig` makes a media link usable until it expires). */
const SECRET_PARAMS = /([?&](?:token|refresh_token|access_token|code|password|sig)=)[^&#]*/gi;
export const redactUrl = (url: string) => url.replace(SECRET_PARAMS, "$1[REDACTED]");

/** pino JSON logs: a request id on every line; passwords, tokens, cookies and secrets never written. */
export function loggerOptions(level: string): Exclude<FastifyServerOptions["logger"], boolean | undefined> {
  return {
    level,
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
