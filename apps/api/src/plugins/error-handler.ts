import type { ErrorCode } from "@lumen/contracts";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import type { ErrorReporter } from "../lib/error-reporting.js";
import { AppError } from "../lib/errors.js";

/** Writes the error envelope. Everything that fails a request ends up here. */
export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  if (error.headers) reply.headers(error.headers);
  return reply.code(error.status).send({
    success: false,
    error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
    timestamp: new Date().toISOString(),
  });
}

type Issue = {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[]; message?: string } };
};

/** `{in, fields: {"pricing.price": ["..."]}}` from the Zod issues Fastify collected. */
function validationDetails(err: FastifyError): Record<string, unknown> {
  const fields: Record<string, string[]> = {};
  for (const raw of (err.validation ?? []) as Issue[]) {
    const path =
      raw.params?.issue?.path?.map(String).join(".") ||
      raw.instancePath?.replace(/^\//, "").replaceAll("/", ".") ||
      "_";
    const message = raw.params?.issue?.message ?? raw.message ?? "Invalid value";
    fields[path] = [...(fields[path] ?? []), message];
  }
  return { in: err.validationContext ?? "body", fields };
}

const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "VALIDATION_ERROR", message: "The request body is not valid JSON" },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: "VALIDATION_ERROR",
    message: "The request body is empty but Content-Type is application/json",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "PAYLOAD_TOO_LARGE", message: "The request body is too large" },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: "UNSUPPORTED_MEDIA_TYPE", message: "Unsupported Content-Type" },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: "VALIDATION_ERROR", message: "Content-Length does not match the body" },
};

// Socket errors of a database that is down or unreachable.
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH"]);
// SQLSTATEs of a server that is going away or can't take us: connection exceptions (class 08), shutdown and
// startup (57P01-57P03), too many connections (53300), and our own statement deadline (57014).
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300|57014)$/;
// node-postgres and pg-pool say these in words only.
const DRIVER_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error)/;

/**
 * True when `err` (or what it wraps: Drizzle wraps driver errors) says the database can't be reached right now,
 * rather than that the query was wrong: the caller should try again shortly.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    if (typeof message === "string" && DRIVER_MESSAGES.test(message)) return true;
  }
  return false;
}

export function toAppError(err: unknown, request: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  if (isDatabaseUnavailable(err)) {
    request.log.warn({ err }, "database unavailable");
    return new AppError("SERVICE_UNAVAILABLE", "The service is briefly unavailable; try again in a moment", undefined, {
      "retry-after": "2",
    });
  }
  const fe = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe) || fe.validation) {
    return new AppError("VALIDATION_ERROR", "Some fields are invalid", validationDetails(fe));
  }
  const known = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (known) return new AppError(known.code, known.message);
  if (err instanceof SyntaxError && fe.statusCode === 400) {
    return new AppError("VALIDATION_ERROR", "The request body is not valid JSON");
  }
  if (isResponseSerializationError(fe)) {
    request.log.error({ err: fe, issues: fe.cause?.issues }, "response did not match its schema");
  } else if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code: ErrorCode =
      fe.statusCode === 413
        ? "PAYLOAD_TOO_LARGE"
        : fe.statusCode === 415
          ? "UNSUPPORTED_MEDIA_TYPE"
          : "VALIDATION_ERROR";
    return new AppError(code, fe.message);
  } else {
    request.log.error({ err }, "unhandled error");
  }
  return new AppError(
    "INTERNAL_ERROR",
    "Something went wrong on our side. Quote this request id if you contact support.",
    {
      request_id: request.id,
    },
  );
}

interface RouteShape {
  methods: string[];
  pattern: RegExp;
}

/** Error handler, 404 and 405, all in the envelope. */
export function registerErrorHandling(app: FastifyInstance, reporter?: ErrorReporter): void {
  const routes: RouteShape[] = [];
  app.addHook("onRoute", (route) => {
    if (route.url === "*") return; // the CORS preflight catch-all answers OPTIONS anywhere
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).map(String);
    const source = route.url
      .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
      .replace(/:[A-Za-z0-9_]+/g, "[^/]+")
      .replace(/\*/g, ".*");
    routes.push({ methods, pattern: new RegExp(`^${source}/?$`) });
  });

  app.setErrorHandler((err, request, reply) => {
    const appError = toAppError(err, request);
    // Unexpected failures (the INTERNAL_ERROR envelope) reach the error tracker; expected refusals never do.
    if (reporter?.enabled && appError.code === "INTERNAL_ERROR") {
      reporter.capture(err, {
        requestId: request.id,
        route: request.routeOptions.url ?? "unmatched",
        method: request.method,
        userId: request.auth?.userId ?? null,
      });
    }
    if (appError.status >= 500 && appError.code !== "INTERNAL_ERROR" && appError.code !== "SERVICE_UNAVAILABLE")
      request.log.warn({ code: appError.code }, appError.message);
    return sendError(reply, appError);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods))];
    // The route exists for this method but found nothing (a static file that isn't there): a plain 404.
    if (allowed.includes(request.method)) return sendError(reply, new AppError("NOT_FOUND", `Nothing at ${path}`));
    if (allowed.length > 0) {
      return sendError(
        reply,
        new AppError(
          "METHOD_NOT_ALLOWED",
          `${request.method} is not allowed on ${path}`,
          { allowed },
          {
            allow: allowed.join(", "),
          },
        ),
      );
    }
    return sendError(reply, new AppError("NOT_FOUND", `No route for ${request.method} ${path}`));
  });
}
