import {
  lessonCreateSchema,
  lessonOrderSchema,
  lessonSchema,
  lessonUpdateSchema,
  moduleCreateSchema,
  moduleListSchema,
  moduleSchema,
  moduleUpdateSchema,
  reorderSchema,
} from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import type { LessonService } from "./lesson.service.js";

const idParams = z.object({ id: z.uuid() });

export function lessonRoutes(app: FastifyInstance, opts: { service: LessonService }) {
  const { service } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ bearerAuth: [] }];
  const owner = { config: { auth: {} } };
  const mt = ["modules"];
  const lt = ["lessons"];

  // POST /courses/:id/modules – owner or admin; appended, or inserted at `position`
  r.post(
    "/courses/:id/modules",
    {
      ...owner,
      schema: {
        tags: mt,
        security,
        summary: "Add a module",
        params: idParams,
        body: moduleCreateSchema,
        response: responds(moduleSchema, 201),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(ok(await service.createModule(currentAuth(request), request.params.id, request.body), "Module added")),
  );

  // POST /courses/:id/modules/reorder – {ids} in the new order (every module once)
  r.post(
    "/courses/:id/modules/reorder",
    {
      ...owner,
      schema: {
        tags: mt,
        security,
        summary: "Reorder modules",
        params: idParams,
        body: reorderSchema,
        response: responds(moduleListSchema),
      },
    },
    async (request) =>
      ok(await service.reorderModules(currentAuth(request), request.params.id, request.body.ids), "Modules reordered"),
  );

  // PUT /modules/:id
  r.put(
    "/modules/:id",
    {
      ...owner,
      schema: {
        tags: mt,
        security,
        summary: "Rename a module",
        params: idParams,
        body: moduleUpdateSchema,
        response: responds(moduleSchema),
      },
    },
    async (request) =>
      ok(await service.updateModule(currentAuth(request), request.params.id, request.body), "Module updated"),
  );

  // DELETE /modules/:id – with its lessons
  r.delete(
    "/modules/:id",
    {
      ...owner,
      schema: {
        tags: mt,
        security,
        summary: "Delete a module and its lessons",
        params: idParams,
        response: responds(z.null()),
      },
    },
    async (request) => {
      await service.deleteModule(currentAuth(request), request.params.id);
      return ok(null, "Module deleted");
    },
  );

  // POST /modules/:id/lessons – owner or admin; a transcript is checked and indexed for search
  r.post(
    "/modules/:id/lessons",
    {
      ...owner,
      schema: {
        tags: lt,
        security,
        summary: "Add a lesson",
        params: idParams,
        body: lessonCreateSchema,
        response: responds(lessonSchema, 201),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(ok(await service.createLesson(currentAuth(request), request.params.id, request.body), "Lesson added")),
  );

  // POST /modules/:id/lessons/reorder – {ids} in the new order (every lesson of the module once)
  r.post(
    "/modules/:id/lessons/reorder",
    {
      ...owner,
      schema: {
        tags: lt,
        security,
        summary: "Reorder lessons",
        params: idParams,
        body: reorderSchema,
        response: responds(lessonOrderSchema),
      },
    },
    async (request) =>
      ok(await service.reorderLessons(currentAuth(request), request.params.id, request.body.ids), "Lessons reordered"),
  );

  // GET /lessons/:id – content for enrolled learners, the owner, admins, or a preview lesson
  r.get(
    "/lessons/:id",
    { schema: { tags: lt, summary: "A lesson's content", params: idParams, response: responds(lessonSchema) } },
    async (request) => ok(await service.read(request.auth, request.params.id)),
  );

  // PUT /lessons/:id – owner or admin; may move the lesson to another module of the course
  r.put(
    "/lessons/:id",
    {
      ...owner,
      schema: {
        tags: lt,
        security,
        summary: "Update a lesson",
        params: idParams,
        body: lessonUpdateSchema,
        response: responds(lessonSchema),
      },
    },
    async (request) =>
      ok(await service.updateLesson(currentAuth(request), request.params.id, request.body), "Lesson updated"),
  );

  // DELETE /lessons/:id
  r.delete(
    "/lessons/:id",
    {
      ...owner,
      schema: { tags: lt, security, summary: "Delete a lesson", params: idParams, response: responds(z.null()) },
    },
    async (request) => {
      await service.deleteLesson(currentAuth(request), request.params.id);
      return ok(null, "Lesson deleted");
    },
  );
}
