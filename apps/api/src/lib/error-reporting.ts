import * as Sentry from "@sentry/node";
import { redactUrl } from "../logger.js";

export interface SentrySettings {
  dsn: string;
  environment: string;
  release?: string | undefined;
  tracesSampleRate: number;
  /** "api" or "worker": a tag on every event. */
  component: string;
}

export interface ErrorContext {
  requestId?: string;
  route?: string;
  method?: string;
  userId?: string | null;
  /** Jobs: the job's name and id. */
  job?: { name: string; id: string };
}

/** Unhandled errors go to Sentry when configured; without a DSN nothing is sent and nothing is loaded twice. */
export interface ErrorReporter {
  readonly enabled: boolean;
  capture(err: unknown, context: ErrorContext): void;
  flush(timeoutMs?: number): Promise<boolean>;
}

const SENSITIVE_HEADER = /^(authorization|cookie|set-cookie|x-gateway-secret|x-api-key|stripe-signature)$/i;

/**
 * What leaves the process: no request bodies, cookies, credentials or query secrets, and of the user only the id.
 * Exported for the test that checks it on a real envelope.
 */
export function scrubEvent<T extends Sentry.Event>(event: T): T {
  if (event.request) {
    delete event.request.data;
    delete event.request.cookies;
    if (event.request.url) event.request.url = redactUrl(event.request.url);
    if (typeof event.request.query_string === "string") {
      event.request.query_string = redactUrl(`?${event.request.query_string}`).slice(1);
    } else {
      delete event.request.query_string;
    }
    if (event.request.headers) {
      for (const name of Object.keys(event.request.headers)) {
        if (SENSITIVE_HEADER.test(name)) delete event.request.headers[name];
      }
    }
  }
  if (event.user) event.user = event.user.id === undefined ? {} : { id: event.user.id };
  for (const crumb of event.breadcrumbs ?? []) {
    if (crumb.data && typeof crumb.data.url === "string") crumb.data.url = redactUrl(crumb.data.url);
  }
  return event;
}

const disabled: ErrorReporter = {
  enabled: false,
  capture() {},
  flush: async () => true,
};

/** Initialises the process-wide Sentry client (once per process: the API server, the worker, a test file). */
export function createErrorReporter(settings: SentrySettings | null): ErrorReporter {
  if (!settings) return disabled;
  Sentry.init({
    dsn: settings.dsn,
    environment: settings.environment,
    ...(settings.release ? { release: settings.release } : {}),
    tracesSampleRate: settings.tracesSampleRate,
    // Collect no personal data at the source; scrubEvent below is the second line of defence.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: {
        request: { deny: ["authorization", "cookie", "x-gateway-secret", "stripe-signature"] },
        response: false,
      },
      httpBodies: [],
      urlQueryParams: false,
      genAI: { inputs: false, outputs: false },
    },
    initialScope: { tags: { component: settings.component } },
    // Fastify stays traced, but which errors are reported is the API's call (only its INTERNAL_ERRORs, with tags).
    integrations: [Sentry.fastifyIntegration({ shouldHandleError: () => false })],
    beforeSend: (event) => scrubEvent(event),
    beforeSendTransaction: (event) => scrubEvent(event),
    beforeBreadcrumb: (crumb) => {
      if (crumb.data && typeof crumb.data.url === "string") crumb.data.url = redactUrl(crumb.data.url);
      return crumb;
    },
  });
  return {
    enabled: true,
    capture(err, context) {
      const tags: Record<string, string> = {};
      if (context.requestId) tags.request_id = context.requestId;
      if (context.route) tags.route = context.route;
      if (context.method) tags.method = context.method;
      if (context.job) Object.assign(tags, { job: context.job.name, job_id: context.job.id });
      Sentry.captureException(err, { tags, user: context.userId ? { id: context.userId } : {} });
    },
    flush: (timeoutMs = 2000) => Sentry.flush(timeoutMs),
  };
}
