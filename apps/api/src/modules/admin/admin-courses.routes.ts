import {
  adminCourseListQuerySchema,
  adminCourseModerationSchema,
  adminCourseResultSchema,
  adminCourseSchema,
  pageOf,
} from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { decodeCursor, isTimeCursor } from "../../lib/cursor.js";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import { requestMeta } from "../auth/auth.routes.js";
import type { AdminCourseService } from "./admin-courses.service.js";

const STATUS_WORDS = { draft: "unpublished (draft)", published: "published", archived: "archived" } as const;

export function adminCourseRoutes(app: FastifyInstance, opts: { service: AdminCourseService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const guard = { config: { auth: { roles: ["admin"] } } } as const;
  const tags = ["admin"];
  const security = [{ bearerAuth: [] }];

  // GET /admin/courses?q&status – every course in any status, newest first, keyset pagination
  r.get(
    "/admin/courses",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "List all courses, drafts and archived ones included",
        querystring: adminCourseListQuerySchema,
        response: responds(pageOf(adminCourseSchema)),
      },
    },
    async (request) => {
      const { q, status, limit, cursor } = request.query;
      const after = cursor ? decodeCursor(cursor, isTimeCursor) : undefined;
      return ok(await opts.service.list({ q, status, limit, after }));
    },
  );

  // PUT /admin/courses/:id – moderation: unpublish (even with learners), archive or republish; a security event
  r.put(
    "/admin/courses/:id",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Moderate a course: change its status, with an optional reason for the security log",
        params: z.object({ id: z.uuid() }),
        body: adminCourseModerationSchema,
        response: responds(adminCourseResultSchema),
      },
    },
    async (request) => {
      const { course, changed } = await opts.service.moderate(
        currentAuth(request),
        request.params.id,
        request.body,
        requestMeta(request),
      );
      const words = STATUS_WORDS[course.status];
      return ok({ course }, changed ? `Course ${words}` : `The course was already ${words}`);
    },
  );
}
