import type { Event } from "@sentry/nextjs";
import type { SentrySettings } from "@/env";

/** Query parameters are dropped whole: links carry tokens (`?token=`), signatures and emails. */
const stripQuery = (url: string) => url.replace(/[?#].*$/, "");

/**
 * What leaves the web app: no request bodies, cookies, headers or query strings, and no user fields (the web
 * app knows only a session; the API reports user ids). Shared by the browser and the server SDK.
 */
export function scrubEvent<T extends Event>(event: T): T {
  if (event.request) {
    delete event.request.data;
    delete event.request.cookies;
    delete event.request.headers;
    delete event.request.query_string;
    if (event.request.url) event.request.url = stripQuery(event.request.url);
  }
  delete event.user;
  // captureRequestError copies the request's path, query included, into the nextjs context.
  const nextjs = event.contexts?.nextjs;
  if (nextjs && typeof nextjs.request_path === "string") nextjs.request_path = stripQuery(nextjs.request_path);
  for (const crumb of event.breadcrumbs ?? []) {
    if (crumb.data) {
      for (const key of ["url", "from", "to"]) {
        if (typeof crumb.data[key] === "string") crumb.data[key] = stripQuery(crumb.data[key]);
      }
    }
  }
  return event;
}

/** The SDK's options for either runtime: release and environment tags, no PII, the scrubber last. */
export function sentryOptions(settings: SentrySettings) {
  return {
    dsn: settings.dsn,
    environment: settings.environment,
    ...(settings.release ? { release: settings.release } : {}),
    tracesSampleRate: settings.tracesSampleRate,
    sendDefaultPii: false,
    beforeSend: <T extends Event>(event: T) => scrubEvent(event),
  };
}
