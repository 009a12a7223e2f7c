import {
  dailyReviewSchema,
  dailyReviewStatsSchema,
  recallGradeResultSchema,
  recallGradeSchema,
} from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import type { RecallService } from "./recall.service.js";

export function recallRoutes(app: FastifyInstance, opts: { service: RecallService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { service } = opts;
  const guard = { config: { auth: {} } };
  const tags = ["daily review"];
  const security = [{ bearerAuth: [] }];

  // GET /review/today – the caller's cards due today (at most 20: a five-minute review) and today's numbers
  r.get(
    "/review/today",
    {
      ...guard,
      schema: { tags, security, summary: "Today's recall cards", response: responds(dailyReviewSchema) },
    },
    async (request) => ok(await service.today(currentAuth(request))),
  );

  // GET /review/stats – due count, cards reviewed today, whether today's review is finished
  r.get(
    "/review/stats",
    {
      ...guard,
      schema: { tags, security, summary: "Your daily review numbers", response: responds(dailyReviewStatsSchema) },
    },
    async (request) => ok(await service.stats(currentAuth(request))),
  );

  // POST /review/cards/:id/grade – FSRS rating; idempotent per review_id, a card already reviewed today is a 409
  r.post(
    "/review/cards/:id/grade",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Grade a recall card (again, hard, good, easy)",
        params: z.object({ id: z.uuid() }),
        body: recallGradeSchema,
        response: responds(recallGradeResultSchema),
      },
    },
    async (request) => {
      const result = await service.grade(currentAuth(request), request.params.id, request.body);
      return ok(result, result.applied ? "Review recorded" : "Review already recorded");
    },
  );
}
