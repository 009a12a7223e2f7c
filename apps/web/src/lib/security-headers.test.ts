import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { THEME_SCRIPT } from "@/components/theme-toggle";
import { siteOrigin } from "@/features/courses/site-origin";
import { config, isCachedPage, proxy } from "@/proxy";
import { contentSecurityPolicy, THEME_SCRIPT_HASH } from "./security-headers";

const directive = (policy: string, name: string) =>
  policy
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

describe("pages", () => {
  it("carry a CSP whose scripts need this response's nonce, and can't be framed", () => {
    const response = proxy(new NextRequest("http://localhost:3000/dashboard"));
    const policy = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(directive(policy, "script-src")).not.toContain("'unsafe-inline'");
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    // Next.js reads the nonce from the request's copy of the policy.
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("get a different nonce on every response", () => {
    const a = proxy(new NextRequest("http://localhost:3000/login")).headers.get("content-security-policy");
    const b = proxy(new NextRequest("http://localhost:3000/login")).headers.get("content-security-policy");
    expect(a).not.toBe(b);
  });

  it("allow the root layout's theme script by its hash, which is the script's", () => {
    const digest = createHash("sha256").update(THEME_SCRIPT).digest("base64");
    expect(THEME_SCRIPT_HASH).toBe(`'sha256-${digest}'`);
    const policy = proxy(new NextRequest("http://localhost:3000/login")).headers.get("content-security-policy") ?? "";
    expect(directive(policy, "script-src")).toContain(THEME_SCRIPT_HASH);
  });

  it("served from the cache carry no nonce (the same bytes go to everyone) but keep every other rule", () => {
    for (const url of ["/", "/courses", "/courses/3f1c0b5e-8d2a-4c1e-9a55-0d5b7c1e2f30", "/courses?utm_source=x"]) {
      const response = proxy(new NextRequest(`http://localhost:3000${url}`));
      const policy = response.headers.get("content-security-policy") ?? "";
      expect(directive(policy, "script-src")?.replace(" 'unsafe-eval'", ""), url).toBe(
        "script-src 'self' 'unsafe-inline'",
      );
      expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
      expect(directive(policy, "object-src")).toBe("object-src 'none'");
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBeNull();
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("are cached only for the landing page, the catalog's first view and course pages", () => {
    expect(["/", "/courses", "/courses/abc"].filter(isCachedPage)).toEqual(["/", "/courses", "/courses/abc"]);
    const perRequest = ["/courses/search", "/courses/abc/x", "/login", "/dashboard", "/pricing", "/instructors/a"];
    expect(perRequest.filter(isCachedPage)).toEqual([]);
  });

  it("show a catalog search, filter, order or later page from the per-request view, with a nonce", () => {
    for (const query of ["q=sql", "level=beginner", "price=free", "sort=popular", "cursor=abc", "category=Data"]) {
      const response = proxy(new NextRequest(`http://localhost:3000/courses?${query}`));
      const rewrite = new URL(response.headers.get("x-middleware-rewrite") ?? "http://x/none");
      expect(rewrite.pathname, query).toBe("/courses/search");
      expect(rewrite.search).toBe(`?${query}`);
      expect(response.headers.get("content-security-policy")).toMatch(/'nonce-/);
    }
    const plain = proxy(new NextRequest("http://localhost:3000/courses?sort=newest"));
    expect(plain.headers.get("x-middleware-rewrite")).toBeNull();
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
    // Prefetches of the catalog are rewritten too, or a prefetched filtered view would be the unfiltered one.
    expect(config.matcher[1]).toEqual({ source: "/courses" });
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
