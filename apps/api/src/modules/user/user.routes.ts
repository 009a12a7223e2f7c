import { profileUpdateSchema, userResultSchema } from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import type { UserService } from "./user.service.js";

export function userRoutes(app: FastifyInstance, opts: { service: UserService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { service } = opts;
  const tags = ["users"];
  const security = [{ bearerAuth: [] }];

  // PATCH /users/me – name, bio, level and learning goals (email and password have their own routes)
  r.patch(
    "/users/me",
    {
      config: { auth: {} },
      schema: {
        tags,
        security,
        summary: "Edit your profile",
        body: profileUpdateSchema,
        response: responds(userResultSchema),
      },
    },
    async (request) =>
      ok({ user: await service.updateProfile(currentAuth(request).userId, request.body) }, "Profile saved"),
  );

  // GET /users/me/export – everything held about the caller, as a JSON download
  r.get(
    "/users/me/export",
    {
      config: { auth: {} },
      schema: {
        tags,
        security,
        summary: "Download your data",
        description: "The envelope's data is the whole export; Content-Disposition names a file to save it as.",
        response: responds(z.record(z.string(), z.unknown())),
      },
    },
    async (request, reply) => {
      const { filename, body } = await service.exportData(currentAuth(request).userId);
      reply.header("content-disposition", `attachment; filename="${filename}"`);
      return ok(body);
    },
  );
}
