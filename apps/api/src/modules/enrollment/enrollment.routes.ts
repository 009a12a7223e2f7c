import { enrollmentSchema, myEnrollmentListSchema } from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import type { EnrollmentService } from "./enrollment.service.js";

const idParams = z.object({ id: z.uuid() });

export function enrollmentRoutes(app: FastifyInstance, opts: { service: EnrollmentService }) {
  const { service } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["enrollments"];
  const security = [{ bearerAuth: [] }];

  // POST /courses/:id/enroll – idempotent; premium courses need premium_status or an admin grant
  r.post(
    "/courses/:id/enroll",
    {
      config: { auth: {} },
      schema: {
        tags,
        security,
        summary: "Enroll in a course",
        params: idParams,
        response: { ...responds(enrollmentSchema, 201), ...responds(enrollmentSchema, 200) },
      },
    },
    async (request, reply) => {
      const { enrollment, created } = await service.enroll(currentAuth(request), request.params.id);
      return reply.code(created ? 201 : 200).send(ok(enrollment, created ? "Enrolled" : "Already enrolled"));
    },
  );

  // DELETE /courses/:id/enroll – leave the course; progress is kept
  r.delete(
    "/courses/:id/enroll",
    {
      config: { auth: {} },
      schema: {
        tags,
        security,
        summary: "Leave a course (progress is kept)",
        params: idParams,
        response: responds(enrollmentSchema),
      },
    },
    async (request) => ok(await service.unenroll(currentAuth(request), request.params.id), "Left the course"),
  );

  // GET /enrollments/me – my courses with progress, last access and the lesson to continue with (one query)
  r.get(
    "/enrollments/me",
    {
      config: { auth: {} },
      schema: {
        tags,
        security,
        summary: "My courses",
        response: responds(myEnrollmentListSchema),
      },
    },
    async (request) => ok({ items: await service.mine(currentAuth(request)) }),
  );

  // POST /admin/courses/:id/grants – admin: access to a paid course without premium
  r.post(
    "/admin/courses/:id/grants",
    {
      config: { auth: { roles: ["admin"] } },
      schema: {
        tags: ["admin"],
        security,
        summary: "Grant a user access to a paid course",
        params: idParams,
        body: z.object({ user_id: z.uuid() }),
        response: responds(z.null(), 201),
      },
    },
    async (request, reply) => {
      await service.grant(currentAuth(request), request.params.id, request.body.user_id);
      return reply.code(201).send(ok(null, "Access granted"));
    },
  );
}
