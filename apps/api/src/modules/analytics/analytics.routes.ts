import {
  analyticsRangeQuerySchema,
  courseAnalyticsSchema,
  creatorAnalyticsSchema,
  lessonAnalyticsSchema,
  platformAnalyticsSchema,
} from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import type { AnalyticsService } from "./analytics.service.js";

export function analyticsRoutes(app: FastifyInstance, opts: { service: AnalyticsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["analytics"];
  const security = [{ bearerAuth: [] }];

  // GET /analytics/platform?from&to – admins only; UTC days, the last 30 by default, at most 366
  r.get(
    "/analytics/platform",
    {
      config: { auth: { roles: ["admin"] } },
      schema: {
        tags,
        security,
        summary: "Platform KPIs: enrollments, active learners, completion, quizzes, watch coverage",
        querystring: analyticsRangeQuerySchema,
        response: responds(platformAnalyticsSchema),
      },
    },
    async (request) => ok(await opts.service.platform(request.query)),
  );

  // GET /analytics/courses/:id?from&to – the course's creator or an admin; adds the lesson funnel and quiz figures
  r.get(
    "/analytics/courses/:id",
    {
      config: { auth: {} },
      schema: {
        tags,
        security,
        summary: "One course's KPIs, lesson funnel, quiz pass rates and watch coverage",
        params: z.object({ id: z.uuid() }),
        querystring: analyticsRangeQuerySchema,
        response: responds(courseAnalyticsSchema),
      },
    },
    async (request) => ok(await opts.service.course(currentAuth(request), request.params.id, request.query)),
  );

  // GET /analytics/courses/:id/lessons/:lesson_id?from&to – the course's creator or an admin; one lesson's funnel
  // step, coverage and quiz, with its timeline of rewatches and tutor questions (no learner identities)
  r.get(
    "/analytics/courses/:id/lessons/:lesson_id",
    {
      config: { auth: {} },
      schema: {
        tags,
        security,
        summary: "Where learners get stuck in one lesson: rewatched stretches and tutor questions on its timeline",
        params: z.object({ id: z.uuid(), lesson_id: z.uuid() }),
        querystring: analyticsRangeQuerySchema,
        response: responds(lessonAnalyticsSchema),
      },
    },
    async (request) =>
      ok(await opts.service.lesson(currentAuth(request), request.params.id, request.params.lesson_id, request.query)),
  );

  // GET /analytics/creator – creators and admins: a summary of each of the caller's own courses
  r.get(
    "/analytics/creator",
    {
      config: { auth: { roles: ["creator", "admin"] } },
      schema: {
        tags,
        security,
        summary: "The caller's courses: enrollments, recent learners, completion rate, rating",
        response: responds(creatorAnalyticsSchema),
      },
    },
    async (request) => ok(await opts.service.creator(currentAuth(request))),
  );
}
