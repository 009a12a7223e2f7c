import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { helmetHeaders, registerSecurityHeaders } from "./security-headers.js";

const options = {
  contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", "data:"] } },
  crossOriginResourcePolicy: { policy: "same-site" as const },
};

describe("security headers", () => {
  it("are helmet's for the options, worked out once", () => {
    const headers = helmetHeaders(options);
    expect(headers["content-security-policy"]).toBe(
      "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';" +
        "img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' https: " +
        "'unsafe-inline';upgrade-insecure-requests",
    );
    expect(headers).toMatchObject({
      "cross-origin-resource-policy": "same-site",
      "x-content-type-options": "nosniff",
      "x-frame-options": "SAMEORIGIN",
      "strict-transport-security": "max-age=31536000; includeSubDomains",
      "referrer-policy": "no-referrer",
    });
    expect(Object.keys(headers)).not.toContain("x-powered-by");
  });

  it("refuses options helmet refuses", () => {
    expect(() =>
      helmetHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'; script-src *"] } } }),
    ).toThrow();
  });

  it("are on every answer: success, not found and error", async () => {
    const app = Fastify();
    registerSecurityHeaders(app, options);
    app.get("/ok", async () => ({ ok: true }));
    app.get("/boom", async () => {
      throw new Error("boom");
    });
    for (const url of ["/ok", "/missing", "/boom"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["cross-origin-resource-policy"]).toBe("same-site");
    }
    await app.close();
  });
});
