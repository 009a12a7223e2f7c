import * as Sentry from "@sentry/nextjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSentryReceiver } from "../../../test-support/sentry-receiver";
import { onRequestError, register } from "./instrumentation";

// What must never leave the process. Kept up here: the SDK sends source lines around each stack frame, and these
// are runtime data, not code.
const SECRETS = {
  token: "secret-reset-token",
  email: "sam@example.com",
  cookie: "refresh-cookie-value",
  bearer: "access-token-value",
  ip: "203.0.113.9",
};

let receiver: Awaited<ReturnType<typeof startSentryReceiver>>;
beforeAll(async () => {
  receiver = await startSentryReceiver();
  Object.assign(process.env, {
    SENTRY_DSN: receiver.dsn,
    SENTRY_ENVIRONMENT: "staging",
    SENTRY_RELEASE: "web@1.2.3",
    NEXT_RUNTIME: "nodejs",
  });
  await register();
});
afterAll(async () => {
  await Sentry.close(2000);
  for (const name of ["SENTRY_DSN", "SENTRY_ENVIRONMENT", "SENTRY_RELEASE", "NEXT_RUNTIME"]) delete process.env[name];
  await receiver?.close();
});

describe("web Sentry (server side)", () => {
  it("reports a route's error to the loopback receiver with release, environment and route, and no PII", async () => {
    await onRequestError(
      new Error("course page failed to render"),
      {
        path: `/courses/abc?token=${SECRETS.token}&email=${encodeURIComponent(SECRETS.email)}`,
        method: "GET",
        headers: {
          cookie: `lumen_refresh=${SECRETS.cookie}`,
          authorization: `Bearer ${SECRETS.bearer}`,
          "x-forwarded-for": SECRETS.ip,
        },
      },
      {
        routerKind: "App Router",
        routePath: "/courses/[id]",
        routeType: "render",
        renderSource: "react-server-components",
        revalidateReason: undefined,
      },
    );
    await Sentry.flush(5000);
    const event = (await receiver.waitFor("event")).payload as {
      environment?: string;
      release?: string;
      exception?: { values?: Array<{ value?: string }> };
      contexts?: { nextjs?: { route_type?: string; router_path?: string } };
    };
    expect(event.exception?.values?.[0]?.value).toBe("course page failed to render");
    expect(event.environment).toBe("staging");
    expect(event.release).toBe("web@1.2.3");
    expect(event.contexts?.nextjs).toMatchObject({ router_path: "/courses/[id]", route_type: "render" });
    const raw = receiver.envelopes.map((e) => e.raw).join("\n");
    for (const secret of [...Object.values(SECRETS), encodeURIComponent(SECRETS.email)]) {
      expect(raw).not.toContain(secret);
    }
  });
});
