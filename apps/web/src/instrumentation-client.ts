import { clientSentrySettings } from "@/env";

// Browser errors go to Sentry when NEXT_PUBLIC_SENTRY_DSN was set at build time; otherwise the SDK's chunk is
// never loaded.
const settings = clientSentrySettings();
if (settings) {
  void Promise.all([import("@sentry/nextjs"), import("@/lib/sentry")]).then(([Sentry, { sentryOptions }]) =>
    Sentry.init(sentryOptions(settings)),
  );
}
