import type { Instrumentation } from "next";
import { nextRuntime, serverSentrySettings } from "@/env";

/**
 * Next.js calls register() once per server process: with SENTRY_DSN set, the Sentry SDK starts on the Node.js
 * runtime (no network when it is unset: the SDK is not even loaded).
 */
export async function register() {
  const settings = serverSentrySettings();
  if (!settings || nextRuntime() !== "nodejs") return;
  const Sentry = await import("@sentry/nextjs");
  const { sentryOptions } = await import("@/lib/sentry");
  Sentry.init(sentryOptions(settings));
}

/** Errors thrown while rendering a page or running a route handler, with the route template. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (!serverSentrySettings() || nextRuntime() !== "nodejs") return;
  const Sentry = await import("@sentry/nextjs");
  Sentry.captureRequestError(error, request, context);
};
