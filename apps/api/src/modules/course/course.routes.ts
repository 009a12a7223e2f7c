import {
  categoryListSchema,
  courseCreateSchema,
  courseDetailSchema,
  courseListQuerySchema,
  courseRemovalSchema,
  courseSummarySchema,
  courseUpdateSchema,
  pageOf,
  studioCourseListQuerySchema,
  studioCourseSchema,
  suggestionListSchema,
  suggestQuerySchema,
} from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ok, responds } from "../../lib/reply.js";
import { adoptSession, currentAuth, sessionClaims } from "../../plugins/auth.js";
import { PUBLIC_READ, sendEntry } from "../../plugins/http-cache.js";
import type { CourseService } from "./course.service.js";

const idParams = z.object({ id: z.uuid() });

export function courseRoutes(app: FastifyInstance, opts: { service: CourseService }) {
  const { service } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["courses"];
  const security = [{ bearerAuth: [] }];

  // GET /courses – the public catalog: filters, full-text + typo-tolerant search, sort, keyset pagination; cached
  r.get(
    "/courses",
    {
      config: PUBLIC_READ,
      schema: {
        tags,
        summary: "List published courses",
        querystring: courseListQuerySchema,
        response: responds(pageOf(courseSummarySchema)),
      },
    },
    async (request, reply) => sendEntry(reply, await service.listPublished(request.query)),
  );

  // GET /courses/suggest?q= – titles for search-as-you-type
  r.get(
    "/courses/suggest",
    {
      config: PUBLIC_READ,
      schema: {
        tags,
        summary: "Course titles matching a prefix or a typo",
        querystring: suggestQuerySchema,
        response: responds(suggestionListSchema),
      },
    },
    async (request, reply) => sendEntry(reply, await service.suggest(request.query.q, request.query.limit)),
  );

  // GET /courses/categories – the categories of published courses, for the catalog's filter
  r.get(
    "/courses/categories",
    {
      config: PUBLIC_READ,
      schema: {
        tags,
        summary: "Categories of the published catalog, alphabetical, with their course counts",
        response: responds(categoryListSchema),
      },
    },
    async (_request, reply) => sendEntry(reply, await service.categories()),
  );

  // GET /courses/mine – the creator studio: the caller's own courses in every status, most recently edited first
  r.get(
    "/courses/mine",
    {
      config: { auth: { roles: ["creator", "admin"] } },
      schema: {
        tags,
        security,
        summary: "My courses (creator studio): drafts, published and archived, with lessons and enrollments",
        querystring: studioCourseListQuerySchema,
        response: responds(pageOf(studioCourseSchema)),
      },
    },
    async (request) => ok(await service.listMine(currentAuth(request), request.query)),
  );

  // POST /courses – creators and admins; a new course is a draft owned by the caller
  r.post(
    "/courses",
    {
      config: { auth: { roles: ["creator", "admin"] } },
      schema: {
        tags,
        security,
        summary: "Create a course (draft)",
        body: courseCreateSchema,
        response: responds(courseDetailSchema, 201),
      },
    },
    async (request, reply) =>
      reply.code(201).send(ok(await service.create(currentAuth(request), request.body), "Course created")),
  );

  // GET /courses/:id – outline, creator, stats and the caller's enrollment; drafts only for owner and admins.
  // Guests get the cached public page as is; signed in, the cached page plus the caller's enrollment and access,
  // read in the same query as the session check.
  r.get(
    "/courses/:id",
    {
      config: { ...PUBLIC_READ, sessionInHandler: true },
      schema: {
        tags,
        summary: "Course detail with its outline",
        params: idParams,
        response: responds(courseDetailSchema),
      },
    },
    async (request, reply) => {
      const claims = await sessionClaims(request);
      if (!claims) return sendEntry(reply, await service.publicDetail(request.params.id));
      const { auth, detail } = await service.viewerDetail(claims, request.params.id);
      adoptSession(request, auth);
      return reply.send(ok(detail));
    },
  );

  // PUT /courses/:id – owner or admin; status moves draft → published → archived (publishing needs a lesson)
  r.put(
    "/courses/:id",
    {
      config: { auth: {} },
      schema: {
        tags,
        security,
        summary: "Update a course",
        params: idParams,
        body: courseUpdateSchema,
        response: responds(courseDetailSchema),
      },
    },
    async (request) =>
      ok(await service.update(currentAuth(request), request.params.id, request.body), "Course updated"),
  );

  // DELETE /courses/:id – owner or admin; a course with enrollments is archived instead of deleted
  r.delete(
    "/courses/:id",
    {
      config: { auth: {} },
      schema: {
        tags,
        security,
        summary: "Delete (or archive) a course",
        params: idParams,
        response: responds(courseRemovalSchema),
      },
    },
    async (request) => {
      const result = await service.remove(currentAuth(request), request.params.id);
      return ok(result, result.archived ? "Learners are enrolled, so the course was archived" : "Course deleted");
    },
  );
}
