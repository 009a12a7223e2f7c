import {
  accountSessionListSchema,
  authResultSchema,
  loginBodySchema,
  logoutBodySchema,
  passwordChangeSchema,
  REFRESH_COOKIE_NAME,
  REFRESH_TOKEN_TTL_SECONDS,
  refreshBodySchema,
  registerBodySchema,
  resetPasswordBodySchema,
  revokedSessionsSchema,
  userResultSchema,
  verifyEmailQuerySchema,
} from "@lumen/contracts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import type { RequestMeta } from "../security/security.service.js";
import type { AuthService } from "./auth.service.js";

const COOKIE_PATH = "/api/v1/auth";

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.clientIp, userAgent: request.headers["user-agent"]?.slice(0, 512) ?? null };
}

export function authRoutes(app: FastifyInstance, opts: { service: AuthService; cookieSecure: boolean }) {
  const { service } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["auth"];

  // The web app keeps the refresh token in this cookie; API clients may use the JSON field instead.
  const setRefreshCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(REFRESH_COOKIE_NAME, token, {
      httpOnly: true,
      secure: opts.cookieSecure,
      sameSite: "strict",
      path: COOKIE_PATH,
      maxAge: REFRESH_TOKEN_TTL_SECONDS,
    });
  const clearRefreshCookie = (reply: FastifyReply) =>
    reply.clearCookie(REFRESH_COOKIE_NAME, {
      path: COOKIE_PATH,
      httpOnly: true,
      secure: opts.cookieSecure,
      sameSite: "strict",
    });
  const refreshFrom = (request: FastifyRequest, body: { refresh_token?: string | undefined } | null | undefined) =>
    body?.refresh_token ?? request.cookies[REFRESH_COOKIE_NAME];

  // POST /auth/register – a student account; role and other privileged fields in the body are ignored
  r.post(
    "/auth/register",
    {
      schema: {
        tags,
        summary: "Create an account",
        body: registerBodySchema,
        response: responds(authResultSchema, 201),
      },
    },
    async (request, reply) => {
      const result = await service.register(request.body, requestMeta(request));
      setRefreshCookie(reply, result.refresh_token);
      return reply.code(201).send(ok(result, "Account created. Check your email to verify your address."));
    },
  );

  // POST /auth/login – brute-force protected per account and client
  r.post(
    "/auth/login",
    { schema: { tags, summary: "Sign in", body: loginBodySchema, response: responds(authResultSchema) } },
    async (request, reply) => {
      const result = await service.login(request.body, requestMeta(request));
      setRefreshCookie(reply, result.refresh_token);
      return ok(result, "Signed in");
    },
  );

  // POST /auth/refresh – rotates the refresh token (body or cookie); a spent one revokes the family
  r.post(
    "/auth/refresh",
    {
      schema: {
        tags,
        summary: "Exchange a refresh token for a new pair",
        body: refreshBodySchema.nullish(),
        response: responds(authResultSchema),
      },
    },
    async (request, reply) => {
      try {
        const result = await service.refresh(refreshFrom(request, request.body), requestMeta(request));
        setRefreshCookie(reply, result.refresh_token);
        return ok(result, "Token refreshed");
      } catch (err) {
        clearRefreshCookie(reply);
        throw err;
      }
    },
  );

  // POST /auth/logout – ends the session of the refresh token (body, cookie, or the bearer token's session)
  r.post(
    "/auth/logout",
    { schema: { tags, summary: "Sign out", body: logoutBodySchema.nullish(), response: responds(z.null()) } },
    async (request, reply) => {
      await service.logout(refreshFrom(request, request.body), request.auth);
      clearRefreshCookie(reply);
      return ok(null, "Signed out");
    },
  );

  // GET /auth/verify-email?token= – single use, 24 h; reused after it worked: 409 already_verified
  r.get(
    "/auth/verify-email",
    {
      schema: {
        tags,
        summary: "Confirm an email address",
        description:
          "A link used again once the address is verified answers 409 CONFLICT with details.reason " +
          "`already_verified`; an unknown, expired or replaced link answers 400 VALIDATION_ERROR.",
        querystring: verifyEmailQuerySchema,
        response: responds(userResultSchema),
      },
    },
    async (request) => ok({ user: await service.verifyEmail(request.query.token) }, "Email verified"),
  );

  // POST /auth/verify-email/resend – a fresh link for the signed-in user
  r.post(
    "/auth/verify-email/resend",
    {
      config: { auth: {} },
      schema: {
        tags,
        summary: "Send a new verification email",
        security: [{ bearerAuth: [] }],
        response: responds(z.null()),
      },
    },
    async (request) => {
      await service.resendVerification(currentAuth(request).userId, requestMeta(request));
      return ok(null, "Verification email sent");
    },
  );

  // POST /auth/reset-password – {email} requests a link (same answer for unknown emails); {token, new_password} sets it
  r.post(
    "/auth/reset-password",
    {
      schema: {
        tags,
        summary: "Request a password reset, or set a new password with the emailed token",
        body: resetPasswordBodySchema,
        response: responds(z.null()),
      },
    },
    async (request) => {
      const body = request.body;
      if (body.token !== undefined && body.new_password !== undefined) {
        await service.confirmPasswordReset(body.token, body.new_password, requestMeta(request));
        return ok(null, "Password changed. Every session has been signed out; sign in with the new password.");
      }
      if (body.email !== undefined) service.requestPasswordReset(body.email, requestMeta(request));
      return ok(null, "If an account exists for this email, a reset link is on its way.");
    },
  );

  // GET /auth/me
  r.get(
    "/auth/me",
    {
      config: { auth: {} },
      schema: {
        tags,
        summary: "The signed-in user",
        security: [{ bearerAuth: [] }],
        response: responds(userResultSchema),
      },
    },
    async (request) => ok({ user: await service.me(currentAuth(request).userId) }),
  );

  const signedIn = { config: { auth: {} }, schema: { tags, security: [{ bearerAuth: [] }] } } as const;

  // POST /auth/password – change the password (the current one required); every other session ends
  r.post(
    "/auth/password",
    {
      ...signedIn,
      schema: {
        ...signedIn.schema,
        summary: "Change your password",
        body: passwordChangeSchema,
        response: responds(revokedSessionsSchema),
      },
    },
    async (request) => {
      const { signedOut } = await service.changePassword(currentAuth(request), request.body, requestMeta(request));
      const others = signedOut === 1 ? "1 other device was" : `${signedOut} other devices were`;
      return ok(
        { revoked: signedOut },
        signedOut > 0 ? `Password changed. ${others} signed out.` : "Password changed.",
      );
    },
  );

  // GET /auth/sessions – where the account is signed in (this device first)
  r.get(
    "/auth/sessions",
    {
      ...signedIn,
      schema: { ...signedIn.schema, summary: "Your active sessions", response: responds(accountSessionListSchema) },
    },
    async (request) => ok(await service.sessions(currentAuth(request))),
  );

  // POST /auth/sessions/revoke-others – "sign out other devices"
  r.post(
    "/auth/sessions/revoke-others",
    {
      ...signedIn,
      schema: { ...signedIn.schema, summary: "Sign out every other device", response: responds(revokedSessionsSchema) },
    },
    async (request) => {
      const result = await service.revokeOtherSessions(currentAuth(request), requestMeta(request));
      return ok(result, result.revoked > 0 ? "Other devices signed out" : "No other device was signed in");
    },
  );

  // DELETE /auth/sessions/:id – sign one other device out (404 unknown/ended; 409 for this very session)
  r.delete(
    "/auth/sessions/:id",
    {
      ...signedIn,
      schema: {
        ...signedIn.schema,
        summary: "Sign one device out",
        params: z.object({ id: z.uuid() }),
        response: responds(z.null()),
      },
    },
    async (request) => {
      await service.revokeSession(currentAuth(request), request.params.id, requestMeta(request));
      return ok(null, "Device signed out");
    },
  );
}
