import {
  notificationListQuerySchema,
  notificationPageSchema,
  notificationPreferencesSchema,
  notificationPreferencesUpdateSchema,
  notificationReadAllSchema,
  notificationSchema,
  unsubscribeResultSchema,
  unsubscribeSchema,
} from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { decodeCursor, isTimeCursor } from "../../lib/cursor.js";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import type { NotificationService } from "./notification.service.js";

export function notificationRoutes(app: FastifyInstance, opts: { service: NotificationService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { service } = opts;
  const guard = { config: { auth: {} } };
  const tags = ["notifications"];
  const security = [{ bearerAuth: [] }];

  // GET /notifications – the caller's notifications, newest first (keyset pages), with the unread count
  r.get(
    "/notifications",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Your notifications",
        querystring: notificationListQuerySchema,
        response: responds(notificationPageSchema),
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const after = cursor ? decodeCursor(cursor, isTimeCursor) : undefined;
      return ok(await service.list(currentAuth(request), { limit, after }));
    },
  );

  // POST /notifications/read-all – marks every unread notification of the caller read
  r.post(
    "/notifications/read-all",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Mark all your notifications read",
        response: responds(notificationReadAllSchema),
      },
    },
    async (request) => ok(await service.readAll(currentAuth(request))),
  );

  // POST /notifications/:id/read – idempotent; someone else's notification is a 404 (no probing of ids)
  r.post(
    "/notifications/:id/read",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Mark a notification read",
        params: z.object({ id: z.uuid() }),
        response: responds(notificationSchema),
      },
    },
    async (request) => ok(await service.read(currentAuth(request), request.params.id)),
  );

  // POST /notifications/unsubscribe – no login: the signed token from an email turns that kind's email off
  r.post(
    "/notifications/unsubscribe",
    {
      schema: {
        tags,
        summary: "Turn off one kind of email from an unsubscribe link",
        body: unsubscribeSchema,
        response: responds(unsubscribeResultSchema),
      },
    },
    async (request) => ok(await service.unsubscribe(request.body.token), "Unsubscribed"),
  );

  // GET /users/me/notification-preferences – per kind in-app and email, and the weekly email (defaults included)
  r.get(
    "/users/me/notification-preferences",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Your notification preferences",
        response: responds(notificationPreferencesSchema),
      },
    },
    async (request) => ok(await service.preferences(currentAuth(request).userId)),
  );

  // PUT /users/me/notification-preferences – changes only the kinds and channels named
  r.put(
    "/users/me/notification-preferences",
    {
      ...guard,
      schema: {
        tags,
        security,
        summary: "Change your notification preferences",
        body: notificationPreferencesUpdateSchema,
        response: responds(notificationPreferencesSchema),
      },
    },
    async (request) => ok(await service.updatePreferences(currentAuth(request), request.body), "Preferences saved"),
  );
}
