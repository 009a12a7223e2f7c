import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { siteOrigin } from "@/features/courses/site-origin";
import { config, proxy } from "@/proxy";
import { contentSecurityPolicy } from "./security-headers";

const directive = (policy: string, name: string) =>
  policy
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

describe("pages", () => {
  it("carry a CSP whose scripts need this response's nonce, and can't be framed", () => {
    const response = proxy(new NextRequest("http://localhost:3000/courses"));
    const policy = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(directive(policy, "script-src")).not.toContain("'unsafe-inline'");
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    // Next.js reads the nonce from the request's copy of the policy; the layout from x-nonce.
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("get a different nonce on every response", () => {
    const a = proxy(new NextRequest("http://localhost:3000/")).headers.get("content-security-policy");
    const b = proxy(new NextRequest("http://localhost:3000/")).headers.get("content-security-policy");
    expect(a).not.toBe(b);
  });

  it("allow eval only in development", () => {
    expect(directive(contentSecurityPolicy("n", { dev: false }), "script-src")).not.toContain("unsafe-eval");
    expect(directive(contentSecurityPolicy("n", { dev: true }), "script-src")).toContain("'unsafe-eval'");
  });

  it("are matched, the API gateway and build assets are not", () => {
    const source = new RegExp(`^${config.matcher[0]?.source}$`);
    expect(source.test("/courses")).toBe(true);
    expect(source.test("/")).toBe(true);
    expect(source.test("/api/v1/courses")).toBe(false);
    expect(source.test("/media/demo/a.webm")).toBe(false);
    expect(source.test("/_next/static/chunks/a.js")).toBe(false);
  });
});

describe("canonical and og URLs", () => {
  const saved = process.env.APP_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.APP_URL;
    else process.env.APP_URL = saved;
  });

  it("are built from APP_URL, not from the request's host headers", () => {
    process.env.APP_URL = "https://learn.example.com/";
    expect(siteOrigin()).toBe("https://learn.example.com");
  });
});
