import type { Role } from "@lumen/contracts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, forbidden, unauthorized } from "../lib/errors.js";
import type { AuthContext, AuthService } from "../modules/auth/auth.service.js";
import type { AccessClaims, TokenSigner } from "../modules/auth/tokens.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route reads Authorization itself: no user session is resolved from it. */
    ownAuthorization?: boolean;
    /**
     * The handler checks the caller's session itself, in the same prepared query as its own read (one round trip
     * instead of two on the hottest signed-in routes): the hook only checks the token, `request.auth` stays null
     * until the handler calls `adoptSession`, and `sessionClaims` gives the handler the verified claims.
     */
    sessionInHandler?: boolean;
    /**
     * The route's guard: signed in, optionally with one of `roles` and a verified email. Declared here rather than
     * as a preHandler so the OpenAPI document reads it from the route (an instrumented preHandler, such as
     * Sentry's wrapper, no longer shows which guard it holds).
     */
    auth?: AuthRequirement;
  }
  interface FastifyRequest {
    /**
     * The authenticated caller, or null for a guest. Set before any handler runs, except on `sessionInHandler`
     * routes, where the handler sets it (`adoptSession`) once its own query has checked the session.
     */
    auth: AuthContext | null;
    /** Signature-checked claims (no database check yet), shared by the rate limiter and the auth hook. */
    claims: Promise<AccessClaims | null> | null;
  }
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized("Authorization header must be 'Bearer <token>'");
  return match[1];
}

/** Verifies the signature once per request (cheap, no database); null for guests and for bad tokens. */
export function verifiedClaims(request: FastifyRequest, signer: TokenSigner): Promise<AccessClaims | null> {
  request.claims ??= (async () => {
    try {
      const token = bearer(request);
      return token ? await signer.verify(token) : null;
    } catch {
      return null;
    }
  })();
  return request.claims;
}

/**
 * Resolves `request.auth` for every request that carries a bearer token. A token that is present but
 * invalid, expired, revoked, or of a disabled account is a 401 even on public routes, so clients know to refresh.
 */
export function registerAuth(app: FastifyInstance, service: Pick<AuthService, "verify" | "authenticate">): void {
  app.decorateRequest("auth", null);
  app.decorateRequest("claims", null);
  app.addHook("preValidation", async (request) => {
    // A route that checks its own Authorization header (the metrics scrape token) opts out.
    if (request.routeOptions.config?.ownAuthorization) return;
    const token = bearer(request);
    if (!token) return;
    // The rate limiter has usually checked the signature already; a failed check is repeated for its reason.
    const claims = (await request.claims) ?? (await service.verify(token));
    request.claims = Promise.resolve(claims);
    if (request.routeOptions.config?.sessionInHandler) return;
    request.auth = await service.authenticate(claims);
  });
}

/**
 * On a `sessionInHandler` route: the caller's verified claims (signature and expiry only, the session is not
 * checked yet), or null for a guest. The handler must check the session with `authContextOf` before using them.
 */
export async function sessionClaims(request: FastifyRequest): Promise<AccessClaims | null> {
  if (!request.routeOptions.config?.sessionInHandler) throw new Error("sessionClaims outside a sessionInHandler route");
  return request.headers.authorization ? ((await request.claims) ?? null) : null;
}

/** On a `sessionInHandler` route: the checked caller, for everything after the handler (logs, read-your-writes). */
export function adoptSession(request: FastifyRequest, auth: AuthContext): AuthContext {
  request.auth = auth;
  return auth;
}

export interface AuthRequirement {
  roles?: readonly Role[];
  verifiedEmail?: boolean;
}

/** Enforces `auth` on a route: signed in, optionally with one of `roles` and a verified email. */
function guardFor(opts: AuthRequirement) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const auth = request.auth;
    if (!auth && request.routeOptions.config?.sessionInHandler) {
      // The handler checks the session (and can't check roles here): a guest is still refused before it runs.
      if (!(await request.claims)) throw unauthorized();
      return;
    }
    if (!auth) throw unauthorized();
    if (opts.roles && !opts.roles.includes(auth.role)) throw forbidden();
    if (opts.verifiedEmail && !auth.emailVerified) {
      throw new AppError("EMAIL_NOT_VERIFIED", "Verify your email address first: check your inbox for the link");
    }
  };
}

/**
 * Puts each route's `config.auth` guard first among its preHandlers. Registered right after the app is created, so
 * no route is declared before it: a route that asks for a guard always gets it.
 */
export function registerGuards(app: FastifyInstance): void {
  app.addHook("onRoute", (route) => {
    const requirement = route.config?.auth;
    if (!requirement) {
      // Documented as needing a bearer token (not optionally, `{}`), yet unguarded: a mistake, refused at startup.
      const security = (route.schema as { security?: Array<Record<string, unknown>> } | undefined)?.security;
      const optional = security?.some((entry) => Object.keys(entry).length === 0);
      if (security && !optional && !route.config?.ownAuthorization) {
        throw new Error(`${route.method} ${route.url} documents a bearer token but has no config.auth guard`);
      }
      return;
    }
    if (route.config?.sessionInHandler && (requirement.roles || requirement.verifiedEmail)) {
      throw new Error(`${route.url}: a sessionInHandler route can only ask for a session (auth: {})`);
    }
    route.preHandler = [guardFor(requirement), ...[route.preHandler ?? []].flat()];
  });
}

/** The caller's context inside a guarded handler. */
export function currentAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthorized();
  return request.auth;
}
