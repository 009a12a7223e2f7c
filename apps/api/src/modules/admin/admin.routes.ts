import {
  adminUserListQuerySchema,
  adminUserUpdateSchema,
  pageOf,
  securityEventQuerySchema,
  securityEventSchema,
  userResultSchema,
  userSchema,
} from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { decodeCursor, isTimeCursor } from "../../lib/cursor.js";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import { requestMeta } from "../auth/auth.routes.js";
import type { AdminService } from "./admin.service.js";

export function adminRoutes(app: FastifyInstance, opts: { service: AdminService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const guard = { config: { auth: { roles: ["admin"] } } } as const;
  const tags = ["admin"];
  const security = [{ bearerAuth: [] }];

  // GET /admin/users?q&role – newest first, keyset pagination
  r.get(
    "/admin/users",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "List users",
        querystring: adminUserListQuerySchema,
        response: responds(pageOf(userSchema)),
      },
    },
    async (request) => {
      const { q, role, limit, cursor } = request.query;
      const after = cursor ? decodeCursor(cursor, isTimeCursor) : undefined;
      return ok(await opts.service.listUsers({ q, role, limit, after }));
    },
  );

  // PUT /admin/users/:id – role, premium, disabled; each change is a security event
  r.put(
    "/admin/users/:id",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Change a user's role, premium status or disabled flag",
        params: z.object({ id: z.uuid() }),
        body: adminUserUpdateSchema,
        response: responds(userResultSchema),
      },
    },
    async (request) => {
      const user = await opts.service.updateUser(
        currentAuth(request).userId,
        request.params.id,
        request.body,
        requestMeta(request),
      );
      return ok({ user }, "User updated");
    },
  );

  // GET /admin/security-events?type&user_id|user_email&from&to – newest first, with the emails of those involved
  r.get(
    "/admin/security-events",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Security events, newest first",
        querystring: securityEventQuerySchema,
        response: responds(pageOf(securityEventSchema)),
      },
    },
    async (request) => {
      const { type, user_id, user_email, from, to, limit, cursor } = request.query;
      const after = cursor ? decodeCursor(cursor, isTimeCursor) : undefined;
      return ok(
        await opts.service.securityEvents({ type, userId: user_id, userEmail: user_email, from, to, limit, after }),
      );
    },
  );
}
