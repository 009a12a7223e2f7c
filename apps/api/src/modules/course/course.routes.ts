import { courseListQuerySchema, courseSummarySchema, pageOf } from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ok, responds } from "../../lib/reply.js";
import type { CourseService } from "./course.service.js";

export function courseRoutes(app: FastifyInstance, opts: { service: CourseService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // GET /courses – the public catalog: published courses, filtered, sorted, keyset-paginated
  r.get(
    "/courses",
    {
      schema: {
        tags: ["courses"],
        summary: "List published courses",
        querystring: courseListQuerySchema,
        response: responds(pageOf(courseSummarySchema)),
      },
    },
    async (request) => ok(await opts.service.listPublished(request.query)),
  );
}
