import type { Role } from "@lumen/contracts";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import type { AuthContext } from "../modules/auth/auth.service.js";
import { registerGuards } from "./auth.js";
import { registerErrorHandling } from "./error-handler.js";
import { errorStatuses } from "./openapi.js";

/** A bare app with the guards, where `x-role` stands for a checked session of that role. */
async function appWith(routes: (app: ReturnType<typeof Fastify>) => void) {
  const app = Fastify({ logger: false });
  registerGuards(app);
  registerErrorHandling(app);
  app.decorateRequest("auth", null);
  app.addHook("preValidation", async (request) => {
    const role = request.headers["x-role"];
    if (typeof role === "string") {
      const auth: AuthContext = { userId: "u-1", role: role as Role, sessionId: "s-1", emailVerified: true };
      request.auth = auth;
    }
  });
  routes(app);
  await app.ready();
  return app;
}

const security = [{ bearerAuth: [] }];

describe("route guards declared as config.auth", () => {
  it("refuse guests with 401 and other roles with 403 before the handler runs", async () => {
    let ran = 0;
    const app = await appWith((a) => {
      a.get("/admin", { config: { auth: { roles: ["admin"] } }, schema: { security } }, async () => {
        ran++;
        return { ok: true };
      });
    });
    expect((await app.inject({ url: "/admin" })).statusCode).toBe(401);
    expect((await app.inject({ url: "/admin", headers: { "x-role": "student" } })).statusCode).toBe(403);
    expect(ran).toBe(0);
    expect((await app.inject({ url: "/admin", headers: { "x-role": "admin" } })).statusCode).toBe(200);
    expect(ran).toBe(1);
    await app.close();
  });

  it("run first, before the route's own preHandlers", async () => {
    const seen: string[] = [];
    const app = await appWith((a) => {
      a.get(
        "/mine",
        { config: { auth: {} }, preHandler: async () => void seen.push("route preHandler") },
        async () => ({ ok: true }),
      );
    });
    expect((await app.inject({ url: "/mine" })).statusCode).toBe(401);
    expect(seen).toEqual([]);
    await app.close();
  });

  it("refuse to start a route that documents a bearer token without a guard", async () => {
    await expect(
      appWith((a) => {
        a.get("/open", { schema: { security } }, async () => ({ ok: true }));
      }),
    ).rejects.toThrow("GET /open documents a bearer token but has no config.auth guard");
  });

  it("let a route whose token is optional (security `{}`) through without a guard", async () => {
    const app = await appWith((a) => {
      a.get("/either", { schema: { security: [{}, ...security] } }, async () => ({ ok: true }));
    });
    expect((await app.inject({ url: "/either" })).statusCode).toBe(200);
    await app.close();
  });
});

describe("the OpenAPI statuses of a guarded route", () => {
  it("come from config.auth, whatever wraps its preHandlers (Sentry's tracing does)", () => {
    const wrapped = async function handlerWrapped() {};
    const route = { url: "/api/v1/courses/mine", method: "GET" as const, preHandler: [wrapped] };
    const withRoles = errorStatuses({ ...route, config: { auth: { roles: ["creator", "admin"] } } }, { security });
    expect(withRoles).toContain(403);
    expect(errorStatuses({ ...route, config: { auth: {} } }, { security })).not.toContain(403);
  });
});
