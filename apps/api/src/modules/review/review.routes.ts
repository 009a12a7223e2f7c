import {
  myReviewSchema,
  pageOf,
  reviewListQuerySchema,
  reviewReplyUpsertSchema,
  reviewSchema,
  reviewUpsertSchema,
} from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { decodeCursor, isTimeCursor } from "../../lib/cursor.js";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import { PUBLIC_READ, sendEntry } from "../../plugins/http-cache.js";
import type { ReviewService } from "./review.service.js";

export function reviewRoutes(app: FastifyInstance, opts: { service: ReviewService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { service } = opts;
  const guard = { config: { auth: {} } };
  const tags = ["reviews"];
  const security = [{ bearerAuth: [] }];
  const params = z.object({ id: z.uuid() });

  // GET /courses/:id/reviews – public for visible courses, newest first, keyset pagination; cached for guests
  r.get(
    "/courses/:id/reviews",
    {
      config: PUBLIC_READ,
      schema: {
        tags,
        summary: "A course's reviews",
        params,
        querystring: reviewListQuerySchema,
        response: responds(pageOf(reviewSchema)),
      },
    },
    async (request, reply) => {
      const { limit, cursor } = request.query;
      const after = cursor ? decodeCursor(cursor, isTimeCursor) : undefined;
      return request.auth
        ? reply.send(ok(await service.list(request.auth, request.params.id, { limit, after })))
        : sendEntry(reply, await service.publicList(request.params.id, { limit, cursor, after }));
    },
  );

  // GET /courses/:id/reviews/me – the caller's own review, null when there is none yet (404: no such course)
  r.get(
    "/courses/:id/reviews/me",
    {
      ...guard,
      schema: { tags, security, summary: "Your review of a course", params, response: responds(myReviewSchema) },
    },
    async (request) => ok(await service.mine(currentAuth(request), request.params.id)),
  );

  // PUT /courses/:id/reviews/me – enrolled learners with a verified email (no ratings from throwaway accounts), not
  // the creator; one review each, the rating recounted at once
  r.put(
    "/courses/:id/reviews/me",
    {
      config: { auth: { verifiedEmail: true } },
      schema: {
        tags,
        security,
        summary: "Create or edit your review of a course",
        params,
        body: reviewUpsertSchema,
        response: { ...responds(reviewSchema), ...responds(reviewSchema, 201) },
      },
    },
    async (request, reply) => {
      const { review, created } = await service.upsert(currentAuth(request), request.params.id, request.body);
      return reply.code(created ? 201 : 200).send(ok(review, created ? "Review posted" : "Review updated"));
    },
  );

  // DELETE /courses/:id/reviews/me – removes the caller's review and recounts the course's rating
  r.delete(
    "/courses/:id/reviews/me",
    {
      ...guard,
      schema: { tags, security, summary: "Delete your review of a course", params, response: responds(z.null()) },
    },
    async (request) => {
      await service.remove(currentAuth(request), request.params.id);
      return ok(null, "Review deleted");
    },
  );

  const replyParams = z.object({ id: z.uuid(), reviewId: z.uuid() });

  // PUT /courses/:id/reviews/:reviewId/reply – the course's creator (or an admin) answers a review publicly; the
  // reviewer is notified when the reply is first posted
  r.put(
    "/courses/:id/reviews/:reviewId/reply",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Reply to a review of your course",
        description:
          "Creates or edits the one public reply to a review, shown under it on the course page. Only the course's creator and admins may reply (403); the reviewer gets a `review.reply` notification when a reply is first posted, not on edits.",
        params: replyParams,
        body: reviewReplyUpsertSchema,
        response: responds(reviewSchema),
      },
    },
    async (request) => {
      const { id, reviewId } = request.params;
      return ok(await service.reply(currentAuth(request), id, reviewId, request.body), "Reply posted");
    },
  );

  // DELETE /courses/:id/reviews/:reviewId/reply – removes the reply (idempotent)
  r.delete(
    "/courses/:id/reviews/:reviewId/reply",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Remove your reply to a review",
        params: replyParams,
        response: responds(reviewSchema),
      },
    },
    async (request) => {
      const { id, reviewId } = request.params;
      return ok(await service.removeReply(currentAuth(request), id, reviewId), "Reply removed");
    },
  );
}
