import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, registerErrorHandling } from "./error-handler.js";

/** A driver error as Drizzle throws it: wrapped, with the driver's error as the cause. */
const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: select 1"), { cause });
const withCode = (code: string, message = "driver error") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("recognises a database that is down, unreachable, restarting or past its deadline", () => {
    expect(isDatabaseUnavailable(wrapped(withCode("ECONNREFUSED")))).toBe(true);
    expect(
      isDatabaseUnavailable(wrapped(withCode("57P01", "terminating connection due to administrator command"))),
    ).toBe(true);
    expect(isDatabaseUnavailable(withCode("08006"))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(withCode("57014", "canceling statement due to statement timeout")))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(wrapped(new Error("Connection terminated due to connection timeout")))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new Error("Query read timeout")))).toBe(true);
  });

  it("leaves errors of the query itself alone", () => {
    expect(isDatabaseUnavailable(wrapped(withCode("23505", "duplicate key value")))).toBe(false);
    expect(isDatabaseUnavailable(wrapped(withCode("42601", "syntax error")))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
  });
});

describe("the error handler", () => {
  it("answers 503 SERVICE_UNAVAILABLE with Retry-After when the database can't be reached", async () => {
    const app = Fastify({ logger: false });
    registerErrorHandling(app);
    app.get("/x", async () => {
      throw wrapped(withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432"));
    });
    const res = await app.inject({ method: "GET", url: "/x" });
    expect(res.statusCode).toBe(503);
    expect(res.headers["retry-after"]).toBe("2");
    expect(res.json()).toMatchObject({ success: false, error: { code: "SERVICE_UNAVAILABLE" } });
    expect(res.body).not.toContain("127.0.0.1");
  });
});
