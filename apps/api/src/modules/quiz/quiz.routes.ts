import {
  lessonQuizSchema,
  ownerQuizSchema,
  pageOf,
  quizAttemptBodySchema,
  quizAttemptListQuerySchema,
  quizAttemptResultSchema,
  quizAttemptSummarySchema,
  quizUpsertSchema,
} from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { decodeCursor, isTimeCursor } from "../../lib/cursor.js";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import type { QuizService } from "./quiz.service.js";

export function quizRoutes(app: FastifyInstance, opts: { service: QuizService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { service } = opts;
  const guard = { config: { auth: {} } };
  const tags = ["quizzes"];
  const security = [{ bearerAuth: [] }];
  const params = z.object({ id: z.uuid() });

  // GET /lessons/:id/quiz – owner and admins see the key; learners and preview guests never do; null: no quiz yet
  r.get(
    "/lessons/:id/quiz",
    {
      schema: {
        tags,
        security: [{}, ...security],
        summary: "A lesson's quiz: with the answer key for its owner, without it for everyone else; null when none yet",
        params,
        response: responds(lessonQuizSchema),
      },
    },
    async (request) => ok(await service.get(request.auth, request.params.id)),
  );

  // PUT /lessons/:id/quiz – owner or admin; replaces the whole quiz, keeping valid question ids stable
  r.put(
    "/lessons/:id/quiz",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Create or replace a lesson's quiz",
        params,
        body: quizUpsertSchema,
        response: responds(ownerQuizSchema),
      },
    },
    async (request) => ok(await service.put(currentAuth(request), request.params.id, request.body), "Quiz saved"),
  );

  // DELETE /lessons/:id/quiz – owner or admin; the attempts go with it
  r.delete(
    "/lessons/:id/quiz",
    { ...guard, schema: { tags, security, summary: "Delete a lesson's quiz", params, response: responds(z.null()) } },
    async (request) => {
      await service.remove(currentAuth(request), request.params.id);
      return ok(null, "Quiz deleted");
    },
  );

  // POST /lessons/:id/quiz/attempts – scored on the server; the key is revealed only after an attempt
  r.post(
    "/lessons/:id/quiz/attempts",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Submit answers to a lesson's quiz (enrolled learners)",
        params,
        body: quizAttemptBodySchema,
        response: responds(quizAttemptResultSchema, 201),
      },
    },
    async (request, reply) => {
      const result = await service.submit(currentAuth(request), request.params.id, request.body);
      return reply.code(201).send(ok(result, result.passed ? "Quiz passed" : "Quiz not passed yet"));
    },
  );

  // GET /lessons/:id/quiz/attempts – the caller's own attempts, newest first, keyset pagination
  r.get(
    "/lessons/:id/quiz/attempts",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Your attempts at a lesson's quiz",
        params,
        querystring: quizAttemptListQuerySchema,
        response: responds(pageOf(quizAttemptSummarySchema)),
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const after = cursor ? decodeCursor(cursor, isTimeCursor) : undefined;
      return ok(await service.listAttempts(currentAuth(request), request.params.id, { limit, after }));
    },
  );
}
