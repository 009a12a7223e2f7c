import { courseProgressSchema, progressSchema, progressUpdateSchema, userProgressSchema } from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { unauthorized } from "../../lib/errors.js";
import { ok, responds } from "../../lib/reply.js";
import { adoptSession, currentAuth, sessionClaims } from "../../plugins/auth.js";
import type { ProgressService } from "./progress.service.js";

const idParams = z.object({ id: z.uuid() });

export function progressRoutes(app: FastifyInstance, opts: { service: ProgressService }) {
  const { service } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["progress"];
  const security = [{ bearerAuth: [] }];
  const learner = { config: { auth: {} } };

  // POST /lessons/:id/start – enrolled learners; the first start is a lesson_start event
  r.post(
    "/lessons/:id/start",
    {
      ...learner,
      schema: {
        tags,
        security,
        summary: "Start (or return to) a lesson",
        params: idParams,
        response: responds(progressSchema),
      },
    },
    async (request) => ok(await service.start(currentAuth(request), request.params.id)),
  );

  // PUT /lessons/:id/progress – one atomic write; send the segment just watched to count real viewing.
  // The hottest write: the session is checked in the same query as the lesson and the enrollment.
  r.put(
    "/lessons/:id/progress",
    {
      config: { auth: {}, sessionInHandler: true },
      schema: {
        tags,
        security,
        summary: "Report viewing progress",
        params: idParams,
        body: progressUpdateSchema,
        response: responds(progressSchema),
      },
    },
    async (request) => {
      const claims = await sessionClaims(request);
      if (!claims) throw unauthorized();
      const { auth, progress, buffered } = await service.update(claims, request.params.id, request.body);
      adoptSession(request, auth);
      request.wroteNothing = buffered;
      return ok(progress, "Progress saved");
    },
  );

  // GET /lessons/:id/progress – the caller's progress on a lesson (resume point included)
  r.get(
    "/lessons/:id/progress",
    {
      ...learner,
      schema: {
        tags,
        security,
        summary: "My progress on a lesson",
        params: idParams,
        response: responds(progressSchema),
      },
    },
    async (request) => ok(await service.forLesson(currentAuth(request), request.params.id)),
  );

  // POST /lessons/:id/complete – idempotent; a video needs ≥ 90% really watched (409 with what is left)
  r.post(
    "/lessons/:id/complete",
    {
      ...learner,
      schema: { tags, security, summary: "Complete a lesson", params: idParams, response: responds(progressSchema) },
    },
    async (request) => ok(await service.complete(currentAuth(request), request.params.id), "Lesson completed"),
  );

  // GET /courses/:id/progress – the caller's progress on each lesson of a course they are enrolled in
  r.get(
    "/courses/:id/progress",
    {
      ...learner,
      schema: {
        tags,
        security,
        summary: "My progress in a course, lesson by lesson",
        params: idParams,
        response: responds(courseProgressSchema),
      },
    },
    async (request) => ok(await service.forCourse(currentAuth(request), request.params.id)),
  );

  // GET /progress/user/:user_id – that user or an admin
  r.get(
    "/progress/user/:user_id",
    {
      ...learner,
      schema: {
        tags,
        security,
        summary: "A user's progress in each course",
        params: z.object({ user_id: z.uuid() }),
        response: responds(userProgressSchema),
      },
    },
    async (request) => ok(await service.forUser(currentAuth(request), request.params.user_id)),
  );
}
