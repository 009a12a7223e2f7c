import {
  accountDeletionSchema,
  emailChangeConfirmSchema,
  emailChangeRequestedSchema,
  emailChangeSchema,
  userResultSchema,
} from "@lumen/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ok, responds } from "../../lib/reply.js";
import { currentAuth } from "../../plugins/auth.js";
import { requestMeta } from "../auth/auth.routes.js";
import type { AccountDeletionService } from "./account-deletion.service.js";
import type { EmailChangeService } from "./email-change.service.js";

export function accountRoutes(
  app: FastifyInstance,
  opts: { emailChange: EmailChangeService; deletion: AccountDeletionService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { emailChange, deletion } = opts;
  const security = [{ bearerAuth: [] }];

  // POST /auth/email – current password + new address; a link goes to the new address, nothing changes yet
  r.post(
    "/auth/email",
    {
      config: { auth: {} },
      schema: {
        tags: ["auth"],
        security,
        summary: "Change your email (confirmed by a link sent to the new address)",
        description:
          "400 when the current password is wrong; 409 CONFLICT when another account has the address; 429 past " +
          "5 requests an hour. The change applies only when the link is opened (POST /auth/email/confirm).",
        body: emailChangeSchema,
        response: responds(emailChangeRequestedSchema),
      },
    },
    async (request) => {
      const result = await emailChange.request(currentAuth(request), request.body, requestMeta(request));
      return ok(result, `We sent a link to ${result.pending_email}. Your email changes when you open it.`);
    },
  );

  // POST /auth/email/confirm – the mailed token, by the signed-in owner; other sessions end, the old address is told
  r.post(
    "/auth/email/confirm",
    {
      config: { auth: {} },
      schema: {
        tags: ["auth"],
        security,
        summary: "Confirm a change of email with the mailed token",
        description:
          "Only the account that asked may use its token: another account's, a spent or an expired token answers " +
          "400. Every session but this one and the one that asked is signed out.",
        body: emailChangeConfirmSchema,
        response: responds(userResultSchema),
      },
    },
    async (request) =>
      ok(
        { user: await emailChange.confirm(currentAuth(request), request.body.token, requestMeta(request)) },
        "Email changed",
      ),
  );

  // DELETE /users/me – the password again; erases personal data, keeps anonymous learning statistics
  r.delete(
    "/users/me",
    {
      config: { auth: {} },
      schema: {
        tags: ["users"],
        security,
        summary: "Delete your account",
        description:
          "Erases the name, email, profile, picture, sessions and tutor conversations; progress, quiz attempts, " +
          "analytics and reviews stay on the now anonymous account (reviews show “Deleted learner”), payments " +
          "for the books. A running subscription is cancelled. 409 CONFLICT (`details.reason`) while you own " +
          "published courses (`published_courses`) or are the last admin (`last_admin`).",
        body: accountDeletionSchema,
        response: responds(z.null()),
      },
    },
    async (request) => {
      await deletion.deleteAccount(currentAuth(request), request.body, requestMeta(request));
      return ok(null, "Your account has been deleted");
    },
  );
}
